/** Settings of a {@link LogHistogram}; histograms merge only with equal settings. */
export interface LogHistogramOptions {
  /** Largest relative error of a quantile inside the range, in (0, 0.5). Default 0.01 (1%). */
  readonly relativeError?: number;
  /** Smallest positive value resolved (default 1e-3: 3.6 seconds, in hours). */
  readonly min?: number;
  /** Largest value resolved (default 1e7 hours). */
  readonly max?: number;
}

/** Plain-data form of a {@link LogHistogram}: settings plus the non-empty buckets. */
export interface LogHistogramSnapshot {
  readonly relativeError: number;
  readonly min: number;
  readonly max: number;
  readonly zeros: number;
  /** [bucket index, count] for each non-empty bucket. */
  readonly buckets: readonly (readonly [number, number])[];
  readonly sum: number;
  readonly lowest: number;
  readonly highest: number;
}

/**
 * A mergeable quantile sketch for non-negative values (durations), with
 * buckets on a logarithmic scale, as in HdrHistogram and DDSketch: bucket i
 * holds (gamma^(i-1), gamma^i] with gamma = (1 + e) / (1 - e), and reports
 * the point 2 gamma^i / (gamma + 1), which is within relative error e of
 * every value in the bucket. Memory is fixed (about 1,150 buckets for the
 * defaults) whatever the number of values, and two sketches with the same
 * settings merge exactly, so replications and workers can be combined.
 *
 * Guarantee: for values inside [min, max], `quantile(q)` is within relative
 * error e of the order statistic x(k), k = round(q (n - 1)) (0-based) of the
 * recorded values. Zero is counted exactly, and the smallest and largest
 * values are kept exactly (so ranks 0 and n - 1 are exact). Positive values
 * below `min` or above `max` are counted in the first or last bucket (the
 * guarantee does not hold for other ranks among them), and results are
 * clamped to the exact smallest and largest value seen. Negative or non-finite values throw a RangeError.
 */
export class LogHistogram {
  /** The relative error bound e of its quantiles. */
  readonly relativeError: number;
  /** Smallest positive value resolved within the bound. */
  readonly min: number;
  /** Largest value resolved within the bound. */
  readonly max: number;
  private readonly invLogGamma: number;
  private readonly gamma: number;
  /** Index of the bucket that holds `min`; bucket array slot 0. */
  private readonly offset: number;
  private readonly counts: Float64Array;
  private zeros = 0;
  private n = 0;
  private total = 0;
  private lowest = Infinity;
  private highest = -Infinity;

  constructor(options: LogHistogramOptions = {}) {
    const e = options.relativeError ?? 0.01;
    const min = options.min ?? 1e-3;
    const max = options.max ?? 1e7;
    if (!(e > 0 && e < 0.5)) throw new RangeError(`relativeError must be in (0, 0.5), got ${e}`);
    if (!(min > 0 && max > min && max < Infinity)) throw new RangeError(`need 0 < min < max < Infinity, got ${min}, ${max}`);
    this.relativeError = e;
    this.min = min;
    this.max = max;
    this.gamma = (1 + e) / (1 - e);
    this.invLogGamma = 1 / Math.log(this.gamma);
    this.offset = Math.ceil(Math.log(min) * this.invLogGamma);
    const top = Math.ceil(Math.log(max) * this.invLogGamma);
    this.counts = new Float64Array(top - this.offset + 1);
  }

  /** Rebuilds a histogram from {@link snapshot} output. */
  static fromSnapshot(s: LogHistogramSnapshot): LogHistogram {
    const h = new LogHistogram({ relativeError: s.relativeError, min: s.min, max: s.max });
    for (const [i, c] of s.buckets) {
      if (!(i >= 0 && i < h.counts.length)) throw new RangeError(`bucket index ${i} is outside the histogram`);
      h.counts[i] = c;
      h.n += c;
    }
    h.zeros = s.zeros;
    h.n += s.zeros;
    h.total = s.sum;
    h.lowest = h.n > 0 ? s.lowest : Infinity;
    h.highest = h.n > 0 ? s.highest : -Infinity;
    return h;
  }

  /**
   * The buckets that may hold values are [usedFrom, usedTo): those of the
   * smallest and largest values recorded and between (from 0 when zeros were
   * recorded, since the smallest positive value is not kept); empty when
   * no positive value was.
   */
  private usedFrom(): number {
    return this.n > this.zeros && this.lowest > 0 ? this.bucketOf(this.lowest) : 0;
  }

  private usedTo(): number {
    return this.n > this.zeros ? this.bucketOf(this.highest) + 1 : 0;
  }

  /** Count of values in bucket `i` (0 outside the histogram). */
  bucketCount(i: number): number {
    return this.counts[i] ?? 0;
  }

  /** Count of zeros recorded. */
  get zeroCount(): number {
    return this.zeros;
  }

  /** The bucket `record` counts a positive value `v` in. */
  bucketOf(v: number): number {
    const i = Math.ceil(Math.log(v) * this.invLogGamma) - this.offset;
    const last = this.counts.length - 1;
    return i < 0 ? 0 : i > last ? last : i;
  }

  /** Number of buckets (indices 0 .. bucketCount - 1 hold positive values). */
  get buckets(): number {
    return this.counts.length;
  }

  /** The value bucket `i` reports (before clamping to the smallest and largest value seen). */
  bucketValue(i: number): number {
    return (2 * Math.pow(this.gamma, i + this.offset)) / (this.gamma + 1);
  }

  /**
   * Makes this histogram hold exactly what `other` holds (same settings
   * required), touching only the buckets either has used.
   */
  copyFrom(other: LogHistogram): void {
    if (other.relativeError !== this.relativeError || other.min !== this.min || other.max !== this.max) throw new RangeError('histograms with different settings cannot be copied');
    this.counts.fill(0, this.usedFrom(), this.usedTo());
    const from = other.usedFrom();
    this.counts.set(other.counts.subarray(from, other.usedTo()), from);
    this.zeros = other.zeros;
    this.n = other.n;
    this.total = other.total;
    this.lowest = other.lowest;
    this.highest = other.highest;
  }

  /** Forgets every value, keeping the settings (cheaper than a new histogram). */
  reset(): void {
    if (this.n === 0) return;
    this.counts.fill(0, this.usedFrom(), this.usedTo());
    this.zeros = 0;
    this.n = 0;
    this.total = 0;
    this.lowest = Infinity;
    this.highest = -Infinity;
  }

  /** Counts one value (>= 0, finite). */
  record(v: number): void {
    if (!(v >= 0 && v < Infinity)) throw badValue(v);
    this.n++;
    this.total += v;
    if (v < this.lowest) this.lowest = v;
    if (v > this.highest) this.highest = v;
    if (v === 0) {
      this.zeros++;
      return;
    }
    let i = Math.ceil(Math.log(v) * this.invLogGamma) - this.offset;
    const last = this.counts.length - 1;
    if (i < 0) i = 0;
    else if (i > last) i = last;
    this.counts[i]!++;
  }

  /** Number of values recorded. */
  get count(): number {
    return this.n;
  }

  /** Exact mean of the recorded values (NaN when empty). */
  get mean(): number {
    return this.n > 0 ? this.total / this.n : NaN;
  }

  /** Exact smallest recorded value (NaN when empty). */
  get smallest(): number {
    return this.n > 0 ? this.lowest : NaN;
  }

  /** Exact largest recorded value (NaN when empty). */
  get largest(): number {
    return this.n > 0 ? this.highest : NaN;
  }

  /**
   * The q-quantile, q in [0, 1] (see the class comment for the guarantee).
   * NaN when empty. @throws RangeError for q outside [0, 1].
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile needs q in [0, 1], got ${q}`);
    if (this.n === 0) return NaN;
    const rank = Math.round(q * (this.n - 1));
    // The extremes are known exactly.
    if (rank === 0) return this.lowest;
    if (rank === this.n - 1) return this.highest;
    if (rank < this.zeros) return 0;
    let seen = this.zeros;
    const counts = this.counts;
    let i = 0;
    for (; i < counts.length - 1; i++) {
      seen += counts[i]!;
      if (seen > rank) break;
    }
    const estimate = (2 * Math.pow(this.gamma, i + this.offset)) / (this.gamma + 1);
    return Math.min(this.highest, Math.max(this.lowest, estimate));
  }

  /** Adds everything `other` recorded. @throws RangeError if the settings differ. */
  merge(other: LogHistogram): void {
    if (other.relativeError !== this.relativeError || other.min !== this.min || other.max !== this.max) {
      throw new RangeError('only histograms with the same relativeError, min and max can be merged');
    }
    const counts = this.counts;
    const theirs = other.counts;
    for (let i = 0; i < counts.length; i++) counts[i]! += theirs[i]!;
    this.zeros += other.zeros;
    this.n += other.n;
    this.total += other.total;
    if (other.lowest < this.lowest) this.lowest = other.lowest;
    if (other.highest > this.highest) this.highest = other.highest;
  }

  /**
   * Adds what a snapshot holds, exactly as `merge(LogHistogram.fromSnapshot(s))`
   * would, without building the histogram; with `withSum` false, everything
   * but its sum (for a caller that adds sums in an order of its own).
   * @throws RangeError if the settings differ or a bucket is out of range.
   */
  mergeSnapshot(s: LogHistogramSnapshot, withSum = true): void {
    if (s.relativeError !== this.relativeError || s.min !== this.min || s.max !== this.max) {
      throw new RangeError('only histograms with the same relativeError, min and max can be merged');
    }
    const counts = this.counts;
    let n = 0;
    for (const [i, c] of s.buckets) {
      if (!(i >= 0 && i < counts.length)) throw new RangeError(`bucket index ${i} is outside the histogram`);
      n += c;
    }
    n += s.zeros;
    for (const [i, c] of s.buckets) counts[i]! += c;
    this.zeros += s.zeros;
    this.n += n;
    if (withSum) this.total += s.sum;
    if (n > 0) {
      if (s.lowest < this.lowest) this.lowest = s.lowest;
      if (s.highest > this.highest) this.highest = s.highest;
    }
  }

  /** Plain data for transfer; see {@link fromSnapshot}. */
  snapshot(): LogHistogramSnapshot {
    const buckets: [number, number][] = [];
    const counts = this.counts;
    // Values are few (they are replications' items or incidents): skip the empty range quickly.
    if (this.n > this.zeros) {
      for (let i = this.usedFrom(), to = this.usedTo(); i < to; i++) {
        const c = counts[i]!;
        if (c > 0) buckets.push([i, c]);
      }
    }
    return {
      relativeError: this.relativeError,
      min: this.min,
      max: this.max,
      zeros: this.zeros,
      buckets,
      sum: this.total,
      lowest: this.lowest,
      highest: this.highest,
    };
  }
}

// Kept out of `record` so the hot method stays small enough to inline.
function badValue(v: number): RangeError {
  return new RangeError(`LogHistogram records finite values >= 0, got ${v}`);
}
