import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../../simulation/random/distribution';
import { prepareDistribution, sample, samplePrepared } from '../../../../simulation/random/sample';
import { Xoshiro128StarStar } from '../../../../simulation/random/xoshiro128';

const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  fc.record({ kind: fc.constant('lognormal' as const), mean: positive, sigma: fc.double({ min: 0, max: 3, noNaN: true }) }),
  fc.record({ kind: fc.constant('exponential' as const), mean: positive }),
  fc.record({ kind: fc.constant('constant' as const), value: positive }),
  fc.tuple(positive, positive).map(([a, b]): Distribution => ({ kind: 'uniform', min: a, max: a + b })),
);
const word = fc.integer({ min: 1, max: 0xffffffff });

describe('samplePrepared', () => {
  it('draws exactly what sample draws, from the same uniforms, and leaves the stream in the same place', () => {
    fc.assert(
      fc.property(distribution, word, word, (dist, a, b) => {
        const one = new Xoshiro128StarStar(a, b, 7, 9);
        const two = new Xoshiro128StarStar(a, b, 7, 9);
        const prepared = prepareDistribution(dist);
        for (let i = 0; i < 20; i++) expect(Object.is(samplePrepared(prepared, one), sample(dist, two))).toBe(true);
        expect(one.nextUint32()).toBe(two.nextUint32());
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
