import type { ConfidenceInterval } from '../stats/confidenceInterval';
import { tQuantile } from '../stats/studentT';

/**
 * The mean and 95% confidence interval of a figure over replications, kept
 * as running sums instead of one number per replication, so a summary that
 * has hundreds of such figures (per person, per service) does not grow with
 * the number of replications. NaN and infinities (a replication that had
 * nothing to measure) are left out.
 *
 * The arithmetic is that of `meanCI` and of a plain sum, step for step in
 * the same order, so {@link interval} equals `meanCI` of the finite values
 * (a single value: that value, with NaN bounds; none: NaN) and
 * {@link plainMean} equals their sum divided by their count, bit for bit.
 */
export class RunningMean {
  private n = 0;
  private first = NaN;
  private mean = 0;
  private m2 = 0;
  private sum = 0;

  add(x: number): void {
    if (!Number.isFinite(x)) return;
    const n = ++this.n;
    if (n === 1) this.first = x;
    const delta = x - this.mean;
    this.mean += delta / n;
    this.m2 += delta * (x - this.mean);
    this.sum += x;
  }

  /** As `meanCI` (95%) of the values, or the single value with NaN bounds, or NaN when there are none. */
  interval(): ConfidenceInterval {
    const n = this.n;
    if (n < 2) return { mean: n === 1 ? this.first : NaN, low: NaN, high: NaN, halfWidth: NaN, n };
    const halfWidth = tQuantile(1 - (1 - 0.95) / 2, n - 1) * Math.sqrt(this.m2 / (n - 1) / n);
    return { mean: this.mean, low: this.mean - halfWidth, high: this.mean + halfWidth, halfWidth, n };
  }

  /** The sum of the values over their count (NaN when there are none). */
  plainMean(): number {
    return this.n ? this.sum / this.n : NaN;
  }
}
