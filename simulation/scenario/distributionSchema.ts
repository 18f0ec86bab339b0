import { z } from 'zod';
import { distributionProblems, type Distribution } from '../random/distribution';

const MAX_EMPIRICAL_VALUES = 100_000;

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
  for (const message of problems) ctx.addIssue({ code: 'custom', message, input: value });
  return value as Distribution;
});
