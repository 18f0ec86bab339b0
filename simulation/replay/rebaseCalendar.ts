/**
 * A change of the scenario's calendar keeps planned absences and departures
 * on their dates: they are kept in working hours from the first day, so each
 * is re-read as the date and time it names on the old calendar and written
 * back in working hours of the new one. (Incident logs keep UTC instants and
 * need nothing.) An absence that ends before the new first day is before the
 * scenario and is removed; one that starts before it begins on it.
 */
import type { Calendar, Person, Scenario } from '../scenario/schema';
import { wallClockToWorkingHours, workingHoursToDate } from './workingTime';

/**
 * Working hour `hours` of calendar `from`, as a working hour of calendar `to`
 * (same date and local time). An `'end'` at the exact end of a working day is
 * that day's end (not the next day's start, the same moment in working time).
 */
export function rebaseWorkingHour(hours: number, from: Calendar, to: Calendar, edge: 'start' | 'end' = 'start'): number {
  const nudge = edge === 'end' && hours > 0 ? 1e-7 : 0;
  const d = workingHoursToDate(hours - nudge, from);
  const { date } = d;
  const minutes = Math.round(d.minutes + nudge * 60);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return wallClockToWorkingHours({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0, offsetMinutes: null }, to);
}

function rebasePerson(p: Person, from: Calendar, to: Calendar): Person {
  const absences = p.absences
    .map((a) => ({ ...a, start: rebaseWorkingHour(a.start, from, to), end: rebaseWorkingHour(a.end, from, to, 'end') }))
    .filter((a) => a.end > 0 && a.end > a.start)
    .map((a) => ({ ...a, start: Math.max(0, a.start) }));
  const departureAt = p.departureAt === null ? null : Math.max(0, rebaseWorkingHour(p.departureAt, from, to));
  return { ...p, absences, departureAt };
}

/** The people of the scenario and of its variants, with their absences and departures on the new calendar's working hours. */
export function rebasePeople(scenario: Pick<Scenario, 'people' | 'variants'>, from: Calendar, to: Calendar): Pick<Scenario, 'people' | 'variants'> {
  return {
    people: scenario.people.map((p) => rebasePerson(p, from, to)),
    variants: scenario.variants.map((v) => (v.overrides.people ? { ...v, overrides: { ...v.overrides, people: v.overrides.people.map((p) => rebasePerson(p, from, to)) } } : v)),
  };
}
