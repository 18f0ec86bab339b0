import { pairedDiffCI, pairedRelativeDiffCI, type ConfidenceInterval } from '../stats/confidenceInterval';
import { SCALAR_METRIC_NAMES, type ScalarMetric, type VariantSummary } from './variantSummary';

export interface MetricComparison {
  metric: ScalarMetric;
  /** Paired difference variant - baseline, in the metric's unit. */
  difference: ConfidenceInterval | null;
  /** Paired relative difference (variant / baseline - 1), e.g. -0.38 = 38% lower. */
  relative: ConfidenceInterval | null;
  /** Replications in which both variants measured the metric. */
  pairs: number;
}

/**
 * Compares a variant with the baseline replication by replication. Both ran
 * on the same replication seeds (common random numbers), so each pair saw the
 * same arrivals, incidents and absences, and the intervals are of the paired
 * differences. Replications where either measured nothing (NaN) are left out;
 * with fewer than two pairs there is no interval.
 */
export function compareVariants(variant: VariantSummary, baseline: VariantSummary): MetricComparison[] {
  return SCALAR_METRIC_NAMES.map((metric) => {
    const [pa, pb] = finitePairs(variant.perReplication[metric], baseline.perReplication[metric]);
    if (pa.length < 2) return { metric, difference: null, relative: null, pairs: pa.length };
    const meanB = pb.reduce((x, y) => x + y, 0) / pb.length;
    return {
      metric,
      difference: pairedDiffCI(pa, pb),
      relative: meanB !== 0 ? pairedRelativeDiffCI(pa, pb) : null,
      pairs: pa.length,
    };
  });
}

/** The replications both measured (a finite value in each), as two aligned lists, over their common length. */
export function finitePairs(a: readonly number[], b: readonly number[]): [number[], number[]] {
  const pa: number[] = [];
  const pb: number[] = [];
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      pa.push(a[i]!);
      pb.push(b[i]!);
    }
  }
  return [pa, pb];
}
