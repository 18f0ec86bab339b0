import { tQuantile } from './studentT';

/** A two-sided confidence interval for a mean (or a difference of means). */
export interface ConfidenceInterval {
  /** Point estimate. */
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** (high - low) / 2; Infinity when n = 1 (one value says nothing about spread). */
  readonly halfWidth: number;
  /** Number of values (or pairs) the interval rests on. */
  readonly n: number;
}

/**
 * Student-t confidence interval for the mean of independent, roughly normal
 * values, such as one figure from each of n replications:
 * mean +/- t(1 - (1 - level)/2, n - 1) * s / sqrt(n).
 *
 * Edge cases: n = 1 gives the value with an infinite interval; identical
 * values give a zero-width interval.
 * @throws RangeError for no values, a non-finite value, or level outside (0, 1).
 */
export function meanCI(values: readonly number[], level = 0.95): ConfidenceInterval {
  checkLevel(level);
  const n = values.length;
  if (n === 0) throw new RangeError('meanCI needs at least one value');
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (!Number.isFinite(x)) throw new RangeError(`meanCI needs finite values, got ${x}`);
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  }
  if (n === 1) return { mean, low: -Infinity, high: Infinity, halfWidth: Infinity, n };
  const halfWidth = tQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(m2 / (n - 1) / n);
  return { mean, low: mean - halfWidth, high: mean + halfWidth, halfWidth, n };
}

/**
 * Confidence interval for mean(a) - mean(b) from paired values: a[i] and b[i]
 * come from the same replication of two variants run with common random
 * numbers, so the interval is {@link meanCI} of the differences a[i] - b[i],
 * usually far narrower than comparing two independent intervals.
 * @throws RangeError if the lengths differ, or as {@link meanCI}.
 */
export function pairedDiffCI(a: readonly number[], b: readonly number[], level = 0.95): ConfidenceInterval {
  if (a.length !== b.length) throw new RangeError(`paired samples need equal lengths, got ${a.length} and ${b.length}`);
  return meanCI(
    a.map((x, i) => x - b[i]!),
    level,
  );
}

/**
 * Confidence interval for the relative difference mean(a) / mean(b) - 1 (for
 * example +0.25 = "25% longer than the baseline b") from paired values, by the
 * delta method for a ratio of means:
 * Var(R) ~ (s_a^2 - 2 R s_ab + R^2 s_b^2) / (n mean(b)^2), R = mean(a)/mean(b),
 * with a Student-t critical value on n - 1 degrees of freedom. `mean` is R - 1.
 * The interval is symmetric; it is a large-sample approximation and is poor
 * when mean(b) is close to zero relative to its spread (then use
 * {@link pairedDiffCI}).
 *
 * Edge cases: n = 1 gives an infinite interval.
 * @throws RangeError if the lengths differ, mean(b) is 0, or as {@link meanCI}.
 */
export function pairedRelativeDiffCI(a: readonly number[], b: readonly number[], level = 0.95): ConfidenceInterval {
  checkLevel(level);
  const n = a.length;
  if (n !== b.length) throw new RangeError(`paired samples need equal lengths, got ${n} and ${b.length}`);
  if (n === 0) throw new RangeError('pairedRelativeDiffCI needs at least one pair');
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError('pairedRelativeDiffCI needs finite values');
    ma += x;
    mb += y;
  }
  ma /= n;
  mb /= n;
  if (mb === 0) throw new RangeError('the relative difference is undefined: the baseline mean is 0');
  const ratio = ma / mb;
  if (n === 1) return { mean: ratio - 1, low: -Infinity, high: Infinity, halfWidth: Infinity, n };
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    saa += da * da;
    sbb += db * db;
    sab += da * db;
  }
  // The residuals a - R b have mean 0; their variance is the numerator of Var(R).
  const residualVariance = Math.max(0, (saa - 2 * ratio * sab + ratio * ratio * sbb) / (n - 1));
  const halfWidth = tQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(residualVariance / n) / Math.abs(mb);
  return { mean: ratio - 1, low: ratio - 1 - halfWidth, high: ratio - 1 + halfWidth, halfWidth, n };
}

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}
