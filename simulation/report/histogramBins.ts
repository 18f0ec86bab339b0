import type { LogHistogramSnapshot } from '../stats/logHistogram';

/**
 * Re-bins a log-bucketed histogram into `count` equal-width bins from 0 to
 * `upTo` (values beyond go in the last bin), using each bucket's
 * representative value, for drawing.
 */
export function linearBins(s: LogHistogramSnapshot, count: number, upTo: number): { x0: number; x1: number; count: number }[] {
  const width = upTo / count;
  const bins = Array.from({ length: count }, (_, i) => ({ x0: i * width, x1: (i + 1) * width, count: 0 }));
  if (!(upTo > 0)) return bins;
  const gamma = (1 + s.relativeError) / (1 - s.relativeError);
  const offset = Math.ceil(Math.log(s.min) / Math.log(gamma));
  bins[0]!.count += s.zeros;
  for (const [i, c] of s.buckets) {
    const value = (2 * Math.pow(gamma, i + offset)) / (gamma + 1);
    bins[Math.min(count - 1, Math.floor(value / width))]!.count += c;
  }
  return bins;
}
