import { compileModel, type CompiledModel } from '../model/compile';
import { REPLAYED_FIELDS } from '../model/incidents';
import { replicationSeed, runReplication } from '../model/replication';
import { resolveVariantSpec, type VariantSpec } from '../run/variantSpec';
import type { IncidentLog, Scenario } from '../scenario/schema';

/**
 * How a replayed incident is detected: 'model' draws the delay from the
 * service's detection setting (its monitoring) in each replication, as for a
 * random failure; 'logged' takes the log's start as the moment it was
 * noticed (no detection delay), which is what an alerting tool's incident
 * start usually is.
 */
export type DetectionMode = 'model' | 'logged';

/**
 * Which absences a replay simulates: 'planned' only the dated absences and
 * departures in the scenario (what happened, for a retrospective: people
 * were away when they were away), or 'random' those plus random vacation,
 * sickness and departures drawn from the absence policy (what could have
 * happened, as in a normal run).
 */
export type AbsenceMode = 'planned' | 'random';

/** Working hours a replay runs past the last incident, so that slow restores still finish inside it. */
export const REPLAY_TAIL_HOURS = 1000;

/** What every replication of a replay runs: the recorded failures (service id, time, detection delay) and the horizon. */
export interface ReplayPlan {
  incidents: { service: string; at: number; detectDelay: number | null }[];
  horizon: number;
  absences: AbsenceMode;
}

/**
 * The log's incidents as fixed failures, in log order (results are keyed by
 * that order). The run lasts the scenario's horizon, or to
 * {@link REPLAY_TAIL_HOURS} past the last incident if that is later.
 */
export function replayPlan(scenario: Scenario, log: IncidentLog, detection: DetectionMode, absences: AbsenceMode = 'planned'): ReplayPlan {
  let last = 0;
  for (const inc of log.incidents) last = Math.max(last, inc.resolved, inc.start);
  return {
    incidents: log.incidents.map((inc) => ({ service: inc.service, at: inc.start, detectDelay: detection === 'logged' ? 0 : null })),
    horizon: Math.max(scenario.run.horizonHours, Math.ceil(last + REPLAY_TAIL_HOURS)),
    absences,
  };
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
 * The variant's model, run over the replay's horizon with no warm-up (every
 * replayed incident counts), without random absences when the plan keeps to
 * the planned ones.
 */
export function compileReplayModel(scenario: Scenario, variant: VariantSpec, plan: Pick<ReplayPlan, 'horizon' | 'absences'>): CompiledModel {
  const model = resolveVariantSpec(scenario, variant).model;
  const policy = model.absencePolicy;
  const absencePolicy =
    plan.absences === 'planned'
      ? { vacation: { ...policy.vacation, perYear: 0 }, sickness: { ...policy.sickness, perYear: 0 }, departures: { ...policy.departures, perYear: 0 } }
      : policy;
  return compileModel({ ...model, absencePolicy, run: { ...model.run, horizonHours: plan.horizon, warmupHours: 0 } });
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
  const keep: number[] = [];
  const replayIncidents: { service: number; at: number; detectDelay: number | null }[] = [];
  request.plan.incidents.forEach((inc, k) => {
    const service = index.get(inc.service);
    if (service === undefined) return;
    keep.push(k);
    replayIncidents.push({ service, at: inc.at, detectDelay: inc.detectDelay });
  });
  const n = request.plan.incidents.length;
  const out = new Float64Array((request.to - request.from) * n * REPLAYED_FIELDS).fill(NaN);
  for (let i = request.from; i < request.to; i++) {
    const r = runReplication(model, i, replicationSeed(request.seed, i), { replayIncidents, maxEvents: request.maxEvents });
    const base = (i - request.from) * n * REPLAYED_FIELDS;
    keep.forEach((k, j) => out.set(r.replayed!.subarray(j * REPLAYED_FIELDS, (j + 1) * REPLAYED_FIELDS), base + k * REPLAYED_FIELDS));
  }
  return out;
}
