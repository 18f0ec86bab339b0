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

/** Working hours a replay runs past the last incident, so that slow restores still finish inside it. */
export const REPLAY_TAIL_HOURS = 1000;

/** What every replication of a replay runs: the recorded failures (service id, time, detection delay) and the horizon. */
export interface ReplayPlan {
  incidents: { service: string; at: number; detectDelay: number | null }[];
  horizon: number;
}

/**
 * The log's incidents as fixed failures, in log order (results are keyed by
 * that order). The run lasts the scenario's horizon, or to
 * {@link REPLAY_TAIL_HOURS} past the last incident if that is later.
 */
export function replayPlan(scenario: Scenario, log: IncidentLog, detection: DetectionMode): ReplayPlan {
  let last = 0;
  for (const inc of log.incidents) last = Math.max(last, inc.resolved, inc.start);
  return {
    incidents: log.incidents.map((inc) => ({ service: inc.service, at: inc.start, detectDelay: detection === 'logged' ? 0 : null })),
    horizon: Math.max(scenario.run.horizonHours, Math.ceil(last + REPLAY_TAIL_HOURS)),
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

/** The variant's model, run over the replay's horizon with no warm-up (every replayed incident counts). */
export function compileReplayModel(scenario: Scenario, variant: VariantSpec, horizon: number): CompiledModel {
  const model = resolveVariantSpec(scenario, variant).model;
  return compileModel({ ...model, run: { ...model.run, horizonHours: horizon, warmupHours: 0 } });
}

/**
 * Runs replications [from, to) of a replay. Returns, replication after
 * replication, each incident's time to restore, detect, wait and repair
 * (REPLAYED_FIELDS numbers, NaN where it was not restored by the horizon or
 * its service is not in this variant's model). Replication i uses the same
 * seed as replication i of a normal run, for every variant.
 */
export function runReplayChunk(request: ReplayChunkRequest, compiled?: CompiledModel): Float64Array {
  const model = compiled ?? compileReplayModel(request.scenario, request.variant, request.plan.horizon);
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
