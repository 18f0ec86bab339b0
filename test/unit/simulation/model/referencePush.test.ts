/**
 * The engine's push dispatch against an independent implementation of the
 * same rule (referencePush.ts), on the walled data team made
 * cross-functional: mean lead times within 10%, with intervals narrow enough
 * for that to be a real check.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { meanCI } from '../../../../simulation/stats/confidenceInterval';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';
import { referencePushLeadTimes, type RefModel } from './referencePush';
import { replicate } from './replicate';
import { FREE_HANDOFFS, NO_ABSENCES } from './scenarioBuilder';

const REPLICATIONS = 60;

function dataTeam(load: number): Scenario {
  const example = scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());
  return scenarioSchema.parse({
    ...example,
    // Sam's planned leave is left out: the reference has no absences.
    people: example.people.map((p) => ({ ...p, absences: [] })),
    services: example.services.map((s) => ({
      ...s,
      incidents: { ...s.incidents, ratePerHour: 0 },
      work: { ...s.work, review: null, arrivals: { kind: 'poisson', ratePerHour: (s.work.arrivals.kind === 'poisson' ? s.work.arrivals.ratePerHour : 0) * load } },
    })),
    absencePolicy: NO_ABSENCES,
    structure: { ...example.structure, mode: 'cross-functional', dispatch: 'push' },
    parameters: { ...example.parameters, handoff: FREE_HANDOFFS, learning: { knowledgePerHour: 0, skillPerPairedHour: 0 } },
    run: { ...example.run, horizonHours: 4000, replications: REPLICATIONS },
  });
}

function referenceModel(s: Scenario): RefModel {
  return {
    people: s.people.map((p) => ({ id: p.id, skills: p.skills })),
    services: s.services.map((svc) => ({
      id: svc.id,
      ratePerHour: svc.work.arrivals.kind === 'poisson' ? svc.work.arrivals.ratePerHour : 0,
      knowledge: svc.knowledge,
      stages: svc.work.stages.map((st) => {
        if (st.hours.kind !== 'lognormal') throw new Error('the reference draws lognormal stages only');
        return { skill: st.skill, mean: st.hours.mean, sigma: st.hours.sigma };
      }),
    })),
    minSkillLevel: s.structure.minSkillLevel,
    efficiencyAtZero: s.parameters.efficiencyAtZero,
    horizonHours: s.run.horizonHours,
  };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('push dispatch agrees with an independent implementation', () => {
  it.each([0.2, 1, 1.3])('walled data team made cross-functional, load x%s: mean lead times within a tenth of each other', (load) => {
    const scenario = dataTeam(load);
    const engine = meanCI(replicate(scenario).map((r) => r.leadTime.mean));
    const model = referenceModel(scenario);
    const reference = meanCI(Array.from({ length: REPLICATIONS }, (_, i) => mean(referencePushLeadTimes(model, 1000 + i))));
    // Each mean is known to within 5%, so a 10% disagreement could not hide in the noise.
    expect(engine.halfWidth / engine.mean).toBeLessThan(0.05);
    expect(reference.halfWidth / reference.mean).toBeLessThan(0.05);
    expect(Math.abs(engine.mean / reference.mean - 1)).toBeLessThan(0.1);
  });
});
