import { afterAll, describe, expect, it } from 'vitest';
import { mmcMeanWait } from '../../../../simulation/stats/erlangC';
import { oracleCheck, startupBias } from './oracle';
import { replicate } from './replicate';
import { buildScenario, exponential } from './scenarioBuilder';

/*
 * Oracle: the full model reduced to an M/M/c queue against Erlang C.
 * One service, one stage with exponential effort (mean 1/mu h), Poisson
 * arrivals at lambda = rho c mu, c people all at level 1 (so touch time is
 * the sampled effort), cross-functional with pull dispatch (one shared FIFO
 * queue, whoever is free takes the oldest task), and nothing else: no
 * absences, incidents, handoffs or learning.
 *
 * Lead time is then wait + service. The mean wait of a replication is
 * (sum of lead times - hours worked) / completed items: subtracting the hours
 * people actually worked instead of the nominal 1/mu removes the noise of the
 * service times themselves (it halves the interval at low load). The hours
 * worked include the part done on the items still in service at the horizon,
 * on average c rho / mu hours (busy servers times the mean age of an
 * exponential service in progress), which lowers the estimate by
 * 1 / (mu^2 T); that is added to the start-up bias allowance (oracle.ts).
 *
 * Each case runs REPLICATIONS independent replications. `power` is the
 * relative error the case can detect: the 99.9% interval is asserted to be
 * narrower than that share of the Erlang C wait, so the test cannot pass by
 * being vague. At rho 0.9 the queue's autocorrelation makes precision
 * expensive (the variance of the mean grows like 1/(1-rho)^4), so those
 * cases are fewer and check to 20% within the time budget; the others to 15%
 * or better.
 */
const REPLICATIONS = 20;
const MU = 1;

const cases = [
  { c: 1, rho: 0.5, horizon: 8_000, power: 0.15 },
  { c: 1, rho: 0.8, horizon: 16_000, power: 0.15 },
  { c: 1, rho: 0.9, horizon: 40_000, power: 0.2 },
  { c: 2, rho: 0.5, horizon: 5_000, power: 0.15 },
  { c: 2, rho: 0.8, horizon: 8_000, power: 0.15 },
  { c: 2, rho: 0.9, horizon: 20_000, power: 0.2 },
  { c: 5, rho: 0.5, horizon: 5_000, power: 0.15 },
  { c: 5, rho: 0.8, horizon: 4_000, power: 0.15 },
];

/** Printed at the end (simulated vs Erlang C). */
const table: string[] = [];

describe('M/M/c through the whole model vs Erlang C', () => {
  for (const { c, rho, horizon, power } of cases) {
    it(`M/M/${c} at rho ${rho}: mean wait matches Erlang C`, () => {
      const lambda = rho * c * MU;
      const scenario = buildScenario({
        skills: ['s'],
        people: Array.from({ length: c }, (_, i) => ({ id: `p${i}`, skills: { s: 1 } })),
        services: [{ id: 'svc', arrivals: lambda, stages: [{ skill: 's', hours: exponential(1 / MU) }] }],
        structure: { mode: 'cross-functional', dispatch: 'pull' },
        horizonHours: horizon,
        replications: REPLICATIONS,
        seed: 1000 + c * 10 + Math.round(rho * 10),
      });
      const results = replicate(scenario);
      const waits = results.map((r) => (r.leadTime.mean * r.completed - r.people.reduce((sum, p) => sum + p.hours.work, 0)) / r.completed);
      const expected = mmcMeanWait(c, lambda, MU);
      const inServiceAtEnd = 1 / (MU * MU * horizon);
      const { ci, error, tolerance } = oracleCheck(waits, expected, startupBias(rho, MU, lambda, horizon) + inServiceAtEnd);
      table.push(`M/M/${c} rho ${rho}: sim ${ci.mean.toFixed(4)} +/- ${ci.halfWidth.toFixed(4)} (99.9%), Erlang C ${expected.toFixed(4)}`);
      expect(ci.halfWidth / expected).toBeLessThan(power);
      expect(error).toBeLessThanOrEqual(tolerance);
      // Each person is busy a share rho of the time (the busy fraction is the offered load per server).
      const utilisation = results.map((r) => r.people.reduce((sum, p) => sum + p.utilisation, 0) / c);
      const u = oracleCheck(utilisation, rho, 0);
      expect(u.error).toBeLessThanOrEqual(u.tolerance);
    });
  }

  afterAll(() => console.log(table.join('\n')));
});
