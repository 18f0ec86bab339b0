import { afterAll, describe, expect, it } from 'vitest';
import type { ReplicationResult } from '../../../../simulation/model/results';
import { meanCI, pairedDiffCI } from '../../../../simulation/stats/confidenceInterval';
import { mmcMeanWait } from '../../../../simulation/stats/erlangC';
import { ORACLE_LEVEL, oracleCheck, startupBias } from './oracle';
import { personOf, replicate, serviceOf } from './replicate';
import { buildScenario, exponential, type ScenarioSpec } from './scenarioBuilder';

/*
 * Oracle: pooling. Two services with the same Poisson load lambda each, one
 * exponential stage (mean 1/mu) in the same skill, and two people at level 1.
 * Walled, each service has its own named specialist: two independent M/M/1
 * queues at rho = lambda / mu. Cross-functional, both people take either
 * service from one shared queue: M/M/2 with arrival rate 2 lambda, the same
 * rho per person. Pooling must match Erlang C in both shapes, and the pooled
 * wait must be lower on the same arrivals and efforts (common random numbers).
 *
 * The mean wait per replication is (sum of lead times - hours worked) /
 * completed, as in mmcOracle.test.ts, with the same bias allowance.
 */
const MU = 1;
const RHO = 0.8;
const LAMBDA = RHO * MU;
const HORIZON = 8_000;
const REPLICATIONS = 20;

const spec = (mode: 'walled' | 'cross-functional'): ScenarioSpec => ({
  skills: ['s'],
  people: [
    { id: 'ana', skills: { s: 1 } },
    { id: 'ben', skills: { s: 1 } },
  ],
  services: ['a', 'b'].map((id) => ({ id, arrivals: LAMBDA, stages: [{ skill: 's', hours: exponential(1 / MU) }] })),
  structure: {
    mode,
    assignments: [
      { service: 'a', skill: 's', person: 'ana' },
      { service: 'b', skill: 's', person: 'ben' },
    ],
  },
  horizonHours: HORIZON,
  replications: REPLICATIONS,
  seed: 77,
});

const walled = replicate(buildScenario(spec('walled')));
const pooled = replicate(buildScenario(spec('cross-functional')));
const inServiceAtEnd = 1 / (MU * MU * HORIZON);

/** Mean wait of all items of a replication (see the note at the top). */
const meanWait = (r: ReplicationResult) => (r.leadTime.mean * r.completed - r.people.reduce((sum, p) => sum + p.hours.work, 0)) / r.completed;

const table: string[] = [];

describe('pooling: two walled specialists vs the same two people sharing one queue', () => {
  it('walled: each service behaves as its own M/M/1 queue', () => {
    const expected = mmcMeanWait(1, LAMBDA, MU);
    const bias = startupBias(RHO, MU, LAMBDA, HORIZON) + inServiceAtEnd;
    for (const [service, person] of [
      ['a', 'ana'],
      ['b', 'ben'],
    ] as const) {
      const waits = walled.map((r) => {
        const svc = serviceOf(r, service);
        return (svc.leadTimeMean * svc.completed - personOf(r, person).hours.work) / svc.completed;
      });
      const { ci, error, tolerance } = oracleCheck(waits, expected, bias);
      table.push(`walled service ${service}: sim ${ci.mean.toFixed(4)} +/- ${ci.halfWidth.toFixed(4)}, M/M/1 ${expected.toFixed(4)}`);
      expect(ci.halfWidth / expected).toBeLessThan(0.2);
      expect(error).toBeLessThanOrEqual(tolerance);
    }
    // Nobody helps the other: each person works only on their own service, at load rho.
    const u = oracleCheck(
      walled.map((r) => personOf(r, 'ana').utilisation),
      RHO,
      0,
    );
    expect(u.error).toBeLessThanOrEqual(u.tolerance);
  });

  it('cross-functional: the shared queue behaves as M/M/2 at the same load', () => {
    const expected = mmcMeanWait(2, 2 * LAMBDA, MU);
    const { ci, error, tolerance } = oracleCheck(pooled.map(meanWait), expected, startupBias(RHO, MU, 2 * LAMBDA, HORIZON) + inServiceAtEnd);
    table.push(`pooled: sim ${ci.mean.toFixed(4)} +/- ${ci.halfWidth.toFixed(4)}, M/M/2 ${expected.toFixed(4)}`);
    expect(ci.halfWidth / expected).toBeLessThan(0.15);
    expect(error).toBeLessThanOrEqual(tolerance);
  });

  it('pooling lowers the mean lead time on the same arrivals and efforts', () => {
    // Common random numbers: both arms drew the same arrivals and efforts (same stream names and seeds).
    expect(pooled.map((r) => r.arrivals)).toEqual(walled.map((r) => r.arrivals));
    const diff = pairedDiffCI(
      walled.map((r) => r.leadTime.mean),
      pooled.map((r) => r.leadTime.mean),
      ORACLE_LEVEL,
    );
    table.push(`walled - pooled lead time: ${diff.mean.toFixed(4)} +/- ${diff.halfWidth.toFixed(4)} (theory ${(mmcMeanWait(1, LAMBDA, MU) - mmcMeanWait(2, 2 * LAMBDA, MU)).toFixed(4)})`);
    expect(diff.low).toBeGreaterThan(0);
    // The gain is the Erlang C difference, not just "some": the walled-minus-pooled interval must cover it (allowing both arms' start-up bias).
    const theory = mmcMeanWait(1, LAMBDA, MU) - mmcMeanWait(2, 2 * LAMBDA, MU);
    const bias = startupBias(RHO, MU, LAMBDA, HORIZON) + startupBias(RHO, MU, 2 * LAMBDA, HORIZON);
    expect(Math.abs(diff.mean - theory)).toBeLessThanOrEqual(diff.halfWidth + bias);
    // And the tail: the p85 of lead time is lower when pooled in nearly every replication; check the mean p85 with a CI.
    const p85 = meanCI(
      walled.map((r, i) => r.leadTime.p85 - pooled[i]!.leadTime.p85),
      ORACLE_LEVEL,
    );
    expect(p85.low).toBeGreaterThan(0);
  });

  afterAll(() => console.log(table.join('\n')));
});
