import { Simulation } from '../kernel/simulation';
import { RandomStreams } from '../random/randomStreams';
import { scheduleAbsences } from './absences';
import type { CompiledModel } from './compile';
import { failure, scheduleFailures } from './incidents';
import { Metrics } from './metrics';
import { replicationResult } from './replicationResult';
import type { ReplicationResult } from './results';
import type { RunState } from './runState';
import { itemArrives } from './workflow';

export interface ReplicationOptions {
  /** Stop after this many events (a runaway model ends with `stoppedEarly` instead of hanging). */
  maxEvents?: number;
  /** Recorded incidents to replay (service index, failure time, detection delay), instead of random failures. */
  replayIncidents?: readonly { service: number; at: number; detectDelay: number | null }[];
}

/** The seed of replication `index` of a run: the same for every variant, so they are compared on the same luck. */
export function replicationSeed(runSeed: number, index: number): number {
  return new RandomStreams(runSeed).fresh(`replication:${index}`).nextUint32();
}

/**
 * Runs one replication of the model from time 0 to the horizon and returns
 * what it measured. Deterministic: the same model and seed give the same
 * result on any machine.
 */
export function runReplication(model: CompiledModel, index: number, seed: number, options: ReplicationOptions = {}): ReplicationResult {
  const { run } = model.input;
  const horizon = run.horizonHours;
  const warmup = Math.min(run.warmupHours, horizon);
  const s = createState(model, seed, horizon, warmup);

  model.services.forEach((svc, i) => {
    scheduleArrivals(s, i);
    if (!options.replayIncidents) scheduleFailures(s, i);
  });
  for (const r of options.replayIncidents ?? []) {
    if (r.at < horizon) s.sim.scheduleAt(r.at, () => failure(s, r.service, r.at, r.detectDelay ?? undefined));
  }
  model.people.forEach((_, p) => scheduleAbsences(s, p));
  if (warmup > 0) s.sim.scheduleAt(warmup, () => s.metrics.restart(warmup), -1);

  const outcome = s.sim.run({ until: horizon, maxEvents: options.maxEvents });
  return replicationResult(s, index, seed, outcome.eventsProcessed, outcome.reason === 'event-cap');
}

function scheduleArrivals(s: RunState, service: number): void {
  const svc = s.model.services[service]!;
  if (svc.arrivalTimes) {
    for (const t of svc.arrivalTimes) if (t < s.horizon) s.sim.scheduleAt(t, () => itemArrives(s, service));
    return;
  }
  const rate = svc.arrivalRate;
  if (!(rate > 0)) return;
  const stream = s.streams.stream(`arrivals:${svc.id}`);
  const next = () => {
    const gap = -Math.log(1 - stream.next()) / rate;
    if (s.sim.now + gap < s.horizon) s.sim.schedule(gap, arrive);
  };
  const arrive = () => {
    itemArrives(s, service);
    next();
  };
  next();
}

function createState(model: CompiledModel, seed: number, horizon: number, warmup: number): RunState {
  const nPeople = model.people.length;
  const nSkills = model.skills.length;
  const nServices = model.services.length;
  const skill = new Float64Array(nPeople * nSkills);
  const knowledge = new Float64Array(nPeople * nServices);
  model.people.forEach((p, i) => {
    skill.set(p.skills, i * nSkills);
    knowledge.set(p.knowledge, i * nServices);
  });
  const nQueues = model.teams.length + 1;
  return {
    model,
    sim: new Simulation(),
    streams: new RandomStreams(seed),
    horizon,
    warmup,
    nSkills,
    nServices,
    seq: 0,
    present: new Uint8Array(nPeople).fill(1),
    vacant: new Uint8Array(nPeople),
    absentCount: new Int32Array(nPeople),
    busy: new Uint8Array(nPeople),
    task: new Array(nPeople).fill(null),
    incident: new Array(nPeople).fill(null),
    paused: new Array(nPeople).fill(null),
    partner: new Int32Array(nPeople).fill(-1),
    pairedWith: new Int32Array(nPeople).fill(-1),
    segmentStart: new Float64Array(nPeople),
    segmentSpeed: new Float64Array(nPeople),
    done: new Array(nPeople).fill(null),
    freeSince: new Float64Array(nPeople),
    skill,
    knowledge,
    rampStart: new Float64Array(nPeople),
    rampEnd: new Float64Array(nPeople),
    personalQueue: Array.from({ length: nPeople }, () => []),
    teamQueue: Array.from({ length: nQueues }, () => []),
    admission: Array.from({ length: nQueues }, () => []),
    teamWip: new Int32Array(nQueues),
    incidentQueue: [],
    stuck: 0,
    wake: [],
    absentSince: new Float64Array(nPeople),
    metrics: new Metrics(model, warmup, horizon),
  };
}
