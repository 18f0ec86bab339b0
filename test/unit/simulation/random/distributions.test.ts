import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  distributionMean,
  distributionProblems,
  distributionVariance,
  type Distribution,
} from '../../../../simulation/random/distribution';
import { RandomStreams } from '../../../../simulation/random/randomStreams';
import type { RandomStream } from '../../../../simulation/random/randomStream';
import { sample, standardNormal } from '../../../../simulation/random/sample';

/*
 * Moment checks. For N samples, the sample mean has standard error
 * sqrt(variance / N), and the sample variance has standard error about
 * sqrt((m4 - s^4) / N), with m4 the sample fourth central moment. Each check
 * allows 5 standard errors (two-sided probability about 6e-7 for a correct
 * sampler) with a fixed seed, so the test is deterministic and still catches
 * a wrong parameterisation (e.g. lognormal mu = ln(mean), which is off by a
 * factor exp(sigma^2 / 2)).
 */
const N = 200_000;
const Z = 5;

function moments(values: Float64Array): { mean: number; variance: number; m4: number } {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let m2 = 0;
  let m4 = 0;
  for (const v of values) {
    const d = (v - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  return { mean, variance: m2 / (values.length - 1), m4: m4 / values.length };
}

function draw(dist: Distribution, stream: RandomStream, n = N): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sample(dist, stream);
  return out;
}

const cases: Distribution[] = [
  { kind: 'exponential', mean: 2.5 },
  { kind: 'lognormal', mean: 4, sigma: 0.5 },
  { kind: 'uniform', min: 1, max: 3 },
  { kind: 'triangular', min: 0, mode: 1, max: 4 },
  { kind: 'triangular', min: 2, mode: 2, max: 5 },
  { kind: 'empirical', values: [1, 2, 2, 7] },
];

describe('sample: moments match theory', () => {
  cases.forEach((dist, i) => {
    it(`${dist.kind} ${JSON.stringify(dist)}`, () => {
      const values = draw(dist, new RandomStreams(1234).stream(`moments:${i}`));
      const { mean, variance, m4 } = moments(values);
      const trueMean = distributionMean(dist);
      const trueVariance = distributionVariance(dist);
      expect(Math.abs(mean - trueMean)).toBeLessThan(Z * Math.sqrt(trueVariance / N));
      expect(Math.abs(variance - trueVariance)).toBeLessThan(Z * Math.sqrt((m4 - variance * variance) / N));
    });
  });

  it('constant always gives its value and consumes no randomness', () => {
    const a = new RandomStreams(5).stream('c');
    const b = new RandomStreams(5).stream('c');
    expect(sample({ kind: 'constant', value: 3.5 }, a)).toBe(3.5);
    expect(a.next()).toBe(b.next());
  });

  it('lognormal has median exp(ln(mean) - sigma^2/2): half the samples fall below it', () => {
    const dist: Distribution = { kind: 'lognormal', mean: 4, sigma: 1 };
    const median = Math.exp(Math.log(4) - 0.5);
    const values = draw(dist, new RandomStreams(9).stream('median'));
    const below = values.filter((v) => v < median).length / N;
    expect(Math.abs(below - 0.5)).toBeLessThan(Z * Math.sqrt(0.25 / N));
  });

  it('triangular puts (mode - min) / (max - min) of its mass below the mode', () => {
    const values = draw({ kind: 'triangular', min: 0, mode: 1, max: 4 }, new RandomStreams(10).stream('tri'));
    const below = values.filter((v) => v < 1).length / N;
    expect(Math.abs(below - 0.25)).toBeLessThan(Z * Math.sqrt((0.25 * 0.75) / N));
  });

  it('empirical picks each listed value with equal probability', () => {
    const values = draw({ kind: 'empirical', values: [10, 20, 30, 40] }, new RandomStreams(11).stream('emp'));
    for (const v of [10, 20, 30, 40]) {
      const share = values.filter((x) => x === v).length / N;
      expect(Math.abs(share - 0.25)).toBeLessThan(Z * Math.sqrt((0.25 * 0.75) / N));
    }
  });

  it('standardNormal has mean 0, variance 1 and 2.5% beyond 1.959964', () => {
    const stream = new RandomStreams(12).stream('normal');
    const values = new Float64Array(N);
    for (let i = 0; i < N; i++) values[i] = standardNormal(stream);
    const { mean, variance, m4 } = moments(values);
    expect(Math.abs(mean)).toBeLessThan(Z * Math.sqrt(1 / N));
    expect(Math.abs(variance - 1)).toBeLessThan(Z * Math.sqrt((m4 - variance * variance) / N));
    const upper = values.filter((z) => z > 1.959964).length / N;
    expect(Math.abs(upper - 0.025)).toBeLessThan(Z * Math.sqrt((0.025 * 0.975) / N));
  });

  it('consumes a fixed number of uniforms per sample, so streams stay in step', () => {
    const uses: [Distribution, number][] = [
      [{ kind: 'exponential', mean: 1 }, 1],
      [{ kind: 'lognormal', mean: 1, sigma: 0.3 }, 2],
      [{ kind: 'uniform', min: 0, max: 1 }, 1],
      [{ kind: 'triangular', min: 0, mode: 0.5, max: 1 }, 1],
      [{ kind: 'empirical', values: [1, 2] }, 1],
      [{ kind: 'constant', value: 1 }, 0],
    ];
    for (const [dist, k] of uses) {
      const a = new RandomStreams(13).fresh('step');
      const b = new RandomStreams(13).fresh('step');
      for (let i = 0; i < 10; i++) sample(dist, a);
      for (let i = 0; i < 10 * k; i++) b.next();
      expect(a.next()).toBe(b.next());
    }
  });
});

describe('sample: supports (property tests)', () => {
  const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const seed = fc.integer({ min: 0, max: 0xffffffff });
  const draws = (dist: Distribution, s: number): number[] => {
    const stream = new RandomStreams(s).stream('prop');
    return Array.from({ length: 50 }, () => sample(dist, stream));
  };

  it('exponential: finite and >= 0', () => {
    fc.assert(
      fc.property(finite(1e-6, 1e6), seed, (mean, s) => {
        for (const v of draws({ kind: 'exponential', mean }, s)) expect(Number.isFinite(v) && v >= 0).toBe(true);
      }),
    );
  });

  it('lognormal: finite and > 0', () => {
    fc.assert(
      fc.property(finite(1e-3, 1e4), finite(0, 3), seed, (mean, sigma, s) => {
        for (const v of draws({ kind: 'lognormal', mean, sigma }, s)) expect(Number.isFinite(v) && v > 0).toBe(true);
      }),
    );
  });

  it('uniform: within [min, max)', () => {
    fc.assert(
      fc.property(finite(-1e6, 1e6), finite(1e-6, 1e6), seed, (min, width, s) => {
        const max = min + width;
        fc.pre(max > min);
        for (const v of draws({ kind: 'uniform', min, max }, s)) expect(v >= min && v < max).toBe(true);
      }),
    );
  });

  it('triangular: within [min, max]', () => {
    fc.assert(
      fc.property(finite(-1e6, 1e6), finite(1e-6, 1e6), fc.double({ min: 0, max: 1, noNaN: true }), seed, (min, width, at, s) => {
        const max = min + width;
        fc.pre(max > min);
        const mode = Math.min(max, min + at * width);
        for (const v of draws({ kind: 'triangular', min, mode, max }, s)) expect(v >= min && v <= max).toBe(true);
      }),
    );
  });

  it('empirical: always one of the values', () => {
    fc.assert(
      fc.property(fc.array(finite(-1e9, 1e9), { minLength: 1, maxLength: 20 }), seed, (values, s) => {
        for (const v of draws({ kind: 'empirical', values }, s)) expect(values).toContain(v);
      }),
    );
  });

  it('never produces NaN or an infinity from a stream stuck at 0 or at its largest value', () => {
    const stuckAt = (u: number): RandomStream => ({ next: () => u, nextUint32: () => 0, int: () => 0 });
    for (const u of [0, 1 - 2 ** -53]) {
      for (const dist of cases) expect(Number.isFinite(sample(dist, stuckAt(u)))).toBe(true);
    }
  });
});

describe('distributionProblems', () => {
  it('accepts every valid example', () => {
    for (const dist of cases) expect(distributionProblems(dist)).toEqual([]);
    expect(distributionProblems({ kind: 'constant', value: 0 })).toEqual([]);
    expect(distributionProblems({ kind: 'uniform', min: 2, max: 2 })).toEqual([]);
  });

  it.each([
    [{ kind: 'exponential', mean: 0 }, ['mean must be > 0']],
    [{ kind: 'exponential', mean: Infinity }, ['mean must be a finite number']],
    [{ kind: 'lognormal', mean: -1, sigma: -0.1 }, ['mean must be > 0', 'sigma must be >= 0']],
    [{ kind: 'lognormal', mean: 1 }, ['sigma must be a finite number']],
    [{ kind: 'uniform', min: 3, max: 1 }, ['min must not be greater than max']],
    [{ kind: 'uniform', min: -1, max: 1 }, ['min must be >= 0']],
    [{ kind: 'triangular', min: 1, mode: 5, max: 4 }, ['mode must not be greater than max']],
    [{ kind: 'triangular', min: 1, mode: 0, max: 4 }, ['mode must not be less than min']],
    [{ kind: 'triangular', min: 2, mode: 2, max: 2 }, ['min must be less than max']],
    [{ kind: 'empirical', values: [] }, ['values must be a non-empty list of numbers']],
    [{ kind: 'empirical', values: [1, NaN] }, ['every value must be a finite number']],
    [{ kind: 'empirical', values: [1, -2] }, ['every value must be >= 0']],
    [{ kind: 'constant', value: '3' }, ['value must be a finite number']],
    [{ kind: 'gamma', shape: 2 }, ['kind must be one of exponential, lognormal, uniform, triangular, empirical, constant, got "gamma"']],
    [null, ['a distribution must be an object with a kind']],
  ])('%j -> %j', (value, problems) => {
    expect(distributionProblems(value)).toEqual(problems);
  });

  it('allows negative values when asked', () => {
    expect(distributionProblems({ kind: 'uniform', min: -1, max: 1 }, { allowNegative: true })).toEqual([]);
  });
});
