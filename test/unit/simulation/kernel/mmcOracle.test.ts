import { describe, expect, it } from 'vitest';
import { simulateMMc } from '../../../../simulation/bench/mmcModel';
import { mmcMeanWait } from '../../../../simulation/stats/erlangC';
import { Welford } from '../../../../simulation/stats/welford';

/*
 * Oracle: the kernel-driven M/M/c queue against Erlang C's steady-state mean
 * wait. Each case runs REPLICATIONS independent replications (seeds 1..R),
 * each dropping WARMUP customers (the queue starts empty; the relaxation time
 * at rho = 0.8 is under 100 customers) and averaging the next CUSTOMERS waits.
 * The replication means are independent, so their standard error is s / sqrt(R).
 * With fixed seeds the test is deterministic; the tolerance is 4.5 standard
 * errors, which a correct engine exceeds with probability about 7e-6, while a
 * biased one (a wrong rate, a lost or doubled event, a broken tie order) is
 * caught once its bias passes about 4.5 standard errors (4 to 11% here).
 */
const REPLICATIONS = 20;
const WARMUP = 2_000;
const CUSTOMERS = 20_000;
const Z = 4.5;

const cases = [
  { servers: 1, rho: 0.5 },
  { servers: 1, rho: 0.8 },
  { servers: 3, rho: 0.5 },
  { servers: 3, rho: 0.8 },
];

describe('M/M/c mean wait vs Erlang C', () => {
  for (const { servers, rho } of cases) {
    it(`M/M/${servers} at rho ${rho}`, () => {
      const serviceRate = 1;
      const arrivalRate = rho * servers * serviceRate;
      const means = new Welford();
      for (let seed = 1; seed <= REPLICATIONS; seed++) {
        means.add(simulateMMc({ servers, arrivalRate, serviceRate, customers: CUSTOMERS, warmup: WARMUP, seed }).meanWait);
      }
      const expected = mmcMeanWait(servers, arrivalRate, serviceRate);
      const standardError = means.stdDev / Math.sqrt(REPLICATIONS);
      // The test has power: the standard error is a few percent of the target at most.
      expect(standardError / expected).toBeLessThan(0.04);
      expect(Math.abs(means.mean - expected)).toBeLessThan(Z * standardError);
    });
  }

  it('gives Wq for the benchmark queue (M/M/3, lambda 2.4, mu 1) as 1.0787 h', () => {
    // C(3, 2.4) = 11.52 / 17.8 = 0.647191; Wq = C / (3 - 2.4).
    expect(mmcMeanWait(3, 2.4, 1)).toBeCloseTo(0.6471910112 / 0.6, 9);
  });
});
