import { describe, expect, it } from 'vitest';
import { buildScenario, exponential } from '../model/scenarioBuilder';
import { compileModel } from '../../../../simulation/model/compile';
import { replicationSeeds, runReplication } from '../../../../simulation/model/replication';
import { WeeklySeries } from '../../../../simulation/model/weeklySeries';
import { planModel, runTransition } from '../../../../simulation/transition/runTransition';
import { summarizeTransition, weeklyMeans } from '../../../../simulation/transition/summary';
import type { Scenario } from '../../../../simulation/scenario/schema';

const WEEK = 40;

/**
 * Team A: alice, the only one who knows service "a" (and its owner), and bob, who does not know it.
 * Team B: carol owns "b". The plan moves alice to team B and hands "a" to bob.
 */
function soleKnower(learning = 0): Scenario {
  const base = buildScenario({
    skills: ['ops'],
    teams: ['A', 'B'],
    people: [
      { id: 'alice', team: 'A', skills: { ops: 1 } },
      { id: 'bob', team: 'A', skills: { ops: 1 } },
      { id: 'carol', team: 'B', skills: { ops: 1 } },
    ],
    services: [
      { id: 'a', team: 'A', owners: ['alice'], knowledge: { alice: 1 }, incidentRate: 0.05, repairHours: exponential(3) },
      { id: 'b', team: 'B', owners: ['carol'], knowledge: { carol: 1 }, incidentRate: 0.02, repairHours: exponential(2) },
    ],
    learning: { knowledgePerHour: learning },
    horizonHours: 24 * WEEK,
    warmupHours: 2 * WEEK,
    replications: 20,
    seed: 7,
  });
  const people = base.people.map((p) => (p.id === 'alice' ? { ...p, team: 'B' } : p));
  const services = base.services.map((s) => (s.id === 'a' ? { ...s, owners: ['bob'] } : s.id === 'b' ? { ...s, owners: ['carol', 'alice'] } : s));
  return {
    ...base,
    variants: [{ id: 'plan', name: 'Plan', description: '', overrides: { people, services }, transition: { effectiveDate: '2026-03-02' } }],
  };
}

describe('a reorganisation taking effect at a date', () => {
  it('keeps both arms identical before the switch (same luck) and raises the time to restore of the sole knower\'s old service after it', () => {
    const scenario = soleKnower();
    const run = runTransition(scenario, 'plan');
    const { weeksBefore, weeksAfter, switchAt } = run.weeks;
    // 2026-03-02 is the start of the 9th week from 2026-01-05.
    expect(switchAt).toBe(8 * WEEK);
    expect(weeksBefore).toBe(6);
    expect(weeksAfter).toBe(16);
    for (const r of run.replications) {
      expect(r.plan.ttrSum.slice(0, weeksBefore)).toEqual(r.stay.ttrSum.slice(0, weeksBefore));
      expect(r.plan.ttrCount.slice(0, weeksBefore)).toEqual(r.stay.ttrCount.slice(0, weeksBefore));
    }
    // After the switch, bob (who does not know "a") restores it at a quarter of alice's speed: every replication is slower.
    const after = (arm: 'stay' | 'plan', r: (typeof run.replications)[number]) => {
      const s = r[arm].ttrSum.slice(weeksBefore).reduce((a, b) => a + b, 0);
      const c = r[arm].ttrCount.slice(weeksBefore).reduce((a, b) => a + b, 0);
      return s / c;
    };
    for (const r of run.replications) expect(after('plan', r)).toBeGreaterThan(after('stay', r));
    const summary = summarizeTransition(run, scenario.run.seed);
    expect(summary.ttr.dip).not.toBeNull();
    expect(summary.ttr.breakEven.week).toBeNull();
  });

  it('runs the stay-as-is arm exactly as the base runs without a transition', () => {
    const scenario = soleKnower();
    const { base } = planModel(scenario, 'plan');
    const seed = replicationSeeds(scenario.run.seed, 1)[0]!;
    const plain = runReplication(compileModel(base), 0, seed);
    const weekly = new WeeklySeries(8 * WEEK, WEEK, 2 * WEEK, 24 * WEEK);
    const recorded = runReplication(compileModel(base), 0, seed, { weekly });
    expect(recorded).toEqual(plain);
    // ...and the weekly figures add up to the run's own count of restored incidents after the warm-up (whole weeks only).
    expect(weekly.ttrCount.reduce((a, b) => a + b, 0)).toBe(plain.timeToRestore.count);
  });

  it('gives the same result for the same seed, and pays for itself once the new owner has learned the service', () => {
    // Alice owns both services and is overloaded; the plan gives "b" to bob, who learns it while restoring it.
    const base = buildScenario({
      skills: ['ops'],
      teams: ['A'],
      people: [
        { id: 'alice', team: 'A', skills: { ops: 1 } },
        { id: 'bob', team: 'A', skills: { ops: 1 } },
      ],
      services: [
        { id: 'a', team: 'A', owners: ['alice'], knowledge: { alice: 1 }, incidentRate: 0.07, repairHours: exponential(4) },
        { id: 'b', team: 'A', owners: ['alice'], knowledge: { alice: 1 }, incidentRate: 0.07, repairHours: exponential(4) },
      ],
      learning: { knowledgePerHour: 0.01 },
      horizonHours: 30 * WEEK,
      warmupHours: 2 * WEEK,
      replications: 30,
      seed: 3,
    });
    const services = base.services.map((s) => (s.id === 'b' ? { ...s, owners: ['bob'] } : s));
    const scenario: Scenario = { ...base, variants: [{ id: 'plan', name: 'Plan', description: '', overrides: { services }, transition: { effectiveDate: '2026-03-02' } }] };
    const first = summarizeTransition(runTransition(scenario, 'plan'), 3);
    const again = summarizeTransition(runTransition(scenario, 'plan'), 3);
    expect(again).toEqual(first);
    // A dip in the first weeks (bob restores "b" at a quarter speed until he has learned it), then better for good:
    // alice no longer makes "a" wait while she restores "b".
    expect(first.ttr.dip).not.toBeNull();
    expect(first.ttr.dip!.week).toBeLessThanOrEqual(3);
    expect(first.ttr.dip!.hours).toBeGreaterThan(2);
    const be = first.ttr.breakEven;
    expect(be.week).not.toBeNull();
    expect(be.week!).toBeGreaterThan(first.ttr.dip!.week);
    expect(be.low!).toBeLessThanOrEqual(be.week!);
    expect(be.high === null || be.high >= be.week!).toBe(true);
    // Before the switch the bands of the two arms are the same.
    const before = first.weeks.weeksBefore;
    expect(first.ttr.plan.slice(0, before)).toEqual(first.ttr.stay.slice(0, before));
  });
});

describe('the break-even week and the dip, on figures worked out by hand', () => {
  // Stay: 10 h every week. Plan: 20 h in the first week after the switch, 5 h afterwards (one item a week).
  // Cumulative means since the switch, plan: 20, 12.5, 10, 8.75, ...; stay 10: differences -10, -2.5, 0, +1.25, ...
  // so the plan pays for itself from week 4 (week 3 only breaks even, it is not better). Worst week: week 1, +10 h (+100%).
  const arm = (values: number[]) => ({ leadSum: values, leadCount: values.map(() => 1), ttrSum: values.map(() => 0), ttrCount: values.map(() => 0) });
  const stay = [10, 10, 10, 10, 10, 10, 10, 10];
  const plan = [10, 10, 20, 5, 5, 5, 5, 5];
  const run = {
    variantId: 'plan',
    variantName: 'Plan',
    effectiveDate: '2026-03-02',
    weeks: { switchAt: 80, weekHours: 40, weeksBefore: 2, weeksAfter: 6 },
    replications: [0, 1, 2].map((index) => ({ index, seed: index, stay: arm(stay), plan: arm(plan) })),
  };

  it('finds week 4 with an interval of [4, 4] when every replication agrees', () => {
    const s = summarizeTransition(run, 1);
    expect(s.lead.breakEven).toEqual({ week: 4, low: 4, high: 4 });
    expect(s.lead.dip).toEqual({ week: 1, hours: 10, share: 1 });
    expect(weeklyMeans(run.replications[0]!.plan, 'lead')).toEqual(plan);
    expect(s.lead.plan.map((b) => b.p50)).toEqual(plan);
    // No incident at all: nothing to say about time to restore.
    expect(s.ttr.breakEven.week).toBeNull();
    expect(s.ttr.dip).toBeNull();
  });

  it('says "not within the horizon" when the plan never wins back the dip', () => {
    const never = { ...run, replications: run.replications.map((r) => ({ ...r, plan: arm([10, 10, 40, 9, 9, 9, 9, 9]) })) };
    // Cumulative: 40, 24.5, 19.3, 16.75, 15.2, 14.2: always worse than 10.
    expect(summarizeTransition(never, 1).lead.breakEven).toEqual({ week: null, low: null, high: null });
  });

  it('widens the interval when replications disagree', () => {
    const late = arm([10, 10, 30, 8, 8, 8, 8, 8]); // cumulative 30, 19, 15.3, 13.5, 12.4, 11.7: never better than 10.
    const mixed = { ...run, replications: [...run.replications, ...[3, 4, 5].map((index) => ({ index, seed: index, stay: arm(stay), plan: late }))] };
    const s = summarizeTransition(mixed, 1);
    // Mean of the cumulative differences: (-10 - 20) / 2, (-2.5 - 9) / 2, (0 - 5.33) / 2, (1.25 - 3.5) / 2, (2 - 2.4) / 2, (2.5 - 1.67) / 2 > 0.
    expect(s.lead.breakEven.week).toBe(6);
    expect(s.lead.breakEven.low).toBeLessThanOrEqual(6);
    expect(s.lead.breakEven.low).toBeGreaterThanOrEqual(4);
    // Some resamples hold mostly late replications, which never break even.
    expect(s.lead.breakEven.high).toBeNull();
  });
});
