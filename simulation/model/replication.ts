import { Simulation, type EventHandler } from '../kernel/simulation';
import { RandomStreams } from '../random/randomStreams';
import { scheduleAbsences } from './absences';
import type { CompiledModel } from './compile';
import { failure, REPLAYED_FIELDS, scheduleFailures, scheduleShiftChanges } from './incidents';
import { Metrics } from './metrics';
import { replicationResult } from './replicationResult';
import type { ReplicationResult } from './results';
import type { RunState } from './runState';
import { itemArrives } from './workflow';
import { switchStructure } from './switchStructure';
import type { WeeklySeries } from './weeklySeries';

export interface ReplicationOptions {
  /** Stop after this many events (a runaway model ends with `stoppedEarly` instead of hanging). */
  maxEvents?: number;
  /**
   * Recorded incidents to replay (service index, failure time, detection
   * delay or null for the service's random one), instead of random failures.
   * Each one's own time to restore, detect, wait and repair come back in
   * `ReplicationResult.replayed`.
   */
  replayIncidents?: readonly { service: number; at: number; detectDelay: number | null; pageDelay?: number; effort?: number }[];
  /** Records lead time and time to restore per calendar week into this (a new one for each replication). */
  weekly?: WeeklySeries;
  /**
   * Switches to another structure of the same people, services and skills
   * at time `at` (a reorganisation taking effect; see switchStructure.ts).
   * Everything before `at` is exactly the run without the switch.
   */
  switchTo?: { at: number; model: CompiledModel };
  /**
   * For the benchmark: milliseconds spent setting the replication up
   * (`setup`: resetting the state, scheduling the first events), running
   * events (`events`) and closing the books into the result (`result`) are
   * added to these, as measured by `clock` (milliseconds), which the
   * benchmark supplies: the model itself never reads a clock.
   */
  timing?: { clock: () => number; setup: number; events: number; result: number };
}

/** The seed of replication `index` of a run: the same for every variant, so they are compared on the same luck. */
export function replicationSeed(runSeed: number, index: number): number {
  return new RandomStreams(runSeed).fresh(`replication:${index}`).nextUint32();
}

/** The seeds of replications 0 .. count-1 (as {@link replicationSeed}, without remaking the streams for each). */
export function replicationSeeds(runSeed: number, count: number): number[] {
  const streams = new RandomStreams(runSeed);
  return Array.from({ length: count }, (_, i) => streams.fresh(`replication:${i}`).nextUint32());
}

/**
 * The state of the replication last run of each model, reset and reused by
 * the next one (replications of a model run one after another in a thread),
 * so a run does not allocate its arrays and statistics again for every
 * replication.
 */
const reusable = new WeakMap<CompiledModel, RunState>();

/**
 * Runs one replication of the model from time 0 to the horizon and returns
 * what it measured. Deterministic: the same model and seed give the same
 * result on any machine, whatever ran before it.
 */
export function runReplication(model: CompiledModel, index: number, seed: number, options: ReplicationOptions = {}): ReplicationResult {
  const timing = options.timing;
  const start = timing ? timing.clock() : 0;
  const { run } = model.input;
  const horizon = run.horizonHours;
  const warmup = Math.min(run.warmupHours, horizon);
  // A switching run ends in another model's structure (its queues sized for its teams): it gets a state of its own.
  const s = options.switchTo ? createState(model, seed, horizon, warmup) : reusableState(model, seed);
  setUp(s, options);

  const t0 = timing ? timing.clock() : 0;
  const outcome = s.sim.run({ until: horizon, maxEvents: options.maxEvents });
  const t1 = timing ? timing.clock() : 0;
  const result = replicationResult(s, index, seed, outcome.eventsProcessed, outcome.reason === 'event-cap');
  if (timing) {
    timing.setup += t0 - start;
    timing.events += t1 - t0;
    timing.result += timing.clock() - t1;
  }
  s.weekly = null;
  return result;
}

/**
 * The state this thread keeps for `model`, made as new for `seed` (or a new
 * one); with `reset` false, as the last run left it (for a caller that
 * overwrites it all, see fork.ts).
 */
export function reusableState(model: CompiledModel, seed: number, reset = true): RunState {
  const { run } = model.input;
  const horizon = run.horizonHours;
  const warmup = Math.min(run.warmupHours, horizon);
  let s = reusable.get(model);
  if (s && s.horizon === horizon && s.warmup === warmup) {
    if (reset) resetState(s, seed);
  }
  else {
    s = createState(model, seed, horizon, warmup);
    reusable.set(model, s);
  }
  return s;
}

/** Schedules a new state's first events: arrivals, failures (or the replayed ones), absences, shift changes, the end of the warm-up. */
export function setUp(s: RunState, options: Pick<ReplicationOptions, 'replayIncidents' | 'weekly' | 'switchTo'>): void {
  const model = s.model;
  const horizon = s.horizon;
  const warmup = s.warmup;
  model.services.forEach((svc, i) => {
    scheduleArrivals(s, i);
    if (!options.replayIncidents) scheduleFailures(s, i);
  });
  const replay = options.replayIncidents;
  s.replayed = replay ? new Float64Array(replay.length * REPLAYED_FIELDS).fill(NaN) : null;
  replay?.forEach((r, k) => {
    if (r.at < horizon) s.sim.scheduleAt(r.at, () => failure(s, r.service, r.at, r.detectDelay ?? undefined, k, r));
  });
  model.people.forEach((_, p) => scheduleAbsences(s, p));
  scheduleShiftChanges(s);
  if (warmup > 0) s.sim.scheduleAt(warmup, restartAt(s, warmup), -1);
  s.weekly = options.weekly ?? null;
  const switchTo = options.switchTo;
  if (switchTo && switchTo.at < horizon) s.sim.scheduleAt(switchTo.at, () => switchStructure(s, switchTo.model), -2);
}

function scheduleArrivals(s: RunState, service: number): void {
  const svc = s.model.services[service]!;
  if (svc.arrivalTimes) {
    for (const t of svc.arrivalTimes) if (t < s.horizon) s.sim.scheduleAt(t, listedArrival(s, service));
    return;
  }
  if (!(svc.arrivalRate > 0)) return;
  arrivalProcess(s, service).next();
}

/** A service's Poisson arrivals: `next` schedules the next one (from its stream), `arrive` is the event of one. */
export function arrivalProcess(s: RunState, service: number): { next: () => void; arrive: EventHandler } {
  const svc = s.model.services[service]!;
  const rate = svc.arrivalRate;
  const stream = s.streams.stream(svc.streamNames.arrivals);
  const next = () => {
    const gap = -Math.log(1 - stream.next()) / rate;
    if (s.sim.now + gap < s.horizon) s.sim.schedule(gap, arrive);
  };
  const arrive = () => {
    itemArrives(s, service);
    next();
  };
  if (s.recipes) s.recipes.set(arrive, { kind: 'arrive', service });
  return { next, arrive };
}

/** The event of an item arriving at a time the scenario lists. */
export function listedArrival(s: RunState, service: number): EventHandler {
  const handler = () => itemArrives(s, service);
  if (s.recipes) s.recipes.set(handler, { kind: 'arriveAt', service });
  return handler;
}

/** The event at the end of the warm-up: time-weighted figures start from here. */
export function restartAt(s: RunState, at: number): EventHandler {
  const handler = () => s.metrics.restart(at);
  if (s.recipes) s.recipes.set(handler, { kind: 'restart', at });
  return handler;
}

export function createState(model: CompiledModel, seed: number, horizon: number, warmup: number): RunState {
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
    awaitedHours: new Float64Array(nPeople),
    awaitedCount: new Int32Array(nPeople),
    stuck: 0,
    wake: [],
    absentSince: new Float64Array(nPeople),
    learnedByWork: new Float64Array(nServices),
    learnedByPairing: new Float64Array(nServices),
    metrics: new Metrics(model, warmup, horizon),
    replayed: null,
    weekly: null,
    workStreams: new Array(nServices).fill(undefined),
    detectStreams: new Array(nServices).fill(undefined),
    repairStreams: new Array(nServices).fill(undefined),
    hireStreams: new Array(nPeople).fill(undefined),
    onTaskDone: new Array(nPeople).fill(undefined),
    onIncidentDone: new Array(nPeople).fill(undefined),
    onAbsenceEnd: new Array(nPeople).fill(undefined),
    itemPool: [],
    taskPool: [],
    solo: Array.from({ length: nPeople }, (_, p) => [p]),
    recipes: null,
    absenceMarks: null,
  };
}

/** Makes a used state as {@link createState} would build it for `seed`. */
export function resetState(s: RunState, seed: number): void {
  const { model, nSkills, nServices } = s;
  s.sim.reset();
  s.streams = new RandomStreams(seed);
  s.seq = 0;
  s.present.fill(1);
  s.vacant.fill(0);
  s.absentCount.fill(0);
  s.busy.fill(0);
  s.task.fill(null);
  s.incident.fill(null);
  s.paused.fill(null);
  s.partner.fill(-1);
  s.pairedWith.fill(-1);
  s.segmentStart.fill(0);
  s.segmentSpeed.fill(0);
  s.done.fill(null);
  s.freeSince.fill(0);
  model.people.forEach((p, i) => {
    s.skill.set(p.skills, i * nSkills);
    s.knowledge.set(p.knowledge, i * nServices);
  });
  s.rampStart.fill(0);
  s.rampEnd.fill(0);
  for (const q of s.personalQueue) q.length = 0;
  for (const q of s.teamQueue) q.length = 0;
  for (const q of s.admission) q.length = 0;
  s.teamWip.fill(0);
  s.incidentQueue.length = 0;
  s.awaitedHours.fill(0);
  s.awaitedCount.fill(0);
  s.stuck = 0;
  s.wake.length = 0;
  s.absentSince.fill(0);
  s.learnedByWork.fill(0);
  s.learnedByPairing.fill(0);
  s.metrics.reset(s.warmup, s.horizon);
  s.workStreams.fill(undefined);
  s.detectStreams.fill(undefined);
  s.repairStreams.fill(undefined);
  s.hireStreams.fill(undefined);
}
