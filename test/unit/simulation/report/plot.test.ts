import { describe, expect, it } from 'vitest';
import { areaPath, bandScale, linearScale, linePath, nice, stepBeforePath, ticks } from '../../../../simulation/report/plot';

describe('the report’s plotting helpers', () => {
  it('makes round ticks at 1, 2 or 5 times a power of ten, without float noise', () => {
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(ticks(0, 97, 5)).toEqual([0, 20, 40, 60, 80]);
    expect(ticks(3, 52, 4)).toEqual([10, 20, 30, 40, 50]);
    expect(ticks(0, 2000, 5)).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('widens a domain to round ends', () => {
    expect(nice(0, 0.173)).toEqual([0, 0.18]);
    expect(nice(0, 97)).toEqual([0, 100]);
    expect(nice(0, 1)).toEqual([0, 1]);
  });

  it('maps linearly, also upside down (a y axis)', () => {
    const y = linearScale([0, 10], [200, 0]);
    expect([y(0), y(5), y(10)]).toEqual([200, 100, 0]);
    expect(y.ticks(2)).toEqual([0, 5, 10]);
  });

  it('lays out bands with inner padding, centred', () => {
    const b = bandScale(['a', 'b'], [0, 100], 0.2);
    // step = 100 / (2 - 0.2) ; bands start at 0 and step, each 0.8 step wide.
    const step = 100 / 1.8;
    expect(b('a')).toBeCloseTo(0, 9);
    expect(b('b')).toBeCloseTo(step, 9);
    expect(b.bandwidth).toBeCloseTo(step * 0.8, 9);
  });

  it('draws lines, steps and areas with one decimal', () => {
    expect(linePath([[0, 0], [10.26, 5]])).toBe('M0,0L10.3,5');
    expect(stepBeforePath([[0, 10], [5, 4], [9, 0]])).toBe('M0,10V4H5V0H9');
    expect(areaPath([0, 10], [0, 0], [5, 6])).toBe('M0,5L10,6L10,0L0,0Z');
  });
});
