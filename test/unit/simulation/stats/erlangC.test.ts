import { describe, expect, it } from 'vitest';
import { erlangC, mmcMeanWait } from '../../../../simulation/stats/erlangC';

describe('erlangC', () => {
  it('reduces to rho for one server, and M/M/1 wait rho / (mu - lambda)', () => {
    expect(erlangC(1, 0.8, 1)).toBeCloseTo(0.8, 14);
    expect(mmcMeanWait(1, 0.8, 1)).toBeCloseTo(4, 12);
  });

  it('matches hand-computed values for two and three servers', () => {
    // c = 2, a = 1: C = (1/2 * 2) / (1 + 1 + 1) = 1/3.
    expect(erlangC(2, 1, 1)).toBeCloseTo(1 / 3, 14);
    // c = 3, a = 2.4: a^3/3! * 3/(3 - a) = 11.52; sum_{k<3} a^k/k! = 6.28; C = 11.52 / 17.8.
    expect(erlangC(3, 2.4, 1)).toBeCloseTo(11.52 / 17.8, 14);
    expect(mmcMeanWait(3, 2.4, 1)).toBeCloseTo(11.52 / 17.8 / 0.6, 12);
  });

  it('stays finite for many servers (the recursion does not overflow)', () => {
    const c = erlangC(500, 480, 1);
    expect(c > 0 && c < 1).toBe(true);
  });

  it('refuses unstable or malformed queues', () => {
    expect(() => erlangC(3, 3, 1)).toThrow(/unstable/);
    expect(() => erlangC(0, 1, 1)).toThrow(RangeError);
    expect(() => erlangC(2, 1, 0)).toThrow(RangeError);
  });
});
