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

describe('BandAccumulator.many', () => {
  it('gives accumulators that share one buffer but count apart, as separate ones would', () => {
    const [a, b, c] = BandAccumulator.many(3, 4);
    const alone = [new BandAccumulator(4), new BandAccumulator(4), new BandAccumulator(4)];
    const series = [
      [0, 1, 2, 3],
      [10, 20, 30, 40],
      [0.5, 0.5, 500, 5000],
    ];
    [a!, b!, c!].forEach((acc, i) => {
      acc.add(series[i]!);
      acc.add(series[(i + 1) % 3]!);
      alone[i]!.add(series[i]!);
      alone[i]!.add(series[(i + 1) % 3]!);
    });
    [a!, b!, c!].forEach((acc, i) => expect(acc.quantilesAt([0.1, 0.5, 0.9])).toEqual(alone[i]!.quantilesAt([0.1, 0.5, 0.9])));
    // Neighbours in the buffer do not see each other's counts.
    expect(a!.quantiles(0.9)).not.toEqual(c!.quantiles(0.9));
    expect(() => new BandAccumulator(4, new Uint32Array(3))).toThrow(RangeError);
  });
});
