import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeSeriesDownsampler } from '../../../../simulation/stats/timeSeriesDownsampler';
import { TimeWeighted } from '../../../../simulation/stats/timeWeighted';

describe('TimeWeighted', () => {
  it('weights each value by how long it held', () => {
    const tw = new TimeWeighted(0, 0);
    tw.update(1, 2);
    tw.update(3, 5);
    tw.finish(4);
    // 0 for 1 h, 2 for 2 h, 5 for 1 h.
    expect(tw.integral).toBe(9);
    expect(tw.mean).toBe(9 / 4);
    expect(tw.max).toBe(5);
    expect(tw.min).toBe(0);
    expect(tw.duration).toBe(4);
  });

  it('counts a zero-length spike in the max but not in the mean', () => {
    const tw = new TimeWeighted(0, 1);
    tw.update(2, 10);
    tw.update(2, 1);
    tw.finish(4);
    expect(tw.mean).toBe(1);
    expect(tw.max).toBe(10);
  });

  it('forgets a warm-up period on reset', () => {
    const tw = new TimeWeighted(0, 100);
    tw.update(10, 2);
    tw.reset(10);
    tw.update(12, 4);
    tw.finish(14);
    expect(tw.mean).toBe(3);
    expect(tw.max).toBe(4);
  });

  it('has NaN mean before time passes, and refuses time going backwards or bad values', () => {
    const tw = new TimeWeighted(5, 1);
    expect(tw.mean).toBeNaN();
    tw.update(6, 2);
    expect(() => tw.update(5.5, 1)).toThrow(RangeError);
    expect(() => tw.update(7, NaN)).toThrow(RangeError);
    expect(() => tw.finish(Infinity)).toThrow(RangeError);
  });
});

describe('TimeSeriesDownsampler', () => {
  it('records the time-weighted mean and max per bucket', () => {
    const ds = new TimeSeriesDownsampler(0, 10, 5, 1);
    ds.update(3, 3);
    ds.finish(10);
    expect(ds.buckets()).toEqual([
      { start: 0, end: 2, mean: 1, max: 1 },
      { start: 2, end: 4, mean: 2, max: 3 },
      { start: 4, end: 6, mean: 3, max: 3 },
      { start: 6, end: 8, mean: 3, max: 3 },
      { start: 8, end: 10, mean: 3, max: 3 },
    ]);
  });

  it('reports a partly observed bucket over its observed part, and NaN for unobserved ones', () => {
    const ds = new TimeSeriesDownsampler(0, 10, 5, 2);
    ds.finish(7);
    const b = ds.buckets();
    expect(b[3]).toEqual({ start: 6, end: 8, mean: 2, max: 2 });
    expect(b[4]!.mean).toBeNaN();
    expect(b[4]!.max).toBeNaN();
  });

  it('ignores time outside the horizon', () => {
    const ds = new TimeSeriesDownsampler(10, 20, 2, 7);
    ds.update(15, 1);
    ds.update(30, 99);
    ds.finish(40);
    expect(ds.buckets().map((b) => b.mean)).toEqual([7, 1]);
    expect(ds.buckets().map((b) => b.max)).toEqual([7, 1]);
  });

  it('agrees with TimeWeighted: the bucket means, weighted by width, give the overall mean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dt: fc.double({ min: 0, max: 3, noNaN: true }), v: fc.integer({ min: 0, max: 50 }) }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 13 }),
        (steps, buckets) => {
          const end = 1 + steps.reduce((s, x) => s + x.dt, 0);
          const ds = new TimeSeriesDownsampler(0, end, buckets, 0);
          const tw = new TimeWeighted(0, 0);
          let t = 0;
          for (const { dt, v } of steps) {
            t += dt;
            ds.update(t, v);
            tw.update(t, v);
          }
          ds.finish(end);
          tw.finish(end);
          const bs = ds.buckets();
          const overall = bs.reduce((s, b) => s + b.mean * (b.end - b.start), 0) / end;
          // Equal up to rounding of sums of at most a few hundred terms.
          expect(Math.abs(overall - tw.mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, tw.mean));
          expect(Math.max(...bs.map((b) => b.max))).toBe(tw.max);
        },
      ),
    );
  });

  it('refuses a bad horizon or bucket count', () => {
    expect(() => new TimeSeriesDownsampler(5, 5, 3)).toThrow(RangeError);
    expect(() => new TimeSeriesDownsampler(0, 5, 0)).toThrow(RangeError);
    expect(() => new TimeSeriesDownsampler(0, 5, 2.5)).toThrow(RangeError);
  });
});
