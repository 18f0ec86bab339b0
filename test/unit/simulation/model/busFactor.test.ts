import { describe, expect, it } from 'vitest';
import { analyseModel } from '../../../../simulation/analysis/modelAnalysis';
import { validateScenario } from '../../../../simulation/scenario/validate';
import { pairedDiff } from './compare';
import { replicate, runOnce, serviceOf } from './replicate';
import { buildScenario, constant, exponential, type ScenarioSpec } from './scenarioBuilder';

/*
 * The bus factor counts the people the structure lets respond who know the
 * service well (model/busFactor.ts): the same rule while drawing, in the
 * validator, and at the start and end of a run.
 */

/** Mel owns recs; Dana knows it as well but does not own it; Sam knows it a little. */
const recs = (mode: 'walled' | 'cross-functional', extra: Partial<ScenarioSpec> = {}): ScenarioSpec => ({
  skills: ['ml'],
  teams: ['data'],
  people: ['mel', 'dana', 'sam'].map((id) => ({ id, team: 'data', skills: { ml: 1 } })),
  services: [{ id: 'recs', team: 'data', owners: ['mel'], knowledge: { mel: 0.9, dana: 0.9, sam: 0.3 } }],
  structure: { mode, minKnowledge: 0.2 },
  horizonHours: 10,
  ...extra,
});

describe('bus factor', () => {
  it('walled: only the owners may restore, however well others know it (start and end of a run, drawing, validator)', () => {
    const scenario = buildScenario(recs('walled'));
    const r = runOnce(scenario);
    expect(serviceOf(r, 'recs').busFactorStart).toBe(1);
    expect(serviceOf(r, 'recs').busFactor).toBe(1);
    expect(analyseModel(scenario).services[0]!.knowers).toEqual(['mel']);
    expect(validateScenario(scenario).warnings.map((w) => w.message)).toContain('only mel can restore recs (bus factor 1)');
  });

  it('cross-functional: the team members who know it well count too', () => {
    const scenario = buildScenario(recs('cross-functional'));
    const r = runOnce(scenario);
    expect(serviceOf(r, 'recs').busFactorStart).toBe(2);
    expect(serviceOf(r, 'recs').busFactor).toBe(2);
    expect(analyseModel(scenario).services[0]!.knowers).toEqual(['mel', 'dana']);
  });

  it('cross-functional: someone outside the service’s team does not count', () => {
    const spec = recs('cross-functional', { teams: ['data', 'web'] });
    spec.people = spec.people.map((p) => (p.id === 'dana' ? { ...p, team: 'web' } : p));
    expect(serviceOf(runOnce(buildScenario(spec)), 'recs').busFactorStart).toBe(1);
    expect(analyseModel(buildScenario(spec)).services[0]!.busFactor).toBe(1);
  });

  it('a departure lowers it by the end of the run', () => {
    const spec = recs('cross-functional', { horizonHours: 100 });
    spec.people = spec.people.map((p) => (p.id === 'dana' ? { ...p, departureAt: 5 } : p));
    const r = runOnce(buildScenario(spec));
    expect(serviceOf(r, 'recs').busFactorStart).toBe(2);
    expect(serviceOf(r, 'recs').busFactor).toBe(1);
  });
});

describe('learning from work and from pairing are told apart', () => {
  /** Cross-functional team with pairing; knowledge is learned only by pairing (work teaches nothing). */
  const pairing = (enabled: boolean): ScenarioSpec => ({
    skills: ['ml'],
    teams: ['data'],
    people: [
      { id: 'mel', team: 'data', skills: { ml: 1 } },
      { id: 'dana', team: 'data', skills: { ml: 0.2 } },
    ],
    services: [{ id: 'recs', team: 'data', owners: ['mel'], knowledge: { mel: 1 }, arrivals: 0.05, stages: [{ skill: 'ml', hours: exponential(8) }] }],
    structure: { mode: 'cross-functional', minSkillLevel: 0.5, pairing: { enabled, share: 1 } },
    learning: { knowledgePerHour: 0, knowledgePerPairedHour: 0.01 },
    horizonHours: 2000,
    replications: 20,
  });

  it('pairing raises the bus factor where work alone teaches nothing, and the gain is booked as pairing', () => {
    const paired = replicate(buildScenario(pairing(true)));
    const solo = replicate(buildScenario(pairing(false)));
    for (const r of [...paired, ...solo]) expect(serviceOf(r, 'recs').busFactorStart).toBe(1);
    for (const r of solo) {
      expect(serviceOf(r, 'recs').busFactor).toBe(1);
      expect(serviceOf(r, 'recs').knowledgeFromPairing).toBe(0);
    }
    for (const r of paired) expect(serviceOf(r, 'recs').knowledgeFromWork).toBe(0);
    const gain = pairedDiff(paired, solo, (r) => serviceOf(r, 'recs').knowledgeFromPairing);
    expect(gain.low).toBeGreaterThan(0.5);
    const bus = pairedDiff(paired, solo, (r) => serviceOf(r, 'recs').busFactor);
    expect(bus.low).toBeGreaterThan(0);
  });

  it('work teaches at knowledgePerHour and is booked as work', () => {
    // One 10 h stage by dana (who knows nothing) at 0.01 per hour: 1 - e^(-0.1) learned, all from work.
    const r = runOnce(
      buildScenario({
        skills: ['ml'],
        people: [{ id: 'dana', skills: { ml: 1 } }],
        services: [{ id: 'recs', arrivals: [0], stages: [{ skill: 'ml', hours: constant(10) }] }],
        learning: { knowledgePerHour: 0.01, knowledgePerPairedHour: 0.5 },
        horizonHours: 50,
      }),
    );
    expect(serviceOf(r, 'recs').knowledgeFromWork).toBeCloseTo(1 - Math.exp(-0.1), 12);
    expect(serviceOf(r, 'recs').knowledgeFromPairing).toBe(0);
  });
});
