import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BandAccumulator } from '../../../../simulation/run/bandAccumulator';

describe('BandAccumulator', () => {
  it('reads several quantiles in one pass exactly as one at a time', () => {
    const value = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2e5, noNaN: true }), fc.constant(NaN));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.array(value, { minLength: 6, maxLength: 6 }), { maxLength: 30 }), (points, series) => {
        const band = new BandAccumulator(points);
        for (const s of series) band.add(s.slice(0, points));
        const qs = [0, 0.1, 0.5, 0.9, 1];
        expect(band.quantilesAt(qs)).toEqual(qs.map((q) => band.quantiles(q)));
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
