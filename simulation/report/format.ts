/**
 * How figures are written, the same on the results screen and in a report
 * (HTML, PDF), so a number a manager reads in one is the same to the digit
 * in the other.
 */
import type { ConfidenceInterval } from '../stats/confidenceInterval';

/** A number for a card: 3 significant figures, no trailing noise; never "-0.00". */
export const num = (x: number): string => {
  if (!Number.isFinite(x)) return '–';
  const text = Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
  // A value that rounds to zero is written without a sign.
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
};
export const pct = (x: number): string => {
  const text = Math.abs(x * 100).toFixed(0);
  return `${text === '0' ? '' : x > 0 ? '+' : x < 0 ? '−' : ''}${text}%`;
};

/** "52 h ±3" */
export const withCI = (ci: ConfidenceInterval, unit: string): string =>
  `${num(ci.mean)}${unit ? ` ${unit}` : ''}${Number.isFinite(ci.halfWidth) ? ` ±${num(ci.halfWidth)}` : ''}`;

/**
 * "+4.2", "−3.1", "0": a difference with its sign. One too small for two
 * decimals keeps two significant digits ("+0.0012"), so that a difference
 * said to be clear never reads as zero; zero itself has no sign.
 */
export function signed(x: number): string {
  if (x === 0) return '0';
  const text = num(Math.abs(x));
  const small = /^0(\.0+)?$/.test(text) && Number.isFinite(x);
  return (x > 0 ? '+' : '−') + (small ? Math.abs(x).toPrecision(2) : text);
}

/** A paired difference with its interval: "+4.2 h [+2.9, +5.6]". */
export function signedDiff(ci: { mean: number; low: number; high: number } | null | undefined, unit: string): string {
  if (!ci) return '–';
  return `${signed(ci.mean)}${unit ? ` ${unit}` : ''} [${signed(ci.low)}, ${signed(ci.high)}]`;
}

/** What a difference's 95% interval says: both ends below zero, both above, or zero inside it. */
export type Verdict = 'lower' | 'higher' | 'unclear';

export function verdictOf(ci: { low: number; high: number } | null | undefined): Verdict | null {
  if (!ci || !Number.isFinite(ci.low) || !Number.isFinite(ci.high)) return null;
  return ci.high < 0 ? 'lower' : ci.low > 0 ? 'higher' : 'unclear';
}

export const VERDICT_TEXT: Record<Verdict, string> = { lower: 'clearly lower', higher: 'clearly higher', unclear: 'no clear difference' };

/** Whether a verdict is good news: lower is better for times, higher for throughput; null when neither is. */
export function verdictTone(verdict: Verdict | null, lowerIsBetter: boolean | null): 'better' | 'worse' | 'same' {
  if (verdict === null || verdict === 'unclear' || lowerIsBetter === null) return 'same';
  return (verdict === 'lower') === lowerIsBetter ? 'better' : 'worse';
}

/** What "±" and the brackets mean, for a hover. */
export const PLUS_MINUS_HELP = '± : half the width of the 95% confidence interval of the mean over the replications (the mean is within it 19 times in 20).';
export const BRACKETS_HELP = '[low, high]: 95% confidence interval of the paired difference (same seeds, replication by replication). Zero inside it: no clear difference.';

// ---------------------------------------------------------------------------
// Time: one policy for every figure, on the scenario's working calendar.

/** The working calendar a time is read on. */
export interface WorkingTime {
  hoursPerDay: number;
  daysPerWeek: number;
}

export const DEFAULT_WORKING_TIME: WorkingTime = { hoursPerDay: 8, daysPerWeek: 5 };

/** A unit of working time: its name for axes and headers, its short form beside numbers, and how many working hours it holds. */
export interface TimeUnit {
  name: 'hours' | 'working days' | 'working weeks';
  short: 'h' | 'days' | 'weeks';
  hours: number;
}

/**
 * The unit a figure of times up to `maxHours` (the largest absolute value it
 * shows) is written in: hours below two working days, working days below two
 * working weeks, working weeks above. One unit per figure (a card row, a
 * table column, an axis), so its numbers compare at a glance.
 */
export function timeUnitFor(maxHours: number, time: WorkingTime = DEFAULT_WORKING_TIME): TimeUnit {
  const day = time.hoursPerDay;
  const week = time.hoursPerDay * time.daysPerWeek;
  const m = Number.isFinite(maxHours) ? Math.abs(maxHours) : 0;
  if (m >= 2 * week) return { name: 'working weeks', short: 'weeks', hours: week };
  if (m >= 2 * day) return { name: 'working days', short: 'days', hours: day };
  return { name: 'hours', short: 'h', hours: 1 };
}

/** The unit of several values at once (the largest decides). */
export const timeUnitOf = (hours: readonly number[], time?: WorkingTime): TimeUnit => timeUnitFor(Math.max(0, ...hours.filter(Number.isFinite).map(Math.abs)), time);

/** What the units mean on this calendar: "working days of 8 h, working weeks of 5 days". */
export const unitsNote = (time: WorkingTime = DEFAULT_WORKING_TIME): string =>
  `Times in working hours, working days of ${Number(time.hoursPerDay.toFixed(2))} h or working weeks of ${Number(time.daysPerWeek.toFixed(2))} days (the scenario's calendar).`;

/** A mean with its interval in a time unit: "4.33 weeks ±0.12". */
export const timeWithCI = (ci: ConfidenceInterval, unit: TimeUnit): string =>
  withCI({ ...ci, mean: ci.mean / unit.hours, halfWidth: ci.halfWidth / unit.hours, low: ci.low / unit.hours, high: ci.high / unit.hours }, unit.short);

/** A paired difference of times in a unit: "+1.2 days [+0.9, +1.6]". */
export const timeDiff = (ci: { mean: number; low: number; high: number } | null | undefined, unit: TimeUnit): string =>
  signedDiff(ci && { mean: ci.mean / unit.hours, low: ci.low / unit.hours, high: ci.high / unit.hours }, unit.short);

/** A share as a percentage with its interval: "34% ±2". */
export const shareWithCI = (ci: ConfidenceInterval): string =>
  `${num(ci.mean * 100)}%${Number.isFinite(ci.halfWidth) ? ` ±${num(ci.halfWidth * 100)}` : ''}`;

/** Hours as a short label: 45 min, 3.2 h, 12 h, 4.5 days (working days on the calendar given, 8 h by default). */
export function formatHours(h: number, time: WorkingTime = DEFAULT_WORKING_TIME): string {
  if (!Number.isFinite(h)) return '-';
  if (h < 1) return `${Math.round(h * 60)} min`;
  if (h < 10) return `${h.toFixed(1)} h`;
  if (h < 10 * time.hoursPerDay) return `${Math.round(h)} h`;
  return `${(h / time.hoursPerDay).toFixed(1)} days`;
}

/** Tick labels in one unit for a whole axis: the number only (the axis title says the unit). */
export function hoursAxisFormat(maxHours: number, time?: WorkingTime): (h: number) => string {
  const unit = timeUnitFor(maxHours, time);
  return (h) => `${Number((h / unit.hours).toPrecision(6))}`;
}

// ---------------------------------------------------------------------------
// Dates: one format across the app ("5 Dec 2026", "5 Dec 2026, 06:47").

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** A date and time, local to the reader unless `utc`: "5 Dec 2026, 06:47" ("… UTC" when utc). Unreadable input is returned as it is. */
export function formatDateTime(iso: string, utc = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const [y, m, day, h, min] = utc ? [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] : [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()];
  return `${day} ${MONTHS[m]} ${y}, ${two(h)}:${two(min)}${utc ? ' UTC' : ''}`;
}

/** A calendar date (year, month 1-12, day): "18 Dec 2026". */
export const formatCivilDate = (y: number, month: number, day: number): string => `${day} ${MONTHS[month - 1] ?? '?'} ${y}`;
