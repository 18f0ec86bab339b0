/**
 * Probability distributions as plain, serializable data (they are saved in
 * scenarios and sent to workers). All parameters are in the model's units,
 * usually hours. Sampling lives in `sample.ts`; this file holds the type, its
 * moments and its validation.
 */
export type Distribution =
  /** Exponential with the given mean (> 0). */
  | { readonly kind: 'exponential'; readonly mean: number }
  /**
   * Lognormal given by the mean of the distribution itself (> 0) and `sigma`
   * (>= 0), the standard deviation of the underlying normal; its mean is
   * mu = ln(mean) - sigma^2 / 2, so the distribution's mean is exactly `mean`.
   */
  | { readonly kind: 'lognormal'; readonly mean: number; readonly sigma: number }
  /** Continuous uniform on [min, max), min <= max. */
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  /** Triangular on [min, max] with peak at `mode`, min <= mode <= max, min < max. */
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  /** Picks one of `values` (at least one) with equal probability; repeat a value to weight it. */
  | { readonly kind: 'empirical'; readonly values: readonly number[] }
  /** Always `value`. */
  | { readonly kind: 'constant'; readonly value: number };

/** The `kind` tags, in a fixed order (for menus and exhaustive tests). */
export const DISTRIBUTION_KINDS = ['exponential', 'lognormal', 'uniform', 'triangular', 'empirical', 'constant'] as const;

/** The mean of a valid distribution. */
export function distributionMean(dist: Distribution): number {
  switch (dist.kind) {
    case 'exponential':
    case 'lognormal':
      return dist.mean;
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'triangular':
      return (dist.min + dist.mode + dist.max) / 3;
    case 'empirical':
      return dist.values.reduce((s, v) => s + v, 0) / dist.values.length;
    case 'constant':
      return dist.value;
  }
}

/** The variance of a valid distribution (population variance for 'empirical'). */
export function distributionVariance(dist: Distribution): number {
  switch (dist.kind) {
    case 'exponential':
      return dist.mean * dist.mean;
    case 'lognormal':
      return Math.expm1(dist.sigma * dist.sigma) * dist.mean * dist.mean;
    case 'uniform':
      return (dist.max - dist.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'empirical': {
      const m = distributionMean(dist);
      return dist.values.reduce((s, v) => s + (v - m) ** 2, 0) / dist.values.length;
    }
    case 'constant':
      return 0;
  }
}

/** Options for {@link distributionProblems}. */
export interface DistributionCheck {
  /** Allow values below zero (default false: most quantities here are durations). */
  readonly allowNegative?: boolean;
}

/**
 * Checks a value that should be a {@link Distribution} (for example, read from
 * a file) and returns its problems as plain sentences, such as
 * "mean must be > 0"; an empty list means it is valid and can be sampled.
 * Every number must be finite. Unless `allowNegative`, no value the
 * distribution can produce may be below zero.
 */
export function distributionProblems(value: unknown, check: DistributionCheck = {}): string[] {
  if (typeof value !== 'object' || value === null) return ['a distribution must be an object with a kind'];
  const d = value as Record<string, unknown>;
  const problems: string[] = [];
  const nonNegative = check.allowNegative !== true;
  const num = (key: string): number | undefined => {
    const v = d[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      problems.push(`${key} must be a finite number`);
      return undefined;
    }
    return v;
  };
  const floor = (key: string, v: number | undefined): void => {
    if (nonNegative && v !== undefined && v < 0) problems.push(`${key} must be >= 0`);
  };
  switch (d['kind']) {
    case 'exponential': {
      const mean = num('mean');
      if (mean !== undefined && mean <= 0) problems.push('mean must be > 0');
      break;
    }
    case 'lognormal': {
      const mean = num('mean');
      const sigma = num('sigma');
      if (mean !== undefined && mean <= 0) problems.push('mean must be > 0');
      if (sigma !== undefined && sigma < 0) problems.push('sigma must be >= 0');
      break;
    }
    case 'uniform': {
      const min = num('min');
      const max = num('max');
      floor('min', min);
      if (min !== undefined && max !== undefined && min > max) problems.push('min must not be greater than max');
      break;
    }
    case 'triangular': {
      const min = num('min');
      const mode = num('mode');
      const max = num('max');
      floor('min', min);
      if (min !== undefined && max !== undefined && !(min < max)) problems.push('min must be less than max');
      if (min !== undefined && mode !== undefined && mode < min) problems.push('mode must not be less than min');
      if (max !== undefined && mode !== undefined && mode > max) problems.push('mode must not be greater than max');
      break;
    }
    case 'empirical': {
      const values = d['values'];
      if (!Array.isArray(values) || values.length === 0) {
        problems.push('values must be a non-empty list of numbers');
        break;
      }
      // An index loop, not every(): every() skips the holes of a sparse array, which a saved file would hold as null.
      let finite = true;
      for (let i = 0; i < values.length; i++) if (!(typeof values[i] === 'number' && Number.isFinite(values[i]))) finite = false;
      if (!finite) {
        problems.push('every value must be a finite number');
      } else if (nonNegative && values.some((v: number) => v < 0)) {
        problems.push('every value must be >= 0');
      }
      break;
    }
    case 'constant':
      floor('value', num('value'));
      break;
    default:
      problems.push(`kind must be one of ${DISTRIBUTION_KINDS.join(', ')}, got ${JSON.stringify(d['kind'])}`);
  }
  return problems;
}
