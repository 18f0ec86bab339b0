/**
 * Time-weighted statistics of a piecewise-constant quantity, such as the
 * number of items in a queue or of busy people: each value counts for as long
 * as it held, not once per change.
 *
 * Use: construct at the start time with the starting value, call
 * {@link update} whenever the quantity changes (the new value holds from that
 * time on), and {@link finish} at the end of the observation window before
 * reading the mean. Updates at the same time are allowed; the last one wins
 * and the earlier ones hold for zero time (but still count toward max and min).
 *
 * Edge cases: `mean` is NaN while no time has passed. Times must not go
 * backwards and values must be finite (RangeError otherwise).
 */
export class TimeWeighted {
  private start: number;
  private last: number;
  private value: number;
  private area = 0;
  private hi: number;
  private lo: number;

  constructor(startTime = 0, initialValue = 0) {
    if (!Number.isFinite(startTime)) throw new RangeError(`start time must be finite, got ${startTime}`);
    if (!Number.isFinite(initialValue)) throw new RangeError(`value must be finite, got ${initialValue}`);
    this.start = startTime;
    this.last = startTime;
    this.value = initialValue;
    this.hi = initialValue;
    this.lo = initialValue;
  }

  /** The quantity becomes `value` at `time` (>= the previous update's time). */
  update(time: number, value: number): void {
    this.advance(time);
    if (!(value > -Infinity && value < Infinity)) throw new RangeError(`value must be finite, got ${value}`);
    this.value = value;
    if (value > this.hi) this.hi = value;
    if (value < this.lo) this.lo = value;
  }

  /** Closes the window at `time`: the current value is counted up to it. Updates may follow. */
  finish(time: number): void {
    this.advance(time);
  }

  /**
   * Forgets everything before `time` (for example, a warm-up period) and
   * starts again from there with the current value.
   */
  reset(time: number): void {
    this.advance(time);
    this.start = time;
    this.area = 0;
    this.hi = this.value;
    this.lo = this.value;
  }

  /** Time-weighted mean from the start (or last reset) to the last update or finish. */
  get mean(): number {
    const span = this.last - this.start;
    return span > 0 ? this.area / span : NaN;
  }

  /** The integral of the quantity over time (e.g. item-hours for a queue). */
  get integral(): number {
    return this.area;
  }

  /** Length of the observed window. */
  get duration(): number {
    return this.last - this.start;
  }

  /** Largest value seen since the start (or last reset). */
  get max(): number {
    return this.hi;
  }

  /** Smallest value seen since the start (or last reset). */
  get min(): number {
    return this.lo;
  }

  /** The value now in force. */
  get current(): number {
    return this.value;
  }

  private advance(time: number): void {
    if (!(time >= this.last && time < Infinity)) {
      throw new RangeError(`time must be finite and not before the last update (${this.last}), got ${time}`);
    }
    this.area += this.value * (time - this.last);
    this.last = time;
  }
}
