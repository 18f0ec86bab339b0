import { describe, expect, it } from 'vitest';
import { sampleQuantile, sortedQuantile } from '../../../../simulation/stats/sampleQuantile';

describe('sampleQuantile (type 7)', () => {
  // Expected values from R's quantile(x, q) (type 7) / NumPy's percentile.
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    [[1, 2, 3, 4], 0.25, 1.75],
    [[3, 1, 2], 0.5, 2],
    [[10, 20], 0.85, 18.5],
    [[7], 0.3, 7],
    [[5, 1, 4, 2, 3], 0, 1],
    [[5, 1, 4, 2, 3], 1, 5],
  ])('quantile(%j, %s) = %s', (values, q, expected) => {
    expect(sampleQuantile(values, q)).toBeCloseTo(expected, 12);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    sampleQuantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses an empty sample, NaN values and q outside [0, 1]', () => {
    expect(() => sampleQuantile([], 0.5)).toThrow(RangeError);
    expect(() => sampleQuantile([1, NaN], 0.5)).toThrow(RangeError);
    expect(() => sortedQuantile([1, 2], -0.1)).toThrow(RangeError);
  });
});
