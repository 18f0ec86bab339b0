/**
 * Percentile bands of many series of the same length (one per replication)
 * in fixed memory: each point keeps a histogram of its values over
 * geometric bins, so the 10th, 50th and 90th percentile at each point can be
 * read without keeping every replication. Adding series in any order gives
 * the same counts, so results do not depend on how work was split.
 */
export class BandAccumulator {
  private readonly counts: Uint32Array;
  private n = 0;

  /** Bin edges: 0, then geometric from `smallest` to `largest` (values beyond go to the last bin). */
  static readonly BINS = 96;
  private static readonly smallest = 0.01;
  private static readonly largest = 1e5;
  private static readonly ratio = Math.pow(BandAccumulator.largest / BandAccumulator.smallest, 1 / (BandAccumulator.BINS - 2));
  private static readonly logRatio = Math.log(BandAccumulator.ratio);

  /**
   * @param store where the counts live (zeroed, `points * BINS` long), when
   * several accumulators share one buffer: a view of it, so that a run's
   * hundreds of accumulators cost one allocation rather than one each.
   */
  constructor(
    readonly points: number,
    store?: Uint32Array,
  ) {
    const size = points * BandAccumulator.BINS;
    if (store && store.length !== size) throw new RangeError(`a store of ${size} counts is needed, got ${store.length}`);
    this.counts = store ?? new Uint32Array(size);
  }

  /** `n` accumulators of `points` points sharing one zeroed buffer (see the constructor). */
  static many(n: number, points: number): BandAccumulator[] {
    const size = points * BandAccumulator.BINS;
    const buffer = new Uint32Array(n * size);
    return Array.from({ length: n }, (_, i) => new BandAccumulator(points, buffer.subarray(i * size, (i + 1) * size)));
  }

  get count(): number {
    return this.n;
  }

  add(series: readonly number[]): void {
    if (series.length !== this.points) throw new RangeError(`series has ${series.length} points, expected ${this.points}`);
    const counts = this.counts;
    for (let i = 0; i < this.points; i++) counts[i * BandAccumulator.BINS + BandAccumulator.binOf(series[i]!)]!++;
    this.n++;
  }

  /** Adds a series given as the bins of its points ({@link binOf}), `points` of them from `from`. */
  addBins(bins: Uint8Array, from: number): void {
    if (from + this.points > bins.length) throw new RangeError(`need ${this.points} bins from ${from}, have ${bins.length - from}`);
    const counts = this.counts;
    for (let i = 0; i < this.points; i++) counts[i * BandAccumulator.BINS + bins[from + i]!]!++;
    this.n++;
  }

  /** The q-quantile at each point, as the middle of the bin it falls in (0 for the zero bin). */
  quantiles(q: number): number[] {
    const out: number[] = [];
    const target = q * (this.n - 1);
    for (let i = 0; i < this.points; i++) {
      let seen = 0;
      let b = 0;
      for (; b < BandAccumulator.BINS - 1; b++) {
        seen += this.counts[i * BandAccumulator.BINS + b]!;
        if (seen > target) break;
      }
      out.push(this.n === 0 ? NaN : BandAccumulator.middle(b));
    }
    return out;
  }

  /** Several quantiles at each point in one pass over the bins (`qs` ascending): the same values as {@link quantiles} for each. */
  quantilesAt(qs: readonly number[]): number[][] {
    const out = qs.map(() => new Array<number>(this.points));
    const targets = qs.map((q) => q * (this.n - 1));
    for (let i = 0; i < this.points; i++) {
      let seen = 0;
      let k = 0;
      for (let b = 0; b < BandAccumulator.BINS && k < qs.length; b++) {
        seen += b < BandAccumulator.BINS - 1 ? this.counts[i * BandAccumulator.BINS + b]! : Infinity;
        while (k < qs.length && seen > targets[k]!) out[k++]![i] = this.n === 0 ? NaN : BandAccumulator.middle(b);
      }
    }
    return out;
  }

  /** The bin of a value (0 for zero, NaN and values below half the smallest edge). */
  static binOf(v: number): number {
    if (!(v > BandAccumulator.smallest / 2)) return 0;
    const b = 1 + Math.floor(Math.log(v / BandAccumulator.smallest) / BandAccumulator.logRatio + 0.5);
    return Math.min(BandAccumulator.BINS - 1, Math.max(1, b));
  }

  private static middle(b: number): number {
    return b === 0 ? 0 : BandAccumulator.smallest * Math.pow(BandAccumulator.ratio, b - 1);
  }
}
