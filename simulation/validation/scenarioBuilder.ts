/**
 * Builds small, complete scenarios in code for the model tests. Everything
 * that is not asked for is switched off, so a test starts from a pure queue:
 * no random absences, vacations or departures, no incidents, handoffs that
 * cost nothing and never send work back, and no learning. Each test turns on
 * only the mechanism it is about.
 *
 * The result goes through `scenarioSchema.parse`, so it is exactly what the
 * engine accepts from a file (defaults filled in, ranges checked).
 */
import type { Distribution } from '../random/distribution';
import { CURRENT_FORMAT_VERSION, scenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema';
import { compileModel, type CompiledModel } from '../model/compile';
import { resolveVariant } from '../model/modelInput';

type StructureInput = NonNullable<ScenarioInput['structure']>;
type ParametersInput = NonNullable<ScenarioInput['parameters']>;
type AbsencePolicyInput = ScenarioInput['absencePolicy'];

export interface PersonSpec {
  id: string;
  team?: string | null;
  /** skill id -> level 0..1. */
  skills?: Record<string, number>;
  absences?: { start: number; end: number }[];
  departureAt?: number | null;
  /** Share of a full working week worked (default 1). */
  availability?: number;
}

export interface StageSpec {
  skill: string;
  hours: Distribution;
}

export interface ServiceSpec {
  id: string;
  team?: string | null;
  owners?: string[];
  /** person id -> knowledge 0..1. */
  knowledge?: Record<string, number>;
  /** Default: detected at once. */
  detection?: Distribution;
  /** Failures per hour (default 0: no incidents). */
  incidentRate?: number;
  /** Default: constant 1 h. */
  repairHours?: Distribution;
  /** A Poisson rate per hour, or a list of arrival times (default: no work). */
  arrivals?: number | readonly number[];
  stages?: StageSpec[];
  review?: Distribution | null;
}

export interface ScenarioSpec {
  skills: string[];
  teams?: string[];
  people: PersonSpec[];
  services: ServiceSpec[];
  structure?: Partial<StructureInput>;
  handoff?: Partial<NonNullable<ParametersInput['handoff']>>;
  learning?: Partial<NonNullable<ParametersInput['learning']>>;
  efficiencyAtZero?: number;
  pairingDurationFactor?: number;
  absencePolicy?: Partial<AbsencePolicyInput>;
  horizonHours: number;
  warmupHours?: number;
  replications?: number;
  seed?: number;
}

export const constant = (value: number): Distribution => ({ kind: 'constant', value });
export const exponential = (mean: number): Distribution => ({ kind: 'exponential', mean });

/** No random absences or departures; a departure's replacement comes after 480 h at full level. */
export const NO_ABSENCES: AbsencePolicyInput = {
  vacation: { perYear: 0, hours: constant(40) },
  sickness: { perYear: 0, hours: constant(8) },
  departures: { perYear: 0, hireDelayHours: constant(480), rampUpHours: 0, startFraction: 1 },
};

/** Handoffs that cost nothing and never cause rework. */
export const FREE_HANDOFFS = { baseHours: 0, gapHours: 0, reworkBase: 0, reworkAtFullGap: 0, reworkEffort: 0.5 };

/** A complete, validated scenario from a compact description. */
export function buildScenario(spec: ScenarioSpec): Scenario {
  const input: ScenarioInput = {
    formatVersion: CURRENT_FORMAT_VERSION,
    name: 'model test',
    calendar: { startDate: '2026-01-05', hoursPerDay: 8, daysPerWeek: 5, weeksPerYear: 50 },
    skills: spec.skills.map((id) => ({ id, name: id })),
    teams: (spec.teams ?? []).map((id) => ({ id, name: id, type: 'stream-aligned' as const })),
    people: spec.people.map((p) => ({
      id: p.id,
      name: p.id,
      team: p.team ?? null,
      skills: p.skills ?? {},
      absences: (p.absences ?? []).map((a) => ({ ...a, reason: 'leave' as const })),
      departureAt: p.departureAt ?? null,
      availability: p.availability ?? 1,
    })),
    services: spec.services.map((svc) => ({
      id: svc.id,
      name: svc.id,
      team: svc.team ?? null,
      owners: svc.owners ?? [],
      knowledge: svc.knowledge ?? {},
      detection: svc.detection ?? constant(0),
      incidents: { ratePerHour: svc.incidentRate ?? 0, repairHours: svc.repairHours ?? constant(1) },
      work: {
        arrivals: typeof svc.arrivals === 'number' ? { kind: 'poisson', ratePerHour: svc.arrivals } : { kind: 'list', times: [...(svc.arrivals ?? [])] },
        stages: svc.stages ?? [],
        review: svc.review ? { hours: svc.review } : null,
      },
    })),
    absencePolicy: { ...NO_ABSENCES, ...spec.absencePolicy },
    structure: { mode: 'walled', ...spec.structure },
    parameters: {
      efficiencyAtZero: spec.efficiencyAtZero ?? 0.25,
      handoff: { ...FREE_HANDOFFS, ...spec.handoff },
      learning: { knowledgePerHour: 0, skillPerPairedHour: 0, ...spec.learning },
      pairingDurationFactor: spec.pairingDurationFactor ?? 1.15,
    },
    run: { horizonHours: spec.horizonHours, warmupHours: spec.warmupHours ?? 0, replications: spec.replications ?? 1, seed: spec.seed ?? 1 },
  };
  return scenarioSchema.parse(input);
}

/** The compiled base model of a scenario. */
export function compile(scenario: Scenario): CompiledModel {
  return compileModel(resolveVariant(scenario, null));
}
