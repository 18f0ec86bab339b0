import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunningMean } from '../../../../simulation/run/runningMean';
import { meanCI, type ConfidenceInterval } from '../../../../simulation/stats/confidenceInterval';

/** What a summary computed from the list of per-replication values before RunningMean. */
function fromList(xs: number[]): { interval: ConfidenceInterval; plainMean: number } {
  const ok = xs.filter(Number.isFinite);
  const interval = ok.length >= 2 ? meanCI(ok) : { mean: ok[0] ?? NaN, low: NaN, high: NaN, halfWidth: NaN, n: ok.length };
  return { interval, plainMean: ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN };
}

function running(xs: number[]): { interval: ConfidenceInterval; plainMean: number } {
  const r = new RunningMean();
  for (const x of xs) r.add(x);
  return { interval: r.interval(), plainMean: r.plainMean() };
}

describe('RunningMean', () => {
  const value = fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0, -0) },
  );

  it('gives bit for bit what meanCI and a plain sum give on the finite values', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (xs) => {
        expect(running(xs)).toStrictEqual(fromList(xs));
      }),
      { numRuns: 500 },
    );
  });

  it('handles no value, one value and only NaN', () => {
    expect(running([])).toStrictEqual(fromList([]));
    expect(running([-0])).toStrictEqual(fromList([-0]));
    expect(running([3.5, NaN])).toStrictEqual(fromList([3.5, NaN]));
    expect(running([NaN, NaN]).interval.n).toBe(0);
  });
});
