/**
 * The replay's clock: real (wall-clock) hours from the Monday 00:00, in the
 * log's time zone, of the week of its first incident. Incidents keep their
 * real times; working hours are a property of people's availability (see
 * offDuty.ts), not of the log.
 */
import type { Calendar, IncidentLog, RecordedIncident } from '../scenario/schema';
import { toInstant, toWallClock } from './dates';
import { dayStartOf, workingHoursToDate } from './workingTime';

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** An incident's times as milliseconds since 1970 (UTC). */
export interface IncidentTimes {
  start: number;
  acknowledged: number | null;
  resolved: number;
}

export function incidentTimes(inc: RecordedIncident): IncidentTimes {
  return { start: Date.parse(inc.start), acknowledged: inc.acknowledged === null ? null : Date.parse(inc.acknowledged), resolved: Date.parse(inc.resolved) };
}

/** Recorded time to restore, hours (resolved - start). */
export const recordedHours = (inc: RecordedIncident): number => (Date.parse(inc.resolved) - Date.parse(inc.start)) / HOUR_MS;

export interface ReplayClock {
  /** Instant of hour 0. */
  origin: number;
  timeZone: string;
  toHours(instant: number): number;
  toInstant(hours: number): number;
}

/** Midnight, local in `timeZone`, of the civil date `days` after the one `instant` falls on there. */
export function localMidnight(instant: number, timeZone: string, days = 0): number {
  const w = toWallClock(instant, timeZone);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day) + days * DAY_MS);
  return toInstant({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0, offsetMinutes: null }, timeZone);
}

/** ISO weekday (1 Monday .. 7 Sunday) of the local date at `instant`. */
export function localWeekday(instant: number, timeZone: string): number {
  const w = toWallClock(instant, timeZone);
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The clock of a replay of `log` (a log with no incidents starts at 1970's first Monday, never used). */
export function replayClock(log: Pick<IncidentLog, 'incidents' | 'timeZone'>): ReplayClock {
  let first = Infinity;
  for (const inc of log.incidents) first = Math.min(first, Date.parse(inc.start));
  if (!Number.isFinite(first)) first = 4 * DAY_MS;
  const origin = localMidnight(first, log.timeZone, 1 - localWeekday(first, log.timeZone));
  return { origin, timeZone: log.timeZone, toHours: (t) => (t - origin) / HOUR_MS, toInstant: (h) => origin + h * HOUR_MS };
}

/**
 * The working periods (instants) of the days from `from` to `to`: on the
 * first `daysPerWeek` days of each week counted from Monday (5: Monday to
 * Friday), from the calendar's day start, local in `timeZone`, for
 * `hoursPerDay` hours. Daylight-saving changes move them with the local clock.
 */
export function workingPeriods(from: number, to: number, calendar: Calendar, timeZone: string): [number, number][] {
  const out: [number, number][] = [];
  const dayStart = dayStartOf(calendar);
  for (let k = -1; ; k++) {
    const day = localMidnight(from, timeZone, k);
    if (day >= to) break;
    const local = toWallClock(day + 12 * HOUR_MS, timeZone);
    if (localWeekday(day + 12 * HOUR_MS, timeZone) > calendar.daysPerWeek) continue;
    // The day's own local hour, so a working day keeps its start across a daylight-saving change.
    const begin = toInstant({ year: local.year, month: local.month, day: local.day, hour: Math.floor(dayStart), minute: Math.round((dayStart % 1) * 60), second: 0, millisecond: 0, offsetMinutes: null }, timeZone);
    const end = begin + calendar.hoursPerDay * HOUR_MS;
    if (end > from && begin < to) out.push([begin, end]);
  }
  return out;
}

/** Whether `instant` is inside working hours (see {@link workingPeriods}). */
export function isWorkingTime(instant: number, calendar: Calendar, timeZone: string): boolean {
  return workingPeriods(instant, instant + 1, calendar, timeZone).some(([a, b]) => a <= instant && instant < b);
}

/**
 * The instant a scenario working hour names (planned absences and
 * departures are set in working hours on the scenario's calendar): its
 * date and local time in `timeZone`.
 */
export function workingHourToInstant(hours: number, calendar: Calendar, timeZone: string): number {
  const { date, minutes } = workingHoursToDate(hours, calendar);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return toInstant({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0, offsetMinutes: null }, timeZone) + minutes * 60_000;
}
