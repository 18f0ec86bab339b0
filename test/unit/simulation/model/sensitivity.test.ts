import { describe, expect, it } from 'vitest';
import { sweepLines, sweepValues, sweepValuesFor, sweepVariants, withParameter } from '../../../../simulation/analysis/sensitivity';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { resolveVariant } from '../../../../simulation/model/modelInput';
import { runScenario } from '../../../../simulation/run/runScenario';
import { scenarioSchema } from '../../../../simulation/scenario/schema';

const scenario = () => scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());

describe('sensitivity sweep', () => {
  it('turns each dial in the model', () => {
    const model = resolveVariant(scenario(), null);
    const busy = withParameter(model, 'arrivalRate', 2);
    expect(busy.services.map((s) => (s.work.arrivals.kind === 'poisson' ? s.work.arrivals.ratePerHour : 0))).toEqual(model.services.map((s) => (s.work.arrivals.kind === 'poisson' ? s.work.arrivals.ratePerHour * 2 : 0)));
    expect(withParameter(model, 'incidentRate', 0).services.every((s) => s.incidents.ratePerHour === 0)).toBe(true);
    expect(withParameter(model, 'handoffGapHours', 9).parameters.handoff.gapHours).toBe(9);
    const trained = withParameter(model, 'crossTraining', 0.6);
    expect(trained.people.find((p) => p.id === 'sam')!.skills['data-science']).toBe(0.6);
    expect(trained.services.find((s) => s.id === 'recommendations')!.knowledge.sam).toBe(0.6);
    expect(sweepValues(0.5, 1.5, 5)).toEqual([0.5, 0.75, 1, 1.25, 1.5]);
    expect(withParameter(model, 'wipPerTeam', 3.4).structure.wip.perTeam).toBe(3);
    expect(sweepValuesFor('wipPerTeam', 1, 3, 5)).toEqual([1, 2, 3]);
    expect(sweepValuesFor('extraPeople', 0, 4, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('adds people like the most skilled member of each team, knowing its services as well as the team does on average', () => {
    const model = resolveVariant(scenario(), null);
    const bigger = withParameter(model, 'extraPeople', 2);
    const teams = new Set(model.people.map((p) => p.team));
    expect(bigger.people).toHaveLength(model.people.length + 2 * teams.size);
    expect(new Set(bigger.people.map((p) => p.id)).size).toBe(bigger.people.length);
    const added = bigger.people.slice(model.people.length);
    for (const p of added) {
      const members = model.people.filter((m) => m.team === p.team);
      const total = (x: { skills: Record<string, number> }) => Object.values(x.skills).reduce((a, b) => a + b, 0);
      expect(total(p)).toBe(Math.max(...members.map(total)));
      for (const svc of bigger.services.filter((s) => s.team === p.team)) {
        const original = model.services.find((s) => s.id === svc.id)!;
        const mean = members.reduce((sum, m) => sum + (original.knowledge[m.id] ?? 0), 0) / members.length;
        if (mean > 0) expect(svc.knowledge[p.id]).toBeCloseTo(mean, 12);
      }
    }
    expect(withParameter(model, 'extraPeople', 0).people).toEqual(model.people);
  });

  it('more people shorten cross-functional lead time; a tighter WIP limit holds fewer items in progress', () => {
    const s = scenario();
    const people = runScenario(s, { replications: 20, seed: 5, variants: sweepVariants(s, 'extraPeople', [0, 2], ['cross-functional']) });
    const [xf] = sweepLines(people, 'leadTimeMean', [0, 2], ['cross-functional']);
    expect(xf!.points[1]!.high).toBeLessThan(xf!.points[0]!.low);
    const wip = runScenario(s, { replications: 20, seed: 5, variants: sweepVariants(s, 'wipPerTeam', [1, 20], ['cross-functional']) });
    // Items started and not finished: every place of the cumulative flow but the one held back by the limit.
    const started = (v: (typeof wip.variants)[number]) => {
      const rows = v.flow.mean.filter((_, k) => v.flow.states[k]!.id !== '#admission');
      const points = v.flow.done.length;
      return rows.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0) / points;
    };
    const [limited, loose] = wip.variants;
    // A limit of 1 per team: on average at most one item started per team that has services.
    expect(started(limited!)).toBeLessThanOrEqual(new Set(s.services.map((x) => x.team)).size);
    expect(started(limited!)).toBeLessThan(started(loose!));
    expect(limited!.flow.mean[limited!.flow.states.findIndex((st) => st.id === '#admission')]!.some((x) => x > 0)).toBe(true);
  });

  it('lead time grows with load, and faster for the walled structure', () => {
    // Up to 1.25 times the load, where both structures still settle (at 1.5 the cross-functional team does not, and
    // its figures would be those of a queue still growing at the horizon, not of a load).
    const values = [0.5, 1.25];
    const s = scenario();
    const result = runScenario(s, { replications: 30, seed: 9, variants: sweepVariants(s, 'arrivalRate', values, ['walled', 'cross-functional']) });
    const [walled, xf] = sweepLines(result, 'leadTimeP85', values, ['walled', 'cross-functional']);
    expect(walled!.points[1]!.low).toBeGreaterThan(walled!.points[0]!.high);
    expect(xf!.points[1]!.mean).toBeGreaterThan(xf!.points[0]!.mean);
    expect(walled!.points[1]!.mean - walled!.points[0]!.mean).toBeGreaterThan(xf!.points[1]!.mean - xf!.points[0]!.mean);
  });
});
