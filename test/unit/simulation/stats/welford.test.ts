import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Welford } from '../../../../simulation/stats/welford';

function twoPass(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { mean, variance: xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1) };
}

// Agreement is up to floating-point rounding only; 1e-9 relative is far above
// the rounding of these short sums and far below any algebra mistake.
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('Welford', () => {
  it('gives known statistics for 2, 4, 4, 4, 5, 5, 7, 9', () => {
    const w = new Welford();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) w.add(x);
    expect(w.count).toBe(8);
    expect(w.mean).toBe(5);
    expect(w.variance).toBeCloseTo(32 / 7, 14);
    expect(w.min).toBe(2);
    expect(w.max).toBe(9);
  });

  it('agrees with the two-pass formulas, also for values with a large common offset', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 200 }), fc.constantFrom(0, 1e9), (xs, offset) => {
        const shifted = xs.map((x) => x + offset);
        const w = new Welford();
        shifted.forEach((x) => w.add(x));
        const ref = twoPass(shifted);
        expect(close(w.mean, ref.mean)).toBe(true);
        expect(Math.abs(w.variance - ref.variance)).toBeLessThanOrEqual(1e-6 * Math.max(1, ref.variance));
      }),
    );
  });

  it('merges to the same result as adding everything to one accumulator', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 100 }), fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 100 }), (xs, ys) => {
        const a = new Welford();
        const b = new Welford();
        const all = new Welford();
        xs.forEach((x) => (a.add(x), all.add(x)));
        ys.forEach((y) => (b.add(y), all.add(y)));
        a.merge(b);
        expect(a.count).toBe(all.count);
        if (all.count > 0) {
          expect(close(a.mean, all.mean)).toBe(true);
          expect(a.min).toBe(all.min);
          expect(a.max).toBe(all.max);
        }
        if (all.count > 1) expect(Math.abs(a.variance - all.variance)).toBeLessThanOrEqual(1e-9 * Math.max(1, all.variance));
      }),
    );
  });

  it('reports NaN where a statistic is undefined, and refuses non-finite values', () => {
    const w = new Welford();
    expect([w.mean, w.variance, w.min, w.max]).toEqual([NaN, NaN, NaN, NaN]);
    w.add(3);
    expect(w.mean).toBe(3);
    expect(w.variance).toBeNaN();
    expect(() => w.add(NaN)).toThrow(RangeError);
    expect(() => w.add(Infinity)).toThrow(RangeError);
    expect(w.count).toBe(1);
  });

  it('round-trips through a snapshot', () => {
    const w = new Welford();
    [1, 5, 2, 8].forEach((x) => w.add(x));
    const copy = Welford.fromSnapshot(JSON.parse(JSON.stringify(w.snapshot())));
    expect(copy.snapshot()).toEqual(w.snapshot());
    const empty = Welford.fromSnapshot(new Welford().snapshot());
    empty.add(4);
    expect([empty.mean, empty.min, empty.max]).toEqual([4, 4, 4]);
  });
});
