import { compileModel, type CompiledModel } from '../model/compile';
import { REPLAYED_FIELDS } from '../model/incidents';
import { efficiency01, resolverOf, selfResolved } from './knowledge';
import { replicationSeed, runReplication } from '../model/replication';
import { resolveVariantSpec, type VariantSpec } from '../run/variantSpec';
import type { IncidentLog, Scenario } from '../scenario/schema';
import { onDutyHours, OVERTIME_HOURS } from './onDuty';
import { HOUR_MS, incidentTimes, isWorkingTime, replayClock } from './replayClock';
import { offDutyByPerson, onCallByHour, onCallRotation, toReplayClock } from './replayModel';

/**
 * How a replayed incident is detected and repaired:
 * - 'model': the detection delay and the repair effort are drawn from the
 *   service's settings (its monitoring, its repair time) in each replication;
 * - 'logged': noticed when the log says it started (no detection delay),
 *   repair drawn from the service's setting;
 * - 'recorded': each incident's own recorded times, acknowledged - start as
 *   its detection and resolved - acknowledged as its repair, for the person
 *   who resolved it (someone who knows the service less takes longer).
 */
export type DetectionMode = 'model' | 'logged' | 'recorded';

/**
 * Which absences a replay simulates: 'planned' only the dated absences and
 * departures in the scenario (what happened, for a retrospective: people
 * were away when they were away), or 'random' those plus random vacation,
 * sickness and departures drawn from the absence policy (what could have
 * happened, as in a normal run).
 */
export type AbsenceMode = 'planned' | 'random';

/** Real hours a replay runs past the last incident (25 weeks), so that slow restores still finish inside it. */
export const REPLAY_TAIL_HOURS = 25 * 168;

/** Default delay between a page out of working hours and the on-call responder at work, hours. */
export const DEFAULT_PAGE_HOURS = 0.25;

/** One recorded incident as every replication of a replay runs it. Times in real hours on the replay clock. */
export interface PlannedIncident {
  service: string;
  at: number;
  /** Fixed detection delay, or null to draw it from the service's setting. */
  detectDelay: number | null;
  /** It started outside working hours: an on-call responder is paged (see `pageHours`). */
  outOfHours: boolean;
  /** 'recorded' mode: the recorded repair time and who did it. */
  recordedRepair: number | null;
  resolvedBy: string | null;
  /**
   * It resolved itself (see selfResolved in knowledge.ts): its recorded time to
   * restore in hours, replayed as it was under every structure, with no
   * responder; null for any other incident.
   */
  selfResolvedHours?: number | null;
}

/** What every replication of a replay runs: the recorded failures, the clock and the horizon. */
export interface ReplayPlan {
  incidents: PlannedIncident[];
  horizon: number;
  absences: AbsenceMode;
  clock: { origin: number; timeZone: string };
  /** Hours from a page out of working hours to the on-call responder being at work. */
  pageHours: number;
}

/**
 * The log's incidents as fixed failures at their real times, in log order
 * (results are keyed by that order), on the replay clock. The run lasts to
 * {@link REPLAY_TAIL_HOURS} past the last incident.
 */
export function replayPlan(scenario: Scenario, log: IncidentLog, detection: DetectionMode, absences: AbsenceMode = 'planned', pageHours = DEFAULT_PAGE_HOURS): ReplayPlan {
  const clock = replayClock(log);
  const flap = selfResolved(log);
  let last = 0;
  const incidents = log.incidents.map((inc): PlannedIncident => {
    const t = incidentTimes(inc);
    last = Math.max(last, clock.toHours(t.resolved), clock.toHours(t.start));
    const ack = t.acknowledged ?? t.start;
    return {
      service: inc.service,
      at: clock.toHours(t.start),
      detectDelay: detection === 'logged' ? 0 : detection === 'recorded' ? (ack - t.start) / HOUR_MS : null,
      outOfHours: !isWorkingTime(t.start, scenario.calendar, log.timeZone),
      recordedRepair: detection === 'recorded' ? onDutyHours(ack, t.resolved, scenario.calendar, log.timeZone) : null,
      resolvedBy: resolverOf(inc),
      selfResolvedHours: flap(inc) ? (t.resolved - t.start) / HOUR_MS : null,
    };
  });
  return { incidents, horizon: Math.ceil(last + REPLAY_TAIL_HOURS), absences, clock: { origin: clock.origin, timeZone: log.timeZone }, pageHours };
}

/** One chunk of a replay for a worker: replications [from, to) of one variant. */
export interface ReplayChunkRequest {
  scenario: Scenario;
  variant: VariantSpec;
  plan: ReplayPlan;
  seed: number;
  from: number;
  to: number;
  maxEvents?: number;
}

/**
 * The variant's model on the replay clock (see replayModel.ts), without
 * random absences when the plan keeps to the planned ones.
 */
export function compileReplayModel(scenario: Scenario, variant: VariantSpec, plan: Pick<ReplayPlan, 'horizon' | 'absences' | 'clock'>): CompiledModel {
  const model = resolveVariantSpec(scenario, variant).model;
  const policy = model.absencePolicy;
  const absencePolicy =
    plan.absences === 'planned'
      ? { vacation: { ...policy.vacation, perYear: 0 }, sickness: { ...policy.sickness, perYear: 0 }, departures: { ...policy.departures, perYear: 0 } }
      : policy;
  const { origin, timeZone } = plan.clock;
  const clock = { origin, timeZone, toHours: (t: number) => (t - origin) / HOUR_MS, toInstant: (h: number) => origin + h * HOUR_MS };
  const input = { ...model, absencePolicy };
  const onClock = compileModel(toReplayClock(input, clock, plan.horizon));
  const offDuty = offDutyByPerson(input, clock, plan.horizon);
  const compiled = { ...onClock, people: onClock.people.map((p, i) => ({ ...p, offDuty: { spans: offDuty[i]!, graceHours: OVERTIME_HOURS } })) };
  const byHour = onCallByHour(input, clock, plan.horizon, compiled.people);
  if (byHour.length === 0) return compiled;
  // On call out of hours only: the engine's rotation, one entry per real hour, nobody (-1) in working hours.
  const onCall = { enabled: true, rotation: onCallRotation(input), shiftHours: 1 };
  return { ...compiled, input: { ...compiled.input, structure: { ...compiled.input.structure, onCall } }, onCallRotation: byHour };
}

/**
 * Runs replications [from, to) of a replay. Returns, replication after
 * replication, each incident's time to restore, detect, wait and repair
 * (REPLAYED_FIELDS numbers, NaN where it was not restored by the horizon or
 * its service is not in this variant's model). Replication i uses the same
 * seed as replication i of a normal run, for every variant.
 */
export function runReplayChunk(request: ReplayChunkRequest, compiled?: CompiledModel): Float64Array {
  const model = compiled ?? compileReplayModel(request.scenario, request.variant, request.plan);
  const index = new Map(model.services.map((s, i) => [s.id, i]));
  const people = new Map(model.people.map((p, i) => [p.id, i]));
  const paged = model.onCallRotation.length > 0;
  const e0 = model.input.parameters.efficiencyAtZero;
  const keep: number[] = [];
  const selfResolvedAt: [number, number][] = [];
  const replayIncidents: { service: number; at: number; detectDelay: number | null; pageDelay: number; effort?: number }[] = [];
  request.plan.incidents.forEach((inc, k) => {
    const service = index.get(inc.service);
    if (service === undefined) return;
    if (inc.selfResolvedHours != null) {
      selfResolvedAt.push([k, inc.selfResolvedHours]);
      return;
    }
    keep.push(k);
    const pageDelay = paged && inc.outOfHours ? request.plan.pageHours : 0;
    let effort: number | undefined;
    if (inc.recordedRepair !== null) {
      // The recorded repair was the resolver's: as effort for an expert, it is that time at their speed.
      const p = inc.resolvedBy === null ? undefined : people.get(inc.resolvedBy);
      effort = inc.recordedRepair * (p === undefined ? 1 : efficiency01(e0, model.people[p]!.knowledge[service]!));
    }
    replayIncidents.push({ service, at: inc.at, detectDelay: inc.detectDelay, pageDelay, effort });
  });
  const n = request.plan.incidents.length;
  const out = new Float64Array((request.to - request.from) * n * REPLAYED_FIELDS).fill(NaN);
  for (let i = request.from; i < request.to; i++) {
    const r = runReplication(model, i, replicationSeed(request.seed, i), { replayIncidents, maxEvents: request.maxEvents });
    const base = (i - request.from) * n * REPLAYED_FIELDS;
    keep.forEach((k, j) => out.set(r.replayed!.subarray(j * REPLAYED_FIELDS, (j + 1) * REPLAYED_FIELDS), base + k * REPLAYED_FIELDS));
    // Restored as recorded, with nobody's work: time to restore = detection, no wait, no repair.
    for (const [k, h] of selfResolvedAt) out.set([h, h, 0, 0], base + k * REPLAYED_FIELDS);
  }
  return out;
}
