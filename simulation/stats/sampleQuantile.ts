/**
 * The q-quantile of a sample by linear interpolation between order statistics:
 * Hyndman and Fan's type 7, the default of R's `quantile` and NumPy's
 * `percentile`. With n sorted values x[0..n-1], h = (n - 1) q and the result is
 * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 *
 * `values` need not be sorted and is not changed. A single value is every
 * quantile of itself. @throws RangeError for an empty sample, q outside
 * [0, 1], or a NaN in the sample.
 */
export function sampleQuantile(values: readonly number[], q: number): number {
  if (values.some((v) => Number.isNaN(v))) throw new RangeError('sampleQuantile: the sample contains NaN');
  return sortedQuantile(Float64Array.from(values).sort(), q);
}

/**
 * {@link sampleQuantile} for values already sorted ascending (not checked), so
 * several quantiles of one sample need one sort.
 */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('sampleQuantile needs at least one value');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`sampleQuantile needs q in [0, 1], got ${q}`);
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  if (lo === n - 1) return below;
  return below + (h - lo) * (sorted[lo + 1]! - below);
}
