import type { RunResult } from '../run/runScenario';
import { resolveVariantSpec, type PresetVariant, type VariantSpec } from '../run/variantSpec';
import type { ScalarMetric } from '../run/variantSummary';
import type { ModelInput } from '../model/modelInput';
import type { Scenario } from '../scenario/schema';
import { crossTrain } from './crossTrain';

/** The dials a sensitivity sweep can turn. */
export const SWEEP_PARAMETERS = {
  arrivalRate: { label: 'Work arriving (x today)', unit: 'x' },
  incidentRate: { label: 'Incidents (x today)', unit: 'x' },
  handoffGapHours: { label: 'Handoff cost at the largest knowledge gap', unit: 'h' },
  crossTraining: { label: 'Cross-training: everyone reaches this level in their team', unit: 'level' },
} as const;
export type SweepParameter = keyof typeof SWEEP_PARAMETERS;

/** The model with one dial set to `value`. */
export function withParameter(model: ModelInput, parameter: SweepParameter, value: number): ModelInput {
  switch (parameter) {
    case 'arrivalRate':
      return {
        ...model,
        services: model.services.map((s) => (s.work.arrivals.kind === 'poisson' ? { ...s, work: { ...s.work, arrivals: { kind: 'poisson', ratePerHour: s.work.arrivals.ratePerHour * value } } } : s)),
      };
    case 'incidentRate':
      return { ...model, services: model.services.map((s) => ({ ...s, incidents: { ...s.incidents, ratePerHour: s.incidents.ratePerHour * value } })) };
    case 'handoffGapHours':
      return { ...model, parameters: { ...model.parameters, handoff: { ...model.parameters.handoff, gapHours: value } } };
    case 'crossTraining':
      return { ...model, ...crossTrain(model, value) };
  }
}

/** `count` evenly spaced values from `min` to `max`. */
export const sweepValues = (min: number, max: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => (count === 1 ? min : min + ((max - min) * i) / (count - 1)));

/** One variant per (structure, value), all on the same seeds. */
export function sweepVariants(scenario: Scenario, parameter: SweepParameter, values: readonly number[], structures: readonly PresetVariant[]): VariantSpec[] {
  return structures.flatMap((preset) => {
    const model = resolveVariantSpec(scenario, { kind: 'preset', preset }).model;
    return values.map((value): VariantSpec => {
      const m = withParameter(model, parameter, value);
      return {
        kind: 'inline',
        variant: {
          id: `sweep:${preset}:${value}`,
          name: `${preset} at ${Number(value.toPrecision(3))}`,
          description: '',
          overrides: { skills: m.skills, teams: m.teams, people: m.people, services: m.services, structure: m.structure, parameters: m.parameters, absencePolicy: m.absencePolicy },
        },
      };
    });
  });
}

export interface SweepLine {
  structure: PresetVariant;
  points: { value: number; mean: number; low: number; high: number }[];
}

/** A metric against the dial, one line per structure, with 95% intervals. */
export function sweepLines(result: RunResult, metric: ScalarMetric, values: readonly number[], structures: readonly PresetVariant[]): SweepLine[] {
  return structures.map((structure, s) => ({
    structure,
    points: values.map((value, i) => {
      const ci = result.variants[s * values.length + i]!.metrics[metric];
      return { value, mean: ci.mean, low: ci.low, high: ci.high };
    }),
  }));
}
