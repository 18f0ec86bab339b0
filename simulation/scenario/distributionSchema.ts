import { z } from 'zod';
import { distributionProblems, type Distribution } from '../random/distribution';

const MAX_EMPIRICAL_VALUES = 100_000;

/**
 * Largest lognormal sigma a file may hold. Above it the distribution stops
 * meaning its mean: at sigma 3 the median is already about 1% of the mean
 * and fewer than 7% of draws reach the mean, and the mean of 10,000 draws
 * still misses it by about 90% (the coefficient of variation is
 * sqrt(e^(sigma^2) - 1), about 90); at sigma 30 every draw is 0 to double
 * precision, so every time built on it prints 0.
 */
export const MAX_LOGNORMAL_SIGMA = 3;

/** Problems the sampler would accept but a model could not mean (see {@link MAX_LOGNORMAL_SIGMA}). */
export function meaningProblems(d: Distribution): string[] {
  if (d.kind === 'lognormal' && d.sigma > MAX_LOGNORMAL_SIGMA) {
    const median = Math.exp(-0.5 * d.sigma * d.sigma);
    return [
      `sigma ${d.sigma} is above ${MAX_LOGNORMAL_SIGMA}: with it the median is ${median < 1e-6 ? 'practically 0' : `${(median * 100).toPrecision(2)}%`} of the mean and almost every draw is near 0, so the mean ${d.mean} would not be reached in any run; lognormal times in teams rarely have sigma above 1.5`,
    ];
  }
  return [];
}

/**
 * A random duration or size as stored in a scenario file: exactly the
 * engine's {@link Distribution}, checked by the engine's own
 * {@link distributionProblems} so the file format and the sampler can never
 * disagree about what is valid. No value may be negative (they are hours).
 */
export const distributionSchema = z.unknown().transform((value, ctx): Distribution => {
  const problems = distributionProblems(value);
  const values = (value as { values?: unknown } | null)?.values;
  if (Array.isArray(values) && values.length > MAX_EMPIRICAL_VALUES) problems.push(`values has more than ${MAX_EMPIRICAL_VALUES} entries`);
  if (problems.length === 0) problems.push(...meaningProblems(value as Distribution));
  for (const message of problems) ctx.addIssue({ code: 'custom', message, input: value });
  return value as Distribution;
});
