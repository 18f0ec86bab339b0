import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { runReplication, type ReplicationOptions } from '../../../../simulation/model/replication';
import type { ReplicationResult } from '../../../../simulation/model/results';
import { runScenario } from '../../../../simulation/run/runScenario';
import { scenarioSchema } from '../../../../simulation/scenario/schema';
import { validateScenario } from '../../../../simulation/scenario/validate';
import { personOf } from './replicate';
import { buildScenario, compile, constant, type ScenarioSpec } from './scenarioBuilder';

/*
 * Work nobody can do: the engine and the validator follow one rule, and no
 * run ends in a stack trace.
 */

function run(spec: ScenarioSpec, options: ReplicationOptions = {}): ReplicationResult {
  const scenario = buildScenario(spec);
  return runReplication(compile(scenario), 0, scenario.run.seed, options);
}

const neverFinishes = (spec: ScenarioSpec) => validateScenario(buildScenario(spec)).warnings.filter((w) => /never finishes/.test(w.message));

describe('a stage whose only people are below the least skill level', () => {
  const team = (levels: number[]): ScenarioSpec => ({
    skills: ['backend'],
    people: levels.map((level, i) => ({ id: `p${i}`, skills: { backend: level } })),
    services: [{ id: 'svc', arrivals: [0, 10, 20], stages: [{ skill: 'backend', hours: constant(2) }] }],
    structure: { mode: 'cross-functional', minSkillLevel: 0.3 },
    horizonHours: 200,
  });

  it.each([[[0.1]], [[0.1, 0.1]], [[0.1, 0.2, 0.29]]])('is never done, and the validator says so (levels %j)', (levels) => {
    const r = run(team(levels));
    expect(r.completed).toBe(0);
    expect(r.wipAtEnd).toBe(3);
    expect(neverFinishes(team(levels))).toHaveLength(1);
  });

  it('is done by one person at the least level, and the validator has nothing to say', () => {
    const r = run(team([0.1, 0.3]));
    expect(r.completed).toBe(3);
    expect(personOf(r, 'p0').hours.work).toBe(0);
    expect(neverFinishes(team([0.1, 0.3]))).toHaveLength(0);
  });

  it('at a least level of 0, someone at level 0 is still not qualified (engine and validator agree)', () => {
    const spec = { ...team([0]), structure: { mode: 'cross-functional' as const, minSkillLevel: 0 } };
    expect(run(spec).completed).toBe(0);
    expect(neverFinishes(spec)).toHaveLength(1);
  });
});

describe('speed at skill level 0 set to 0', () => {
  const owner = (extra: Partial<ScenarioSpec> = {}): ScenarioSpec => ({
    skills: ['x'],
    people: [{ id: 'a', skills: { x: 1 }, departureAt: 10 }],
    services: [{ id: 'svc', owners: ['a'], knowledge: { a: 1 }, repairHours: constant(2), arrivals: [50], stages: [{ skill: 'x', hours: constant(4) }], review: constant(1) }],
    efficiencyAtZero: 0,
    absencePolicy: { departures: { perYear: 0, hireDelayHours: constant(20), rampUpHours: 0, startFraction: 1 } },
    horizonHours: 200,
    ...extra,
  });

  it('a replacement who knows none of the service can neither restore it nor review its work: both wait, nothing crashes', () => {
    // a leaves at 10 and is replaced at 30, knowing nothing of the service. The incident at 40 is never restored;
    // the item's stage (skill 1) is done 50 -> 54, teaching the replacement the service... at a learning rate of 0.
    const r = run(owner(), { replayIncidents: [{ service: 0, at: 40, detectDelay: 0 }] });
    expect(r.unrestored).toBe(1);
    expect(r.completed).toBe(0);
    expect(personOf(r, 'a').hours.work).toBeCloseTo(4, 12);
  });

  it('once the replacement has learned something of the service by working on it, they restore and review it', () => {
    const r = run(owner({ learning: { knowledgePerHour: 0.05 } }), { replayIncidents: [{ service: 0, at: 60, detectDelay: 0 }] });
    expect(r.unrestored).toBe(0);
    expect(r.completed).toBe(1);
  });

  it('the shipped walled example with departures runs to the end, and the validator says what 0 means', () => {
    const example = EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario() as { parameters: object; absencePolicy: { departures: object } };
    const scenario = scenarioSchema.parse({
      ...example,
      parameters: { ...example.parameters, efficiencyAtZero: 0 },
      absencePolicy: { ...example.absencePolicy, departures: { ...example.absencePolicy.departures, perYear: 2 } },
    });
    const result = runScenario(scenario, { replications: 8, seed: 3, variants: [{ kind: 'preset', preset: 'walled' }, { kind: 'preset', preset: 'cross-functional' }] });
    expect(result.variants).toHaveLength(2);
    for (const v of result.variants) expect(v.metrics.completed.mean).toBeGreaterThan(0);
    const warnings = validateScenario(scenario).warnings.filter((w) => w.path === 'parameters.efficiencyAtZero');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/nobody takes a stage in a skill they are at level 0/);
  });
});
