import type { ConfidenceInterval } from '../../../simulation/stats/confidenceInterval';

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
