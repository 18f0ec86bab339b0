import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../../../simulation/stats/normal';
import { incompleteBeta, logGamma, upperIncompleteGamma } from '../../../../simulation/stats/specialFunctions';
import { tCdf, tQuantile } from '../../../../simulation/stats/studentT';

describe('tQuantile', () => {
  it.each([
    [1, 12.706],
    [9, 2.262],
    [29, 2.045],
    [Infinity, 1.96],
  ])('t(0.975, %s) matches the printed table to 3 decimals', (df, table) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(table, 3);
  });

  // Values from R's qt() (printed to 15 significant digits).
  it.each([
    [0.975, 1, 12.7062047361747],
    [0.975, 2, 4.30265272974946],
    [0.975, 9, 2.26215716279820],
    [0.975, 29, 2.04522964213270],
    [0.975, 1000, 1.96233908082662],
    [0.995, 10, 3.16927267261695],
    [0.9, 5, 1.47588404882448],
    [0.05, 3, -2.35336343480182],
    [0.5, 7, 0],
    [0.9995, 4, 8.61030158137952],
  ])('qt(%s, %s) = %s to 1e-10 relative', (p, df, expected) => {
    const got = tQuantile(p, df);
    expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(expected)));
  });

  it('is the inverse of tCdf, also for fractional degrees of freedom', () => {
    for (const df of [1, 1.5, 3, 7.25, 40, 300]) {
      for (const p of [1e-6, 0.01, 0.3, 0.8, 0.999]) {
        expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 12);
      }
    }
  });

  it('handles the edges and refuses bad arguments', () => {
    expect(tQuantile(0, 5)).toBe(-Infinity);
    expect(tQuantile(1, 5)).toBe(Infinity);
    expect(() => tQuantile(1.1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => tQuantile(NaN, 5)).toThrow(RangeError);
  });
});

describe('tCdf and normal', () => {
  it('matches R: pt(2, 5) and pt(-1, 1)', () => {
    expect(tCdf(2, 5)).toBeCloseTo(0.949030260585071, 12);
    expect(tCdf(-1, 1)).toBeCloseTo(0.25, 14);
  });

  it('normalCdf matches pnorm in the body and the far tail', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.97500210485178, 13);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-5) / 2.86651571879194e-7).toBeCloseTo(1, 12);
    expect(normalCdf(-10) / 7.61985302416047e-24).toBeCloseTo(1, 10);
  });

  it('normalQuantile matches qnorm, including far tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.95996398454005, 13);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 12);
    expect(normalQuantile(1e-10) / -6.36134090240406).toBeCloseTo(1, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
  });
});

describe('special functions', () => {
  it('logGamma matches ln((n-1)!) and ln(sqrt(pi))', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(100)).toBeCloseTo(359.134205369575, 10);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });

  it('incompleteBeta matches closed forms', () => {
    // Beta(2, 3) CDF at 1/2 is 11/16; I_x(1, 1) = x; I_x(a, 1) = x^a.
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(11 / 16, 14);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(incompleteBeta(0.7, 4.5, 1)).toBeCloseTo(0.7 ** 4.5, 14);
    expect(incompleteBeta(0, 2, 2)).toBe(0);
    expect(incompleteBeta(1, 2, 2)).toBe(1);
  });

  it('upperIncompleteGamma matches e^-x for a = 1 on both branches', () => {
    for (const x of [0.1, 1.5, 4, 30]) expect(upperIncompleteGamma(1, x) / Math.exp(-x)).toBeCloseTo(1, 12);
  });
});
