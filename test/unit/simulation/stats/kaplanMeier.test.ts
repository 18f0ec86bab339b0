import { describe, expect, it } from 'vitest';
import { curveQuantile, histogramQuantiles, histogramSurvival, kaplanMeier } from '../../../../simulation/stats/kaplanMeier';
import { LogHistogram } from '../../../../simulation/stats/logHistogram';
import { Xoshiro128StarStar } from '../../../../simulation/random/xoshiro128';

describe('Kaplan-Meier', () => {
  // By hand: 1, 2+, 3, 3, 4+, 5, 6+ (+ = censored).
  // t=1: 7 at risk, 1 ends: S = 6/7. t=3: 5 at risk, 2 end: S = 6/7 * 3/5 = 18/35.
  // t=5: 2 at risk, 1 ends: S = 18/35 * 1/2 = 9/35. Nothing after reaches S <= 0.2.
  const times = [3, 2, 1, 5, 4, 3, 6];
  const observed = [true, false, true, true, false, true, false];
  const curve = kaplanMeier(times, observed);

  it('matches a hand-computed example', () => {
    expect(curve.times).toEqual([1, 3, 5]);
    expect(curve.survival[0]).toBeCloseTo(6 / 7, 12);
    expect(curve.survival[1]).toBeCloseTo(18 / 35, 12);
    expect(curve.survival[2]).toBeCloseTo(9 / 35, 12);
    expect(curve.reach).toBeCloseTo(26 / 35, 12);
    expect(curveQuantile(curve, 0.4)).toEqual({ value: 3, beyond: false });
    expect(curveQuantile(curve, 0.5)).toEqual({ value: 5, beyond: false });
    // Beyond the last event: "more than 6" (the longest duration watched).
    expect(curveQuantile(curve, 0.8)).toEqual({ value: 6, beyond: true });
  });

  it('is the plain empirical quantile without censoring, and says "beyond" when nothing finished', () => {
    const plain = kaplanMeier([4, 1, 3, 2], [true, true, true, true]);
    expect(curveQuantile(plain, 0.5).value).toBe(2);
    expect(curveQuantile(plain, 0.95)).toEqual({ value: 4, beyond: false });
    const none = kaplanMeier([5, 9], [false, false]);
    expect(curveQuantile(none, 0.5)).toEqual({ value: 9, beyond: true });
    expect(none.reach).toBe(0);
  });

  // Exponential durations (mean 10 h) starting uniformly over a 60 h window, censored at its end:
  // about 15% are censored, and the finished ones alone are biased short.
  it('recovers exponential quantiles under censoring at the horizon, where finished-only percentiles are biased', () => {
    const rng = new Xoshiro128StarStar(1, 2, 3, 4);
    const t: number[] = [];
    const obs: boolean[] = [];
    const finished = new LogHistogram();
    const censored = new LogHistogram();
    for (let i = 0; i < 40_000; i++) {
      const d = -10 * Math.log(1 - rng.next());
      const left = 60 * rng.next();
      const ended = d <= left;
      t.push(ended ? d : left);
      obs.push(ended);
      (ended ? finished : censored).record(ended ? d : left);
    }
    const km = kaplanMeier(t, obs);
    const binned = histogramSurvival(finished.snapshot(), censored.snapshot());
    for (const p of [0.5, 0.85, 0.95]) {
      const truth = -10 * Math.log(1 - p);
      const q = curveQuantile(km, p);
      expect(q.beyond).toBe(false);
      expect(Math.abs(q.value / truth - 1)).toBeLessThan(0.04);
      // The histogram version agrees within its 1% resolution (plus a step of the curve).
      expect(Math.abs(curveQuantile(binned, p).value / q.value - 1)).toBeLessThan(0.02);
    }
    // Finished only: the p95 is far too short.
    expect(finished.quantile(0.95) / (-10 * Math.log(0.05))).toBeLessThan(0.85);
  });

  it('a quantile past the longest follow-up is "beyond", from histograms too', () => {
    const finished = new LogHistogram();
    const censored = new LogHistogram();
    for (let i = 1; i <= 10; i++) finished.record(i);
    for (let i = 0; i < 90; i++) censored.record(20);
    const curve = histogramSurvival(finished.snapshot(), censored.snapshot());
    expect(curveQuantile(curve, 0.05).beyond).toBe(false);
    const q = curveQuantile(curve, 0.5);
    expect(q).toEqual({ value: 20, beyond: true });
    expect(curve.reach).toBeCloseTo(0.1, 9);
  });

  it('refuses bad input', () => {
    expect(() => kaplanMeier([1, -1], [true, true])).toThrow(RangeError);
    expect(() => kaplanMeier([1], [true, false])).toThrow(RangeError);
    expect(() => curveQuantile(curve, 1)).toThrow(RangeError);
  });

  // histogramQuantiles is the replication's fast path: it must give exactly what the curve gives, ties, zeros,
  // values outside [min, max], censored-only and empty histograms included.
  it('histogramQuantiles gives exactly the quantiles and reach of histogramSurvival', () => {
    const rng = new Xoshiro128StarStar(7, 8, 9, 10);
    const levels = [0.5, 0.85, 0.95];
    const into: number[] = [];
    const value = (kind: number) => (kind < 0.1 ? 0 : kind < 0.15 ? 1e-5 * rng.next() : kind < 0.2 ? 2e7 : kind < 0.4 ? Math.ceil(5 * rng.next()) : -20 * Math.log(1 - rng.next()));
    let beyondSeen = 0;
    for (let trial = 0; trial < 400; trial++) {
      const finished = new LogHistogram();
      const censored = new LogHistogram();
      const nFinished = Math.floor(40 * rng.next() * rng.next());
      const nCensored = Math.floor(15 * rng.next() * rng.next());
      for (let i = 0; i < nFinished; i++) finished.record(value(rng.next()));
      for (let i = 0; i < nCensored; i++) censored.record(value(rng.next()));
      const curve = histogramSurvival(finished.snapshot(), censored.snapshot());
      const reach = histogramQuantiles(finished, censored, levels, into);
      expect(Object.is(reach, curve.reach) || reach === curve.reach).toBe(true);
      levels.forEach((p, k) => {
        const q = curveQuantile(curve, p);
        if (q.beyond) beyondSeen++;
        expect(into[k]).toBe(q.value);
      });
    }
    expect(beyondSeen).toBeGreaterThan(20);
    expect(() => histogramQuantiles(new LogHistogram(), new LogHistogram({ relativeError: 0.02 }), levels, into)).toThrow(RangeError);
  });
});
