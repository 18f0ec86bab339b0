import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../../../simulation/stats/logHistogram';
import { RandomStreams } from '../../../../simulation/random/randomStreams';

/** The order statistic the sketch promises to approximate: x(round(q (n - 1))). */
function exactRank(sorted: number[], q: number): number {
  return sorted[Math.round(q * (sorted.length - 1))]!;
}

// Relative error bound of the sketch, plus a hair for the rounding of a log at
// an exact bucket edge (a value can land one ulp on the far side).
const bound = (e: number): number => e * (1 + 1e-9);

describe('LogHistogram', () => {
  it('keeps every quantile within 1% of the exact order statistic, over 10 decades', () => {
    const stream = new RandomStreams(77).stream('hist');
    const h = new LogHistogram();
    const values: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const v = 10 ** (-3 + 10 * stream.next()); // log-uniform on [1e-3, 1e7)
      values.push(v);
      h.record(v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0, 0.01, 0.1, 0.5, 0.85, 0.95, 0.99, 0.999, 1]) {
      const exact = exactRank(values, q);
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThanOrEqual(bound(0.01));
    }
  });

  it('holds the bound for any sample and any relative error (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.001, 0.01, 0.05),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, e, q) => {
          const h = new LogHistogram({ relativeError: e });
          values.forEach((v) => h.record(v));
          const exact = exactRank([...values].sort((a, b) => a - b), q);
          expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThanOrEqual(bound(e));
        },
      ),
    );
  });

  it('counts zeros exactly', () => {
    const h = new LogHistogram();
    for (let i = 0; i < 30; i++) h.record(0);
    for (let i = 0; i < 70; i++) h.record(5);
    expect(h.quantile(0.29)).toBe(0);
    expect(h.quantile(0.3)).toBeCloseTo(5, 1);
    expect(h.count).toBe(100);
    expect(h.mean).toBe(3.5);
  });

  it('merges exactly: merging two sketches equals one sketch of all values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true })), fc.array(fc.double({ min: 0, max: 1e4, noNaN: true })), (xs, ys) => {
        const a = new LogHistogram();
        const b = new LogHistogram();
        const all = new LogHistogram();
        xs.forEach((x) => (a.record(x), all.record(x)));
        ys.forEach((y) => (b.record(y), all.record(y)));
        a.merge(b);
        expect(a.count).toBe(all.count);
        for (const q of [0, 0.25, 0.5, 0.9, 1]) expect(a.quantile(q)).toEqual(all.quantile(q));
      }),
    );
  });

  it('clamps out-of-range values into the end buckets and results to the exact min and max', () => {
    const h = new LogHistogram({ min: 1, max: 100 });
    h.record(1e-6);
    h.record(1e6);
    expect(h.quantile(0)).toBe(1e-6);
    expect(h.quantile(1)).toBe(1e6);
    expect(h.smallest).toBe(1e-6);
    expect(h.largest).toBe(1e6);
  });

  it('round-trips through a snapshot, and refuses merging different settings', () => {
    const h = new LogHistogram();
    [0, 0.5, 3, 3, 700].forEach((v) => h.record(v));
    const copy = LogHistogram.fromSnapshot(JSON.parse(JSON.stringify(h.snapshot())));
    expect(copy.snapshot()).toEqual(h.snapshot());
    expect(copy.quantile(0.5)).toBe(h.quantile(0.5));
    expect(() => h.merge(new LogHistogram({ relativeError: 0.02 }))).toThrow(RangeError);
  });

  it('returns NaN when empty and refuses negative or non-finite values and bad q', () => {
    const h = new LogHistogram();
    expect(h.quantile(0.5)).toBeNaN();
    expect(() => h.record(-1)).toThrow(RangeError);
    expect(() => h.record(NaN)).toThrow(RangeError);
    expect(() => h.record(Infinity)).toThrow(RangeError);
    expect(() => h.quantile(1.5)).toThrow(RangeError);
    expect(() => new LogHistogram({ relativeError: 0 })).toThrow(RangeError);
  });
});

describe('LogHistogram.copyFrom', () => {
  it('makes a used histogram hold exactly what another holds, whatever ranges either used', () => {
    const cases: [number[], number[]][] = [
      [[0.5, 3, 3, 900], [12, 0, 40]],
      [[], [0, 0, 7e6]],
      [[0, 1e-4, 2e7], []],
      [[5, 6], [5, 6, 0.002]],
    ];
    for (const [before, values] of cases) {
      const src = new LogHistogram();
      for (const v of values) src.record(v);
      const dst = new LogHistogram();
      for (const v of before) dst.record(v);
      dst.copyFrom(src);
      expect(dst.snapshot()).toStrictEqual(src.snapshot());
      expect(dst.count).toBe(src.count);
      // And it goes on as the source would.
      dst.record(33);
      src.record(33);
      expect(dst.snapshot()).toStrictEqual(src.snapshot());
    }
  });

  it('refuses a histogram with other settings', () => {
    expect(() => new LogHistogram({ relativeError: 0.02 }).copyFrom(new LogHistogram())).toThrow(/different settings/);
  });
});
