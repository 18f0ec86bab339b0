import type { QueueSummary } from './results';

/** Points per queue-length series (for charts). */
export const SERIES_POINTS = 60;

/**
 * A queue length tracked over the window [start, end]: its time-weighted mean
 * and max (from the start, or from {@link restart}) and a series of
 * time-weighted means over SERIES_POINTS equal slices of the window.
 *
 * It computes exactly what a `TimeWeighted` and a `TimeSeriesDownsampler`
 * fed the same updates would (the same floating-point operations in the same
 * order), in one object that can be {@link reset} for the next replication
 * instead of reallocated. Updates before `start` (the warm-up) change only the
 * current length; later ones must not go back in time (RangeError, with
 * `TimeWeighted`'s message).
 */
export class QueueTracker {
  value = 0;
  // Time-weighted mean and max since the start or the last restart.
  private twStart = 0;
  private twLast = 0;
  private twArea = 0;
  private twMax = 0;
  // The series over [start, end].
  private start = 0;
  private end = 1;
  private width = 1 / SERIES_POINTS;
  private seriesLast = 0;
  private readonly area = new Float64Array(SERIES_POINTS);
  private readonly covered = new Float64Array(SERIES_POINTS);

  constructor(start: number, end: number) {
    this.reset(start, end);
  }

  /** Starts again from nothing at `start`, for a window ending at `end` (> start). */
  reset(start: number, end: number): void {
    if (!(Number.isFinite(start) && Number.isFinite(end) && end > start)) throw new RangeError(`need finite start < end, got ${start}, ${end}`);
    this.value = 0;
    this.twStart = start;
    this.twLast = start;
    this.twArea = 0;
    this.twMax = 0;
    this.start = start;
    this.end = end;
    this.width = (end - start) / SERIES_POINTS;
    this.seriesLast = start;
    this.area.fill(0);
    this.covered.fill(0);
  }

  /** Makes this tracker exactly `other` (the same window). */
  copyFrom(other: QueueTracker): void {
    this.value = other.value;
    this.twStart = other.twStart;
    this.twLast = other.twLast;
    this.twArea = other.twArea;
    this.twMax = other.twMax;
    this.start = other.start;
    this.end = other.end;
    this.width = other.width;
    this.seriesLast = other.seriesLast;
    this.area.set(other.area);
    this.covered.set(other.covered);
  }

  add(time: number, delta: number): void {
    // Before the window (during the warm-up) only the length itself is kept.
    if (time < this.start) {
      this.value += delta;
      return;
    }
    if (!(time >= this.twLast && time < Infinity)) throw backwards(this.twLast, time);
    const old = this.value;
    this.twArea += old * (time - this.twLast);
    this.twLast = time;
    this.advanceSeries(time, old);
    const value = old + delta;
    this.value = value;
    if (value > this.twMax) this.twMax = value;
  }

  /** Forgets what happened before `time` (the end of the warm-up), keeping the current value. */
  restart(time: number): void {
    if (!(time >= this.twLast && time < Infinity)) throw backwards(this.twLast, time);
    this.twLast = time;
    this.twStart = time;
    this.twArea = 0;
    this.twMax = this.value;
  }

  /** Closes the window at `end` and reads the figures. */
  summary(end: number): QueueSummary {
    if (!(end >= this.twLast && end < Infinity)) throw backwards(this.twLast, end);
    this.twArea += this.value * (end - this.twLast);
    this.twLast = end;
    this.advanceSeries(end, this.value);
    const span = this.twLast - this.twStart;
    const series = new Array<number>(SERIES_POINTS);
    for (let b = 0; b < SERIES_POINTS; b++) {
      const covered = this.covered[b]!;
      series[b] = covered > 0 ? this.area[b]! / covered : NaN;
    }
    return { mean: span > 0 ? this.twArea / span : NaN, max: this.twMax, series, slope: secondHalfSlope(series, this.width) };
  }

  /** Spreads value `v`, held from the last update to `time`, over the slices it covers. */
  private advanceSeries(time: number, v: number): void {
    const from = this.seriesLast > this.start ? this.seriesLast : this.start;
    const to = time < this.end ? time : this.end;
    this.seriesLast = time;
    if (!(from < to)) return;
    const lastBucket = SERIES_POINTS - 1;
    const start = this.start;
    const width = this.width;
    let b = Math.floor((from - start) / width);
    if (b < 0) b = 0;
    else if (b > lastBucket) b = lastBucket;
    let t = from;
    for (; t < to; b++) {
      const bucketEnd = b >= lastBucket ? this.end : start + (b + 1) * width;
      const stop = to < bucketEnd ? to : bucketEnd;
      // At a slice edge rounding can put `t` at (or past) its slice's end: move on.
      if (stop <= t) continue;
      const i = b > lastBucket ? lastBucket : b;
      this.area[i]! += v * (stop - t);
      this.covered[i]! += stop - t;
      t = stop;
    }
  }
}

/** Least-squares slope (per hour) of the series' second half, slices `width` hours apart; NaN with fewer than 2 points. */
export function secondHalfSlope(series: readonly number[], width: number): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = Math.floor(series.length / 2); i < series.length; i++) {
    const y = series[i]!;
    if (!Number.isFinite(y)) continue;
    const x = i * width;
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const d = n * sxx - sx * sx;
  return n >= 2 && d > 0 ? (n * sxy - sx * sy) / d : NaN;
}

// Kept out of `add` so the hot method stays small enough to inline.
function backwards(last: number, time: number): RangeError {
  return new RangeError(`time must be finite and not before the last update (${last}), got ${time}`);
}
