/**
 * Lead time and time to restore per calendar week of one replication, for
 * results over calendar time (the transition's J-curve). Weeks are counted
 * from an origin (the date a reorganisation takes effect): week 0 is
 * [origin, origin + weekHours), week -1 the one before it. Only whole weeks
 * between `from` and `to` are kept; a figure falls in the week it was
 * finished in (an item when it is done, an incident when it is restored).
 */
export class WeeklySeries {
  /** Index of week 0 in the arrays (the number of whole weeks kept before the origin). */
  readonly weeksBefore: number;
  readonly weeksAfter: number;
  readonly leadSum: Float64Array;
  readonly leadCount: Float64Array;
  readonly ttrSum: Float64Array;
  readonly ttrCount: Float64Array;

  /** @throws RangeError when the origin is not inside [from, to] or a week is not a positive length. */
  constructor(
    readonly origin: number,
    readonly weekHours: number,
    from: number,
    to: number,
  ) {
    if (!(weekHours > 0)) throw new RangeError(`a week must last more than 0 h, got ${weekHours}`);
    if (!(origin >= from && origin <= to)) throw new RangeError(`the origin ${origin} h is outside the run ${from}-${to} h`);
    this.weeksBefore = Math.floor((origin - from) / weekHours + 1e-9);
    this.weeksAfter = Math.floor((to - origin) / weekHours + 1e-9);
    const n = this.weeksBefore + this.weeksAfter;
    this.leadSum = new Float64Array(n);
    this.leadCount = new Float64Array(n);
    this.ttrSum = new Float64Array(n);
    this.ttrCount = new Float64Array(n);
  }

  /** Array index of the week containing time `t`, or -1 outside the whole weeks kept. */
  indexAt(t: number): number {
    const i = Math.floor((t - this.origin) / this.weekHours) + this.weeksBefore;
    return i >= 0 && i < this.leadSum.length ? i : -1;
  }

  /** An item finished at `t` after `hours` of lead time. */
  lead(t: number, hours: number): void {
    const i = this.indexAt(t);
    if (i < 0) return;
    this.leadSum[i]! += hours;
    this.leadCount[i]!++;
  }

  /** An incident restored at `t` after `hours`. */
  ttr(t: number, hours: number): void {
    const i = this.indexAt(t);
    if (i < 0) return;
    this.ttrSum[i]! += hours;
    this.ttrCount[i]!++;
  }
}
