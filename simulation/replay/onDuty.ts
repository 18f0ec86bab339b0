/**
 * How much of a recorded repair was work, as the replay's people work: time
 * out of hours at the start is worked (someone was paged and answered); then
 * time in working periods, and up to {@link OVERTIME_HOURS} past the end of
 * each (someone restoring a service stays late), counts; the rest of the
 * night or weekend the incident waited. A log whose team stopped at night and
 * a log whose team worked late both replay to their recorded times.
 */
import type { Calendar } from '../scenario/schema';
import { HOUR_MS, workingPeriods } from './replayClock';

/** Hours someone restoring a service stays past the end of their working day (then it waits for the next one, or the person on call). */
export const OVERTIME_HOURS = 3;

/** Hours of work in [from, to] (instants), see the module's note. */
export function onDutyHours(from: number, to: number, calendar: Calendar, timeZone: string): number {
  if (!(to > from)) return 0;
  const periods = workingPeriods(from, to, calendar, timeZone).map(([a, b]) => [a, b + OVERTIME_HOURS * HOUR_MS] as const);
  let worked = 0;
  let t = from;
  const first = periods.find(([, b]) => b > from);
  // Out of hours at the start: worked until the next working period (or the end).
  if (!first || first[0] > from) {
    const until = Math.min(to, first ? first[0] : to);
    worked += until - t;
    t = until;
  }
  for (const [a, b] of periods) {
    const lo = Math.max(a, t);
    const hi = Math.min(b, to);
    if (hi > lo) {
      worked += hi - lo;
      t = hi;
    }
  }
  return worked / HOUR_MS;
}
