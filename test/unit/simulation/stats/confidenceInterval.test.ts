import { describe, expect, it } from 'vitest';
import { standardNormal } from '../../../../simulation/random/sample';
import { RandomStreams } from '../../../../simulation/random/randomStreams';
import { meanCI, pairedDiffCI, pairedRelativeDiffCI } from '../../../../simulation/stats/confidenceInterval';

describe('meanCI', () => {
  it('matches R t.test(1:5): 1.036757 to 4.963243', () => {
    const ci = meanCI([1, 2, 3, 4, 5]);
    expect(ci.mean).toBe(3);
    expect(ci.low).toBeCloseTo(1.036757, 6);
    expect(ci.high).toBeCloseTo(4.963243, 6);
    expect(ci.halfWidth).toBeCloseTo(1.963243, 6);
    expect(ci.n).toBe(5);
  });

  it('widens with the level: 99% for 1:5 is 3 +/- 4.604095 * sqrt(0.5)', () => {
    expect(meanCI([1, 2, 3, 4, 5], 0.99).halfWidth).toBeCloseTo(4.604094871 * Math.sqrt(0.5), 8);
  });

  it('covers the true mean about 95% of the time (normal data, n = 5)', () => {
    // 4,000 intervals; coverage is Binomial(4000, 0.95): standard error 0.00345.
    // A fixed seed, and 4.5 standard errors, as everywhere in these tests. Using
    // z = 1.96 instead of t(4) = 2.776 would cover only about 88%: caught.
    const stream = new RandomStreams(31).stream('coverage');
    const trials = 4000;
    let covered = 0;
    for (let i = 0; i < trials; i++) {
      const xs = Array.from({ length: 5 }, () => 10 + 2 * standardNormal(stream));
      const ci = meanCI(xs);
      if (ci.low <= 10 && 10 <= ci.high) covered++;
    }
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(4.5 * Math.sqrt((0.95 * 0.05) / trials));
  });

  it('handles one value (infinite interval) and identical values (zero width)', () => {
    expect(meanCI([4])).toEqual({ mean: 4, low: -Infinity, high: Infinity, halfWidth: Infinity, n: 1 });
    expect(meanCI([2, 2, 2]).halfWidth).toBe(0);
    expect(() => meanCI([])).toThrow(RangeError);
    expect(() => meanCI([1, NaN])).toThrow(RangeError);
    expect(() => meanCI([1, 2], 1)).toThrow(RangeError);
  });
});

describe('pairedDiffCI', () => {
  it('is the t interval of the differences a - b', () => {
    // Differences 1, 2, 2, 3: mean 2, s = 0.8165, t(0.975, 3) = 3.182446.
    const ci = pairedDiffCI([5, 7, 9, 11], [4, 5, 7, 8]);
    expect(ci.mean).toBe(2);
    expect(ci.halfWidth).toBeCloseTo(3.182446305 * Math.sqrt(2 / 3 / 4), 8);
  });

  it('is far narrower than separate intervals when the pairs share noise', () => {
    const stream = new RandomStreams(5).stream('crn');
    const shared = Array.from({ length: 20 }, () => 10 * standardNormal(stream));
    const a = shared.map((s) => 50 + s + standardNormal(stream));
    const b = shared.map((s) => 48 + s + standardNormal(stream));
    expect(pairedDiffCI(a, b).halfWidth * 3).toBeLessThan(meanCI(a).halfWidth);
  });

  it('refuses samples of different lengths', () => {
    expect(() => pairedDiffCI([1, 2], [1])).toThrow(RangeError);
  });
});

describe('pairedRelativeDiffCI (delta method)', () => {
  it('gives zero width when a is exactly proportional to b', () => {
    const ci = pairedRelativeDiffCI([1.25, 2.5, 5], [1, 2, 4]);
    expect(ci.mean).toBeCloseTo(0.25, 14);
    expect(ci.halfWidth).toBeCloseTo(0, 14);
  });

  it('matches the delta-method formula on a small example', () => {
    const a = [12, 15, 11, 14];
    const b = [10, 12, 10, 11];
    // mean a = 13, mean b = 10.75, R = 1.2093; residuals a - R b; se = sd(residuals) / sqrt(n) / mean b.
    const r = 13 / 10.75;
    const residuals = a.map((x, i) => x - r * b[i]!);
    const m = residuals.reduce((s, x) => s + x, 0) / 4;
    const sd = Math.sqrt(residuals.reduce((s, x) => s + (x - m) ** 2, 0) / 3);
    const ci = pairedRelativeDiffCI(a, b);
    expect(ci.mean).toBeCloseTo(r - 1, 14);
    expect(ci.halfWidth).toBeCloseTo((3.182446305 * sd) / 2 / 10.75, 8);
  });

  it('covers the true relative difference about 95% of the time (n = 30 correlated pairs)', () => {
    // True means 12.5 and 10: relative difference +25%. 2,000 intervals, Binomial
    // standard error 0.0049; the delta method is approximate, so allow 4.5 of them.
    const stream = new RandomStreams(8).stream('ratio');
    const trials = 2000;
    let covered = 0;
    for (let i = 0; i < trials; i++) {
      const a: number[] = [];
      const b: number[] = [];
      for (let k = 0; k < 30; k++) {
        const shared = standardNormal(stream);
        b.push(10 + 2 * shared + standardNormal(stream));
        a.push(12.5 + 2.5 * shared + standardNormal(stream));
      }
      const ci = pairedRelativeDiffCI(a, b);
      if (ci.low <= 0.25 && 0.25 <= ci.high) covered++;
    }
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(4.5 * Math.sqrt((0.95 * 0.05) / trials));
  });

  it('refuses a zero baseline mean and unequal lengths', () => {
    expect(() => pairedRelativeDiffCI([1, 2], [1, -1])).toThrow(/baseline mean is 0/);
    expect(() => pairedRelativeDiffCI([1, 2], [1])).toThrow(RangeError);
  });
});
