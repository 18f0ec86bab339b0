import { afterAll, describe, expect, it } from 'vitest';
import { oracleCheck, startupBias } from './oracle';
import { replicate } from './replicate';
import { buildScenario, exponential } from './scenarioBuilder';

/*
 * Oracle: a walled three-stage pipeline is a tandem of M/M/1 queues (a
 * Jackson network). Poisson arrivals at lambda; stage i is done by its own
 * specialist at level 1 with exponential effort of mean 1/mu_i; handoffs
 * cost nothing and never cause rework. By Burke's theorem each station sees
 * Poisson arrivals at lambda, so the mean time in system is
 * sum 1 / (mu_i - lambda), and the mean number waiting for station i is
 * rho_i^2 / (1 - rho_i).
 */
const LAMBDA = 0.5;
const MUS = [1, 0.8, 1.25] as const;
const SKILLS = ['x', 'y', 'z'] as const;
const HORIZON = 10_000;
const REPLICATIONS = 20;

const scenario = buildScenario({
  skills: [...SKILLS],
  people: SKILLS.map((skill) => ({ id: `p-${skill}`, skills: { [skill]: 1 } })),
  services: [{ id: 'pipeline', arrivals: LAMBDA, stages: SKILLS.map((skill, i) => ({ skill, hours: exponential(1 / MUS[i]!) })) }],
  structure: { mode: 'walled', assignments: SKILLS.map((skill) => ({ service: 'pipeline', skill, person: `p-${skill}` })) },
  horizonHours: HORIZON,
  replications: REPLICATIONS,
  seed: 5,
});
const results = replicate(scenario);
// Each station's start-up bias adds up along the line.
const bias = MUS.reduce((sum, mu) => sum + startupBias(LAMBDA / mu, mu, LAMBDA, HORIZON), 0);
const table: string[] = [];

describe('walled pipeline vs the tandem (Jackson) formula', () => {
  it('mean lead time = sum of 1 / (mu_i - lambda)', () => {
    const expected = MUS.reduce((sum, mu) => sum + 1 / (mu - LAMBDA), 0);
    const { ci, error, tolerance } = oracleCheck(
      results.map((r) => r.leadTime.mean),
      expected,
      bias,
    );
    table.push(`tandem sojourn: sim ${ci.mean.toFixed(4)} +/- ${ci.halfWidth.toFixed(4)}, Jackson ${expected.toFixed(4)}`);
    expect(ci.halfWidth / expected).toBeLessThan(0.1);
    expect(error).toBeLessThanOrEqual(tolerance);
  });

  it('each specialist queue holds rho^2 / (1 - rho) tasks on average', () => {
    SKILLS.forEach((skill, i) => {
      const rho = LAMBDA / MUS[i]!;
      const expected = (rho * rho) / (1 - rho);
      const { ci, error, tolerance } = oracleCheck(
        results.map((r) => r.queuesBySkill.find((q) => q.id === skill)!.queue.mean),
        expected,
        // Queue-length bias from empty, per unit time (not per customer): rho / (mu (1 - rho)^3) / T, doubled as in oracle.ts.
        startupBias(rho, MUS[i]!, LAMBDA, HORIZON) * LAMBDA,
      );
      table.push(`queue ${skill} (rho ${rho}): sim ${ci.mean.toFixed(4)} +/- ${ci.halfWidth.toFixed(4)}, M/M/1 Lq ${expected.toFixed(4)}`);
      expect(ci.halfWidth / expected).toBeLessThan(0.15);
      expect(error).toBeLessThanOrEqual(tolerance);
    });
  });

  it('every item is handed off twice and passes through three people', () => {
    for (const r of results) {
      expect(r.handoffsPerItem).toBe(2);
      expect(r.peoplePerItem).toBe(3);
      expect(r.reworkPerItem).toBe(0);
    }
  });

  afterAll(() => console.log(table.join('\n')));
});
