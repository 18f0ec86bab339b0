import type { RunResult } from '../run/runScenario';
import { resolveVariantSpec, type PresetVariant, type VariantSpec } from '../run/variantSpec';
import type { ScalarMetric } from '../run/variantSummary';
import type { ModelInput } from '../model/modelInput';
import type { Scenario } from '../scenario/schema';
import { crossTrain } from './crossTrain';
import { levelOf } from '../scenario/idMap';

/** The dials a sensitivity sweep can turn. */
export const SWEEP_PARAMETERS = {
  arrivalRate: { label: 'Work arriving (x today)', unit: 'x' },
  incidentRate: { label: 'Incidents (x today)', unit: 'x' },
  handoffGapHours: { label: 'Handoff cost at the largest knowledge gap', unit: 'h' },
  crossTraining: { label: 'Cross-training: everyone reaches this level in their team', unit: 'level' },
  wipPerTeam: { label: 'WIP limit per team (items)', unit: 'items', whole: true },
  extraPeople: { label: 'People added to each team', unit: 'people', whole: true },
} as const satisfies Record<string, { label: string; unit: string; whole?: boolean }>;
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
    case 'wipPerTeam':
      return { ...model, structure: { ...model.structure, wip: { ...model.structure.wip, perTeam: Math.max(1, Math.round(value)) } } };
    case 'extraPeople':
      return { ...model, ...withExtraPeople(model, Math.max(0, Math.round(value))) };
  }
}

/**
 * `count` more people in each team (and among people in no team, if any):
 * each newcomer has the skills of the team's most skilled member and knows
 * each of the team's services as well as the team does on average. They
 * have no planned absences and work full weeks. In a walled structure they
 * get no named stage, so they take only stages nobody is named for, and
 * incidents only if they own a service (they own none): adding people to a
 * walled team helps less, which is the point of the comparison.
 */
export function withExtraPeople(model: Pick<ModelInput, 'people' | 'services' | 'teams'>, count: number): Pick<ModelInput, 'people' | 'services'> {
  if (count <= 0) return { people: [...model.people], services: [...model.services] };
  const taken = new Set(model.people.map((p) => p.id));
  const added: ModelInput['people'] = [];
  const knowledgeOf = new Map<string, Record<string, number>>();
  const teams = [...new Set(model.people.map((p) => p.team))];
  for (const team of teams) {
    const members = model.people.filter((p) => p.team === team);
    const total = (p: (typeof members)[number]) => Object.values(p.skills).reduce((a, b) => a + b, 0);
    const like = members.reduce((best, p) => (total(p) > total(best) ? p : best), members[0]!);
    for (let k = 1; k <= count; k++) {
      let id = `${team ?? 'team'}-new-${k}`;
      for (let n = 2; taken.has(id); n++) id = `${team ?? 'team'}-new-${k}-${n}`;
      taken.add(id);
      added.push({ id, name: `New ${k} (like ${like.name})`, team, skills: { ...like.skills }, absences: [], departureAt: null, availability: 1 });
      knowledgeOf.set(id, {});
    }
  }
  const services = model.services.map((s) => {
    const members = model.people.filter((p) => p.team === s.team);
    if (members.length === 0) return s;
    const mean = members.reduce((sum, p) => sum + (levelOf(s.knowledge, p.id) ?? 0), 0) / members.length;
    const knowledge = { ...s.knowledge };
    for (const p of added) if (p.team === s.team && mean > 0) knowledge[p.id] = mean;
    return { ...s, knowledge };
  });
  return { people: [...model.people, ...added], services };
}

/** The values a sweep runs: `count` evenly spaced from `min` to `max`, whole numbers (without repeats) for dials that count things. */
export function sweepValuesFor(parameter: SweepParameter, min: number, max: number, count: number): number[] {
  const values = sweepValues(min, max, count);
  return 'whole' in SWEEP_PARAMETERS[parameter] ? [...new Set(values.map((v) => Math.round(v)))] : values;
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
