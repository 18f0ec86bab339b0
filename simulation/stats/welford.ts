/** Plain-data form of a {@link Welford} accumulator, safe to send between workers. */
export interface WelfordSnapshot {
  readonly count: number;
  readonly mean: number;
  /** Sum of squared deviations from the mean. */
  readonly m2: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Streaming count, mean, variance, min and max of a sequence of numbers in
 * O(1) memory, by Welford's update (numerically stable: no sum of squares).
 * Accumulators from different replications or workers combine exactly with
 * {@link merge} (Chan, Golub and LeVeque's pairwise formula).
 *
 * Edge cases: with no values, `mean`, `min` and `max` are NaN; with fewer than
 * two, `variance` is NaN (a sample variance needs two values). Non-finite
 * values are refused with a RangeError, so one bad value cannot silently turn
 * every statistic into NaN.
 */
export class Welford {
  private n = 0;
  private m = 0;
  private m2Sum = 0;
  private lo = Infinity;
  private hi = -Infinity;

  /** Rebuilds an accumulator from {@link snapshot} output. */
  static fromSnapshot(s: WelfordSnapshot): Welford {
    const w = new Welford();
    w.n = s.count;
    w.m = s.count > 0 ? s.mean : 0;
    w.m2Sum = s.m2;
    w.lo = s.count > 0 ? s.min : Infinity;
    w.hi = s.count > 0 ? s.max : -Infinity;
    return w;
  }

  /** Forgets every value, as if new. */
  /** Makes this accumulator hold exactly what `other` holds. */
  copyFrom(other: Welford): void {
    this.n = other.n;
    this.m = other.m;
    this.m2Sum = other.m2Sum;
    this.lo = other.lo;
    this.hi = other.hi;
  }

  reset(): void {
    this.n = 0;
    this.m = 0;
    this.m2Sum = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }

  /** Adds one value. @throws RangeError for NaN or an infinity. */
  add(x: number): void {
    if (!(x > -Infinity && x < Infinity)) throw notFinite(x);
    const n = ++this.n;
    const delta = x - this.m;
    this.m += delta / n;
    this.m2Sum += delta * (x - this.m);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /** Adds everything `other` has seen; `other` is unchanged. Order does not matter (up to rounding). */
  merge(other: Welford): void {
    if (other.n === 0) return;
    if (this.n === 0) {
      this.n = other.n;
      this.m = other.m;
      this.m2Sum = other.m2Sum;
      this.lo = other.lo;
      this.hi = other.hi;
      return;
    }
    const n = this.n + other.n;
    const delta = other.m - this.m;
    this.m += (delta * other.n) / n;
    this.m2Sum += other.m2Sum + (delta * delta * this.n * other.n) / n;
    this.n = n;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }

  /** Number of values added (or merged in). */
  get count(): number {
    return this.n;
  }

  /** Arithmetic mean; NaN when empty. */
  get mean(): number {
    return this.n > 0 ? this.m : NaN;
  }

  /** Sample variance (divisor n - 1); NaN for fewer than two values. */
  get variance(): number {
    return this.n > 1 ? this.m2Sum / (this.n - 1) : NaN;
  }

  /** Sample standard deviation (square root of {@link variance}). */
  get stdDev(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest value; NaN when empty. */
  get min(): number {
    return this.n > 0 ? this.lo : NaN;
  }

  /** Largest value; NaN when empty. */
  get max(): number {
    return this.n > 0 ? this.hi : NaN;
  }

  /** Plain data for transfer; see {@link fromSnapshot}. */
  snapshot(): WelfordSnapshot {
    return { count: this.n, mean: this.mean, m2: this.m2Sum, min: this.min, max: this.max };
  }
}

// Kept out of `add` so the hot method stays small enough to inline.
function notFinite(x: number): RangeError {
  return new RangeError(`Welford.add needs a finite number, got ${x}`);
}
