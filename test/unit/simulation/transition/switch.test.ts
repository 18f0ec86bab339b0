import { describe, expect, it } from 'vitest';
import { buildScenario, constant } from '../model/scenarioBuilder';
import { compileModel } from '../../../../simulation/model/compile';
import { runReplication } from '../../../../simulation/model/replication';
import { WeeklySeries } from '../../../../simulation/model/weeklySeries';
import { planModel } from '../../../../simulation/transition/runTransition';
import type { Scenario } from '../../../../simulation/scenario/schema';

/**
 * Four items of 10 h arrive at once for service "s" of team A, where only Alice works; the plan hands "s" to
 * team B (Bob). Handoffs are free and speed depends only on skill (both at level 1), so the times are exact.
 */
function handover(): Scenario {
  const base = buildScenario({
    skills: ['ops'],
    teams: ['A', 'B'],
    people: [
      { id: 'alice', team: 'A', skills: { ops: 1 } },
      { id: 'bob', team: 'B', skills: { ops: 1 } },
    ],
    services: [{ id: 's', team: 'A', arrivals: [0, 0, 0, 0], stages: [{ skill: 'ops', hours: constant(10) }] }],
    horizonHours: 200,
  });
  const services = base.services.map((s) => ({ ...s, team: 'B' }));
  return { ...base, variants: [{ id: 'plan', name: 'Plan', description: '', overrides: { services }, transition: { effectiveDate: '2026-01-06' } }] };
}

/** Lead times of the items, by the week series (one week of 200 h holds them all). */
function leadTimes(scenario: Scenario, switchAt: number | null): { sum: number; count: number } {
  const { base, plan } = planModel(scenario, 'plan');
  const weekly = new WeeklySeries(0, 200, 0, 200);
  runReplication(compileModel(base), 0, 1, { weekly, ...(switchAt !== null ? { switchTo: { at: switchAt, model: compileModel(plan) } } : {}) });
  return { sum: weekly.leadSum[0]!, count: weekly.leadCount[0]! };
}

describe('the structure switch', () => {
  it('leaves work in flight with whoever holds it and sends waiting work to the plan\'s people', () => {
    // Staying as is: Alice does all four, done at 10, 20, 30, 40.
    expect(leadTimes(handover(), null)).toEqual({ sum: 100, count: 4 });
    // At 15 Alice is on the second item (she finishes it at 20); the third and fourth go to Bob, done at 25 and 35.
    expect(leadTimes(handover(), 15)).toEqual({ sum: 10 + 20 + 25 + 35, count: 4 });
  });
});
