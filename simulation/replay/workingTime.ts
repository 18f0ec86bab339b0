import type { Calendar } from '../scenario/schema';
import { toWallClock, type WallClock } from './dates';

/** The hour of the day (local, in the team's time zone) at which a working day starts. */
export const DEFAULT_DAY_START_HOUR = 9;

const DAY = 86_400_000;

/** The hour a working day of this calendar starts (its own, or 09:00). */
export const dayStartOf = (calendar: Calendar): number => calendar.dayStartHour ?? DEFAULT_DAY_START_HOUR;

/** Days from the calendar's start date to the civil date y-m-d (either may be before the other). */
function daysSinceStart(calendar: Calendar, year: number, month: number, day: number): number {
  const [sy, sm, sd] = calendar.startDate.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(sy, sm - 1, sd)) / DAY);
}

/**
 * The scenario's clock (working hours from the start) at a wall-clock time in
 * the team's zone, as the engine counts time: working weeks begin on the
 * calendar's start date, the first `daysPerWeek` days of each week are
 * working days, and each working day is `hoursPerDay` hours from
 * `dayStartHour` local time. Every calendar week is a working week (the
 * calendar's weeksPerYear only scales yearly rates).
 *
 * A moment outside working hours (a night, a weekend) maps to the next
 * working moment, which on this clock is the same point as the end of the
 * working time before it: an incident raised at 22:00 starts at the next
 * morning's first working hour, one resolved at 22:00 ends there too, so an
 * incident that began and ended in one night lasted zero working hours.
 * Moments before the start date give negative hours (or 0 for the weekend
 * just before it; see {@link beforeStartDate}).
 */
export function wallClockToWorkingHours(w: WallClock, calendar: Calendar, dayStartHour = dayStartOf(calendar)): number {
  const days = daysSinceStart(calendar, w.year, w.month, w.day);
  const week = Math.floor(days / 7);
  const weekday = days - week * 7;
  const perWeek = calendar.daysPerWeek * calendar.hoursPerDay;
  if (weekday >= calendar.daysPerWeek) return (week + 1) * perWeek;
  const intoDay = w.hour + w.minute / 60 + w.second / 3600 + w.millisecond / 3_600_000 - dayStartHour;
  return week * perWeek + weekday * calendar.hoursPerDay + Math.min(calendar.hoursPerDay, Math.max(0, intoDay));
}

/** Whether the instant falls on a day before the calendar's start date (in `timeZone`). */
export function beforeStartDate(instant: number, timeZone: string, calendar: Calendar): boolean {
  const w = toWallClock(instant, timeZone);
  return daysSinceStart(calendar, w.year, w.month, w.day) < 0;
}

/** {@link wallClockToWorkingHours} of an instant, read in `timeZone`. */
export function instantToWorkingHours(instant: number, timeZone: string, calendar: Calendar, dayStartHour = dayStartOf(calendar)): number {
  return wallClockToWorkingHours(toWallClock(instant, timeZone), calendar, dayStartHour);
}

/**
 * The local date and time at which working hour `hours` falls (the start of
 * the next working day for the exact end of one), for axes and labels:
 * `{ date: '2026-03-02', minutes: 570 }` is 09:30 on 2 March 2026.
 */
export function workingHoursToDate(hours: number, calendar: Calendar, dayStartHour = dayStartOf(calendar)): { date: string; weekday: number; minutes: number } {
  const perWeek = calendar.daysPerWeek * calendar.hoursPerDay;
  const week = Math.floor(hours / perWeek);
  const inWeek = hours - week * perWeek;
  const weekday = Math.min(calendar.daysPerWeek - 1, Math.floor(inWeek / calendar.hoursPerDay + 1e-9));
  // (The nudge: 3 x 7.6 is stored as 22.799999999999997, which must still be the fourth day.)
  const intoDay = inWeek - weekday * calendar.hoursPerDay;
  const [sy, sm, sd] = calendar.startDate.split('-').map(Number) as [number, number, number];
  const d = new Date(Date.UTC(sy, sm - 1, sd) + (week * 7 + weekday) * DAY);
  return { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay(), minutes: Math.round((dayStartHour + intoDay) * 60) };
}

/**
 * The working hour at which civil date `date` (YYYY-MM-DD) begins (`'start'`)
 * or ends (`'end'`) on this calendar: a day off begins and ends at the next
 * working moment, so an absence from a Saturday to a Sunday lasts no working
 * time. Dates before the first day give negative hours (or 0 for the weekend
 * just before it).
 */
export function dateToWorkingHours(date: string, calendar: Calendar, edge: 'start' | 'end'): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dayStart = dayStartOf(calendar);
  const hour = edge === 'start' ? dayStart : dayStart + calendar.hoursPerDay;
  return wallClockToWorkingHours({ year, month, day, hour, minute: 0, second: 0, millisecond: 0, offsetMinutes: null }, calendar, dayStart);
}

/** The civil date a span of working time starting (`'start'`) or ending (`'end'`) at `hours` is on. */
export function workingHoursToDay(hours: number, calendar: Calendar, edge: 'start' | 'end'): string {
  // An end on the exact end of a working day is on that day, not the next one.
  return workingHoursToDate(edge === 'end' && hours > 0 ? hours - 1e-7 : hours, calendar).date;
}

/** Whether `v` is a real civil date written YYYY-MM-DD (not 2026-02-30, not a partial value). */
export function isCivilDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(v);
}
