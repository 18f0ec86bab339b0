/**
 * How figures are written, the same on the results screen and in a report
 * (HTML, PDF), so a number a manager reads in one is the same to the digit
 * in the other.
 */
import type { ConfidenceInterval } from '../stats/confidenceInterval';

/** A number for a card: 3 significant figures, no trailing noise. */
export const num = (x: number): string => (!Number.isFinite(x) ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
export const pct = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(0)}%`;

/** "52 h ±3" */
export const withCI = (ci: ConfidenceInterval, unit: string): string =>
  `${num(ci.mean)}${unit ? ` ${unit}` : ''}${Number.isFinite(ci.halfWidth) ? ` ±${num(ci.halfWidth)}` : ''}`;

/** A paired difference with its interval: "+4.2 h [+2.9, +5.6]". */
export function signedDiff(ci: { mean: number; low: number; high: number } | null | undefined, unit: string): string {
  if (!ci) return '–';
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + num(Math.abs(x));
  return `${sign(ci.mean)}${unit ? ` ${unit}` : ''} [${sign(ci.low)}, ${sign(ci.high)}]`;
}

/** Hours as a short label: 45 min, 3.2 h, 12 h, 4.5 d (working days of 8 h). */
export function formatHours(h: number): string {
  if (!Number.isFinite(h)) return '-';
  if (h < 1) return `${Math.round(h * 60)} min`;
  if (h < 10) return `${h.toFixed(1)} h`;
  if (h < 80) return `${Math.round(h)} h`;
  return `${(h / 8).toFixed(1)} d`;
}

/** Tick labels in one unit for a whole axis: hours, or working days (8 h) when the axis is long. */
export function hoursAxisFormat(maxHours: number): (h: number) => string {
  return maxHours > 160 ? (h) => `${Number((h / 8).toFixed(1))} d` : (h) => `${Number(h.toFixed(1))} h`;
}
