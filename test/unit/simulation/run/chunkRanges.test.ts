import { describe, expect, it } from 'vitest';
import { chunkRanges } from '../../../../simulation/run/workerProtocol';

/** The ranges cover 0..n-1 once each, in order. */
function covers(ranges: [number, number][], n: number): boolean {
  let next = 0;
  for (const [from, to] of ranges) {
    if (from !== next || to <= from) return false;
    next = to;
  }
  return next === n;
}

describe('chunkRanges', () => {
  it('splits one run into about 8 chunks per worker, at most 32 replications each', () => {
    expect(chunkRanges(160, 2).map(([a, b]) => b - a)).toEqual(Array(16).fill(10));
    const big = chunkRanges(1000, 2);
    expect(covers(big, 1000)).toBe(true);
    expect(Math.max(...big.map(([a, b]) => b - a))).toBe(32);
    expect(covers(chunkRanges(5, 2), 5)).toBe(true);
  });

  it('sizes the chunks of one of many variants run together on all of them', () => {
    // 51 variants of 50 replications on 2 workers: 2 chunks each, not 13 of 4.
    expect(chunkRanges(50, 2)).toHaveLength(13);
    const together = chunkRanges(50, 2, 51 * 50);
    expect(together).toEqual([
      [0, 32],
      [32, 50],
    ]);
    // Never larger chunks than the variant would have alone when it is the bigger part.
    expect(chunkRanges(160, 2, 10)).toEqual(chunkRanges(160, 2));
  });
});
