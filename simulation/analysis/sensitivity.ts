import type { RunResult } from '../run/runScenario';
import { resolveVariantSpec, type PresetVariant, type VariantSpec } from '../run/variantSpec';
import type { ScalarMetric } from '../run/variantSummary';
import type { ModelInput } from '../model/modelInput';
import type { Scenario } from '../scenario/schema';
import { crossTrain } from './crossTrain';
import { diagnose, replicationsBeyond } from '../run/diagnostics';
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

/** A structure a sweep draws a line for: a preset by name, or any variant (the base, a saved variant) with its key and name. */
export type SweepStructure = PresetVariant | { key: string; name: string; spec: VariantSpec };

const structureOf = (s: SweepStructure): { key: string; name: string; spec: VariantSpec } =>
  typeof s === 'string' ? { key: s, name: s === 'walled' ? 'Walled' : 'Cross-functional', spec: { kind: 'preset', preset: s } } : s;

/** One variant per (structure, value), all on the same seeds. */
export function sweepVariants(scenario: Scenario, parameter: SweepParameter, values: readonly number[], structures: readonly SweepStructure[]): VariantSpec[] {
  return structures.map(structureOf).flatMap(({ key, spec }) => {
    const model = resolveVariantSpec(scenario, spec).model;
    return values.map((value): VariantSpec => {
      const m = withParameter(model, parameter, value);
      return {
        kind: 'inline',
        variant: {
          id: `sweep:${key}:${value}`,
          name: `${key} at ${Number(value.toPrecision(3))}`,
          description: '',
          overrides: { skills: m.skills, teams: m.teams, people: m.people, services: m.services, structure: m.structure, parameters: m.parameters, absencePolicy: m.absencePolicy },
        },
      };
    });
  });
}

export interface SweepPoint {
  value: number;
  mean: number;
  low: number;
  high: number;
  /** The variant at this setting does not settle: the point depends on the run's length (absent in sweeps kept before this was checked). */
  unstable?: boolean;
  /** Why (the bottleneck and queue growth), when unstable. */
  note?: string;
  /** The metric is a percentile beyond what some replications watched: the mean is a lower bound. */
  lowerBound?: boolean;
}

export interface SweepLine {
  /** The structure's key: a preset's name, "base" or a saved variant's id. */
  structure: string;
  /** Its name as shown (older kept results have none: the preset's name is used). */
  name?: string;
  points: SweepPoint[];
}

/** A line's name: its own, or the preset's. */
export const sweepLineName = (line: SweepLine): string => line.name ?? (line.structure === 'walled' ? 'Walled' : line.structure === 'cross-functional' ? 'Cross-functional' : line.structure);

/** A metric against the dial, one line per structure, with 95% intervals, and whether each point settles. */
export function sweepLines(result: RunResult, metric: ScalarMetric, values: readonly number[], structures: readonly SweepStructure[]): SweepLine[] {
  return structures.map(structureOf).map(({ key, name }, s) => ({
    structure: key,
    name,
    points: values.map((value, i) => {
      const v = result.variants[s * values.length + i]!;
      const ci = v.metrics[metric];
      const d = diagnose(v);
      const note = d.unstable ? (d.bottleneck ? `bottleneck: ${d.bottleneck}` : 'work piles up') : undefined;
      return { value, mean: ci.mean, low: ci.low, high: ci.high, unstable: d.unstable, ...(note ? { note } : {}), lowerBound: replicationsBeyond(v, metric) > 0 };
    }),
  }));
}

/** One sentence per structure whose points do not all settle or are lower bounds, naming the settings. */
export function sweepWarnings(lines: readonly SweepLine[], parameter: SweepParameter): string[] {
  const unit = SWEEP_PARAMETERS[parameter].unit;
  const at = (xs: SweepPoint[]) => xs.map((p) => `${Number(p.value.toPrecision(3))}${unit === 'x' ? 'x' : ''}`).join(', ');
  return lines.flatMap((l) => {
    const name = sweepLineName(l);
    const out: string[] = [];
    const unstable = l.points.filter((p) => p.unstable);
    if (unstable.length) out.push(`${name} does not settle at ${at(unstable)}: those points grow with the length of the run, they are not steady-state figures (${unstable[unstable.length - 1]!.note ?? 'work piles up'}).`);
    const bounds = l.points.filter((p) => p.lowerBound);
    if (bounds.length) out.push(`${name} at ${at(bounds)}: the percentile lies beyond what some replications watched; those points are lower bounds.`);
    return out;
  });
}

/**
 * Where the dial stands in the scenario as it is (for the chosen structure's
 * model): 1 for the rates, the handoff cost, the WIP limit (none: null), no
 * extra people; cross-training has no single value today (null).
 */
export function todayValue(model: ModelInput, parameter: SweepParameter): number | null {
  switch (parameter) {
    case 'arrivalRate':
    case 'incidentRate':
      return 1;
    case 'handoffGapHours':
      return model.parameters.handoff.gapHours;
    case 'wipPerTeam':
      return model.structure.wip.perTeam ?? null;
    case 'extraPeople':
      return 0;
    case 'crossTraining':
      return null;
  }
}
