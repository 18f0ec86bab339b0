import type { Distribution } from './distribution';
import type { RandomStream } from './randomStream';

/**
 * Draws one value from `dist` using `stream`. The distribution must be valid
 * (see `distributionProblems`); an invalid one gives unspecified results.
 *
 * Each kind consumes a fixed number of uniforms per sample, so a stream stays
 * in step across runs and variants: exponential, uniform, triangular,
 * empirical 1; lognormal 2 (Box-Muller); constant 0. All are by inversion or
 * Box-Muller from `1 - next()`, which lies in (0, 1], so no logarithm of zero
 * is ever taken and every result is finite. Supports: exponential in
 * [0, ~36.7 mean]; uniform in [min, max) (exactly min when min = max);
 * triangular in [min, max]; empirical one of the values.
 */
export function sample(dist: Distribution, stream: RandomStream): number {
  switch (dist.kind) {
    case 'exponential':
      return -dist.mean * Math.log(1 - stream.next());
    case 'lognormal': {
      const s = dist.sigma;
      return Math.exp(Math.log(dist.mean) - 0.5 * s * s + s * standardNormal(stream));
    }
    case 'uniform':
      return dist.min + (dist.max - dist.min) * stream.next();
    case 'triangular':
      return triangular(dist.min, dist.mode, dist.max, stream.next());
    case 'empirical': {
      const values = dist.values;
      return values[Math.floor(stream.next() * values.length)]!;
    }
    case 'constant':
      return dist.value;
  }
}

/**
 * A standard normal variate by the Box-Muller transform (cosine branch only):
 * consumes exactly two uniforms and keeps no cached second value, so the
 * result depends only on the stream's position. Finite: |z| <= ~8.57.
 */
export function standardNormal(stream: RandomStream): number {
  const r = Math.sqrt(-2 * Math.log(1 - stream.next()));
  return r * Math.cos(2 * Math.PI * stream.next());
}

/** Inverse CDF of the triangular distribution at u in [0, 1). */
function triangular(a: number, c: number, b: number, u: number): number {
  const width = b - a;
  const left = c - a;
  if (u * width < left) return a + Math.sqrt(u * width * left);
  return b - Math.sqrt((1 - u) * width * (b - c));
}

/**
 * A distribution made ready for many draws: what {@link sample} works out
 * per draw from the distribution alone (the lognormal's log-scale location)
 * is worked out once. {@link samplePrepared} gives exactly what `sample`
 * gives, from the same uniforms.
 */
export interface PreparedDistribution {
  readonly dist: Distribution;
  /** Lognormal: log(mean) - sigma^2 / 2, as sample computes it; 0 for other kinds. */
  readonly logShift: number;
}

export function prepareDistribution(dist: Distribution): PreparedDistribution {
  return { dist, logShift: dist.kind === 'lognormal' ? Math.log(dist.mean) - 0.5 * dist.sigma * dist.sigma : 0 };
}

/** {@link sample} of a prepared distribution (the same value, bit for bit). */
export function samplePrepared(p: PreparedDistribution, stream: RandomStream): number {
  const dist = p.dist;
  if (dist.kind === 'lognormal') return Math.exp(p.logShift + dist.sigma * standardNormal(stream));
  return sample(dist, stream);
}
