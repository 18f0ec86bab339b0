import { describe, expect, it } from 'vitest';
import { sweepLines, sweepValues, sweepVariants, withParameter } from '../../../../simulation/analysis/sensitivity';
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
  });

  it('lead time grows with load, and faster for the walled structure', () => {
    const values = [0.5, 1.5];
    const s = scenario();
    const result = runScenario(s, { replications: 30, seed: 9, variants: sweepVariants(s, 'arrivalRate', values, ['walled', 'cross-functional']) });
    const [walled, xf] = sweepLines(result, 'leadTimeP85', values, ['walled', 'cross-functional']);
    expect(walled!.points[1]!.low).toBeGreaterThan(walled!.points[0]!.high);
    expect(xf!.points[1]!.mean).toBeGreaterThan(xf!.points[0]!.mean);
    expect(walled!.points[1]!.mean - walled!.points[0]!.mean).toBeGreaterThan(xf!.points[1]!.mean - xf!.points[0]!.mean);
  });
});
