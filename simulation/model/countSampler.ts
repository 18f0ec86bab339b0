/**
 * A count (items in a state) read at the end of each of `points` equal slices
 * of the window [start, end], for the cumulative flow diagram.
 *
 * The readings are whole numbers, so summing them over replications gives the
 * same total in any order: chunks of replications can be added up by the
 * worker that ran them, unlike time-weighted means (see chunkSummary.ts).
 * A reading is the count just before any change at that very instant.
 */
export class CountSampler {
  value = 0;
  private start = 0;
  private end = 1;
  private width = 1;
  /** Index of the next slice end to read. */
  private next = 0;
  readonly readings: Float64Array;

  constructor(
    readonly points: number,
    start: number,
    end: number,
  ) {
    this.readings = new Float64Array(points);
    this.reset(start, end);
  }

  reset(start: number, end: number): void {
    if (!(Number.isFinite(start) && Number.isFinite(end) && end > start)) throw new RangeError(`need finite start < end, got ${start}, ${end}`);
    this.value = 0;
    this.start = start;
    this.end = end;
    this.width = (end - start) / this.points;
    this.next = 0;
    this.readings.fill(0);
  }

  /** Makes this sampler exactly `other` (the same number of points). */
  copyFrom(other: CountSampler): void {
    if (other.points !== this.points) throw new RangeError('samplers of different lengths cannot be copied');
    this.value = other.value;
    this.start = other.start;
    this.end = other.end;
    this.width = other.width;
    this.next = other.next;
    this.readings.set(other.readings);
  }

  add(time: number, delta: number): void {
    if (this.next < this.points && time >= this.sliceEnd(this.next)) this.readUpTo(time);
    this.value += delta;
  }

  /** Reads the slice ends up to `end` (the horizon, or where an event cap stopped the run). */
  finish(end: number): Float64Array {
    this.readUpTo(end);
    return this.readings;
  }

  private sliceEnd(i: number): number {
    // The last slice ends exactly at the end (start + width * points may round past it).
    return i === this.points - 1 ? this.end : this.start + this.width * (i + 1);
  }

  private readUpTo(time: number): void {
    while (this.next < this.points && this.sliceEnd(this.next) <= time) this.readings[this.next++] = this.value;
  }
}
