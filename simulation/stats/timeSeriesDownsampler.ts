/** One bucket of a downsampled series. */
export interface SeriesBucket {
  /** Start of the bucket (inclusive). */
  readonly start: number;
  /** End of the bucket (exclusive, except the last bucket). */
  readonly end: number;
  /** Time-weighted mean over the part of the bucket observed; NaN if none was. */
  readonly mean: number;
  /** Largest value in force during the bucket; NaN if none was observed. */
  readonly max: number;
}

/**
 * Reduces a piecewise-constant quantity (a queue length, the number of busy
 * people) to a fixed number of equal buckets over [start, end], recording the
 * time-weighted mean and the max in each: enough for a chart, in memory that
 * does not grow with the run.
 *
 * Call {@link update} whenever the value changes (it holds from that time on)
 * and {@link finish} at the end. Time outside [start, end] is ignored. A
 * bucket only partly observed (the run stopped inside it) reports the mean
 * over the observed part. Times must not go backwards and values must be
 * finite (RangeError otherwise).
 */
export class TimeSeriesDownsampler {
  /** Start of the horizon. */
  readonly start: number;
  /** End of the horizon. */
  readonly end: number;
  /** Number of equal-width buckets over [start, end]. */
  readonly bucketCount: number;
  private readonly width: number;
  private readonly area: Float64Array;
  private readonly covered: Float64Array;
  private readonly peak: Float64Array;
  private last: number;
  private value: number;

  /**
   * @param start start of the horizon, @param end its end (> start),
   * @param buckets number of buckets (a positive integer),
   * @param initialValue the value at `start`.
   */
  constructor(start: number, end: number, buckets: number, initialValue = 0) {
    if (!(Number.isFinite(start) && Number.isFinite(end) && end > start)) {
      throw new RangeError(`need finite start < end, got ${start}, ${end}`);
    }
    if (!(Number.isInteger(buckets) && buckets >= 1)) throw new RangeError(`buckets must be a positive integer, got ${buckets}`);
    if (!Number.isFinite(initialValue)) throw new RangeError(`value must be finite, got ${initialValue}`);
    this.start = start;
    this.end = end;
    this.bucketCount = buckets;
    this.width = (end - start) / buckets;
    this.area = new Float64Array(buckets);
    this.covered = new Float64Array(buckets);
    this.peak = new Float64Array(buckets).fill(-Infinity);
    this.last = start;
    this.value = initialValue;
  }

  /** The quantity becomes `value` at `time` (>= the previous update's time). */
  update(time: number, value: number): void {
    this.advance(time);
    if (!(value > -Infinity && value < Infinity)) throw new RangeError(`value must be finite, got ${value}`);
    this.value = value;
    if (time >= this.start && time <= this.end) {
      const b = this.bucketOf(time);
      if (value > this.peak[b]!) this.peak[b] = value;
    }
  }

  /** Counts the current value up to `time`. Updates may follow. */
  finish(time: number): void {
    this.advance(time);
  }

  /** The buckets in time order. */
  buckets(): SeriesBucket[] {
    const out: SeriesBucket[] = [];
    for (let b = 0; b < this.bucketCount; b++) {
      const covered = this.covered[b]!;
      out.push({
        start: this.start + b * this.width,
        end: b === this.bucketCount - 1 ? this.end : this.start + (b + 1) * this.width,
        mean: covered > 0 ? this.area[b]! / covered : NaN,
        max: covered > 0 || this.peak[b]! > -Infinity ? this.peak[b]! : NaN,
      });
    }
    return out;
  }

  private bucketOf(time: number): number {
    const b = Math.floor((time - this.start) / this.width);
    return b < 0 ? 0 : b >= this.bucketCount ? this.bucketCount - 1 : b;
  }

  private advance(time: number): void {
    if (!(time >= this.last && time < Infinity)) {
      throw new RangeError(`time must be finite and not before the last update (${this.last}), got ${time}`);
    }
    const from = Math.max(this.last, this.start);
    const to = Math.min(time, this.end);
    this.last = time;
    if (!(from < to)) return;
    const v = this.value;
    const lastBucket = this.bucketCount - 1;
    let t = from;
    for (let b = this.bucketOf(from); t < to; b++) {
      const bucketEnd = b >= lastBucket ? this.end : this.start + (b + 1) * this.width;
      const stop = Math.min(to, bucketEnd);
      // At a bucket edge rounding can put `t` at (or past) its bucket's end: move on.
      if (stop <= t) continue;
      const i = b > lastBucket ? lastBucket : b;
      this.area[i]! += v * (stop - t);
      this.covered[i]! += stop - t;
      if (v > this.peak[i]!) this.peak[i] = v;
      t = stop;
    }
  }
}

