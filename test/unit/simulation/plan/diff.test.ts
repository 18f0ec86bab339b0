import { describe, expect, it } from 'vitest';
import { diffModels, type PlanModel } from '../../../../simulation/plan/diff';
import { scenarioSchema } from '../../../../simulation/scenario/schema';
import { EXAMPLES } from '../../../../simulation/examples/catalog';

const base = (): PlanModel => scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());

describe('the plan as a diff', () => {
  it('has no moves between a model and itself', () => {
    expect(diffModels(base(), base())).toEqual([]);
  });

  it('lists who moves, what knowledge leaves with them and what they must learn', () => {
    const from = base();
    const to = structuredClone(from);
    to.teams.push({ id: 'platform', name: 'Platform', type: 'platform', interactions: [] });
    to.teams[0]!.interactions.push({ team: 'platform', mode: 'x-as-a-service' });
    to.people.find((p) => p.id === 'sam')!.team = 'platform';
    const core = to.services.find((s) => s.id === 'core-platform-module')!;
    core.team = 'platform';
    core.owners = ['sam'];
    to.services.find((s) => s.id === 'prediction-api')!.owners = ['sam'];
    const moves = diffModels(from, to);
    expect(moves.map((m) => [m.kind, m.text])).toEqual([
      ['person-team', 'Sam (software engineer): Data team -> Platform'],
      ['service-owner', 'Prediction API: owner Mel (ML engineer) -> Sam (software engineer)'],
      ['service-team', 'Core platform prediction module: owned by Data team -> Platform'],
      ['interaction', 'Data team with Platform: no interaction -> x-as-a-service'],
      ['team-added', 'team Platform is formed (platform)'],
    ]);
    expect(moves.find((m) => m.kind === 'service-owner')!.edges.sort()).toEqual(['k:mel:prediction-api', 'k:sam:prediction-api']);
  });

  it('says when the only knower of a service leaves its team, and what a mover must build', () => {
    const from = base();
    const to = structuredClone(from);
    to.teams.push({ id: 'ml', name: 'ML', type: 'complicated-subsystem', interactions: [] });
    to.people.find((p) => p.id === 'mel')!.team = 'ml';
    to.services.find((s) => s.id === 'recommendations')!.team = 'ml';
    const moves = diffModels(from, to).map((m) => m.text);
    // Mel was the only one in the data team who knows the Prediction API well (Sam 40%).
    expect(moves).toContain('Data team loses its only knower of Prediction API: Mel (ML engineer) (80%) moves to ML');
    // The recommendations move with Mel, who knows them: nothing to build, nothing lost.
    expect(moves.some((t) => t.includes('must learn'))).toBe(false);
    to.people.find((p) => p.id === 'dana')!.team = 'ml';
    expect(diffModels(from, to).map((m) => m.text)).toContain('Dana (data scientist) must learn Recommendation service (30% now)');
  });

  it('lists direct knowledge and skill edits and structure changes, ignoring rounding', () => {
    const from = base();
    const to = structuredClone(from);
    to.services[0]!.knowledge.dana = 0.7;
    to.services[0]!.knowledge.mel = 0.91;
    to.structure = { ...to.structure, mode: 'cross-functional', pairing: { enabled: true, share: 0.5 } };
    expect(diffModels(from, to).map((m) => m.text)).toEqual(['Dana (data scientist) knows Recommendation service: 30% -> 70%', 'structure: walled -> cross-functional', 'pairing: off -> on']);
  });
});
