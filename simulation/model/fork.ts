/**
 * Runs that share their beginning. The absence stress test runs one variant
 * per person, each the same model with that person away from the same hour:
 * until then every variant's replication i is exactly the same run. Here the
 * run up to that hour (the prefix) is made once per replication and copied
 * for each variant, which then goes on with its own absences. A variant's
 * result is bit for bit what {@link runReplication} gives it from the start.
 *
 * What may differ between the runs that share a prefix: planned absences that
 * start at or after the fork hour, nothing else. A model's prefix is the model
 * without those absences, and runs whose prefixes are the same share it. The
 * copy is exact: every number and list of the run's state, its random streams
 * where they stand, and its pending events with the same order and handles
 * (each event notes how to make its handler again for a copy: see
 * RunState.recipes). The absences a variant adds are placed among the pending
 * events where a run that had scheduled them from the start would have them.
 */
import type { EventHandler } from '../kernel/simulation';
import type { RandomStream } from '../random/randomStream';
import type { Xoshiro128StarStar } from '../random/xoshiro128';
import { absenceEndHandler, departure, hiring, offDuty, plannedAbsence, randomAbsenceProcess } from './absences';
import { compileModel, type CompiledModel } from './compile';
import { detection, failureProcess, incidentDoneHandler, shiftChange } from './incidents';
import type { Metrics } from './metrics';
import { arrivalProcess, createState, listedArrival, resetState, restartAt, reusableState, runReplication, setUp } from './replication';
import { replicationResult } from './replicationResult';
import type { ReplicationResult } from './results';
import type { EventRecipe, Incident, Item, RunState, Task } from './runState';
import { taskDoneHandler } from './workflow';

/** A planned absence a model has beyond its prefix, and where it goes among the prefix's events. */
interface Extra {
  readonly p: number;
  readonly start: number;
  readonly end: number;
  /** How many of the person's planned absences in the prefix come before it. */
  readonly before: number;
  /** Its place among the extras at the same `before`, as a fraction in (0, 1). */
  readonly part: number;
}

/** A model as a prefix shared with others plus its own absences from the fork hour. */
interface Shape {
  /** The prefix as text (long: the whole model), and a short number for it in this keeper. */
  readonly key: string;
  id: number;
  readonly prefixInput: CompiledModel['input'];
  readonly extras: readonly Extra[];
}

/** The prefix run of one replication, at the fork hour. */
interface Snapshot {
  readonly key: string;
  readonly index: number;
  /** Not kept (the keeper was full): let go once copied. */
  readonly once: boolean;
  readonly state: RunState;
  /** Events the prefix processed. */
  readonly events: number;
}

/**
 * Runs replications of models that share prefixes, keeping the prefix runs
 * of the replications in hand (see {@link keepRange}), as many as fit in
 * `budgetBytes` (at most 64): a larger organisation keeps fewer, and the
 * replications past those run their prefix for themselves. One per thread.
 */
export class PrefixForks {
  private readonly shapes = new WeakMap<CompiledModel, Map<number, Shape>>();
  private readonly ids = new Map<string, number>();
  private readonly prefixModels = new Map<string, CompiledModel>();
  private readonly snapshots = new Map<string, Snapshot>();
  /** States of snapshots let go, by prefix key, for the next ones. */
  private readonly spare = new Map<string, RunState[]>();

  /** Replications run from a prefix, and from the start (a fork hour outside the run, or the event cap within the prefix). */
  readonly counts = { forked: 0, fromStart: 0 };

  constructor(private readonly budgetBytes = 48e6) {}

  /**
   * The replications about to run are [from, to): prefix runs kept for
   * others are let go. Call it before each chunk, so that a chunk longer than
   * what is kept does not push out, one by one, what the next chunk needs.
   */
  keepRange(from: number, to: number): void {
    for (const [id, snapshot] of this.snapshots) {
      if (snapshot.index >= from && snapshot.index < to) continue;
      this.snapshots.delete(id);
      this.release(snapshot.key, snapshot.state);
    }
  }

  /**
   * Replication `index` of `model` (seed `seed`), as runReplication gives it,
   * its first `forkAt` hours shared with the other models of the same prefix.
   * A fork hour outside the run (or a prefix the event cap stopped) runs the
   * replication from the start.
   */
  run(model: CompiledModel, index: number, seed: number, forkAt: number, maxEvents?: number): ReplicationResult {
    const horizon = model.input.run.horizonHours;
    if (!(forkAt > 0 && forkAt < horizon)) return this.fromStart(model, index, seed, maxEvents);
    const shape = this.shapeOf(model, forkAt);
    const snapshot = this.snapshotOf(shape, index, seed, forkAt, maxEvents);
    const left = maxEvents === undefined ? undefined : maxEvents - (snapshot?.events ?? 0);
    if (!snapshot || (left !== undefined && left < 1)) return this.fromStart(model, index, seed, maxEvents);
    this.counts.forked++;

    const s = reusableState(model, seed, false);
    copyState(s, snapshot.state);
    const marks = snapshot.state.absenceMarks!;
    for (const e of shape.extras) {
      if (e.start >= horizon) continue;
      s.sim.scheduleAtOrder(e.start, plannedAbsence(s, e.p, Math.min(e.end, horizon)), 0, marks[e.p]![e.before]!, e.part);
    }
    if (snapshot.once) this.release(snapshot.key, snapshot.state);
    const outcome = s.sim.run({ until: horizon, maxEvents: left });
    return replicationResult(s, index, seed, snapshot.events + outcome.eventsProcessed, outcome.reason === 'event-cap');
  }

  private fromStart(model: CompiledModel, index: number, seed: number, maxEvents: number | undefined): ReplicationResult {
    this.counts.fromStart++;
    return runReplication(model, index, seed, { maxEvents });
  }

  private shapeOf(model: CompiledModel, forkAt: number): Shape {
    let byHour = this.shapes.get(model);
    if (!byHour) this.shapes.set(model, (byHour = new Map()));
    let shape = byHour.get(forkAt);
    if (!shape) {
      byHour.set(forkAt, (shape = forkShape(model, forkAt)));
      let id = this.ids.get(shape.key);
      if (id === undefined) this.ids.set(shape.key, (id = this.ids.size));
      shape.id = id;
    }
    return shape;
  }

  private snapshotOf(shape: Shape, index: number, seed: number, forkAt: number, maxEvents: number | undefined): Snapshot | null {
    const id = `${index}#${seed}#${maxEvents ?? ''}#${shape.id}`;
    const kept = this.snapshots.get(id);
    if (kept) return kept;
    let prefix = this.prefixModels.get(shape.key);
    if (!prefix) this.prefixModels.set(shape.key, (prefix = compileModel(shape.prefixInput)));
    const s = this.stateFor(shape.key, prefix, seed);
    s.absenceMarks = prefix.people.map(() => []);
    setUp(s, {});
    const outcome = s.sim.run({ until: forkAt, maxEvents });
    if (outcome.reason === 'event-cap') {
      this.release(shape.key, s);
      return null;
    }
    const once = this.snapshots.size >= Math.max(1, Math.min(64, Math.floor(this.budgetBytes / stateBytes(prefix))));
    const snapshot = { key: shape.key, index, once, state: s, events: outcome.eventsProcessed };
    if (!once) this.snapshots.set(id, snapshot);
    return snapshot;
  }

  /** A state for a prefix run: one let go, made as new, or a new one; it notes its events' recipes. */
  private stateFor(key: string, prefix: CompiledModel, seed: number): RunState {
    const s = this.spare.get(key)?.pop();
    const { run } = prefix.input;
    const state = s ?? createState(prefix, seed, run.horizonHours, Math.min(run.warmupHours, run.horizonHours));
    if (s) resetState(state, seed);
    const recipes = (state.recipes ??= new Map());
    recipes.clear();
    // Handlers made once per person outlive a replication: their recipes are noted again.
    state.onTaskDone.forEach((h, p) => h && recipes.set(h, { kind: 'taskDone', p }));
    state.onIncidentDone.forEach((h, p) => h && recipes.set(h, { kind: 'incidentDone', p }));
    state.onAbsenceEnd.forEach((h, p) => h && recipes.set(h, { kind: 'absenceEnd', p }));
    return state;
  }

  private release(key: string, s: RunState): void {
    let list = this.spare.get(key);
    if (!list) this.spare.set(key, (list = []));
    if (list.length < 4) list.push(s);
  }
}

/** About how many bytes a run's state of `model` holds (its histograms per service and series per person, mostly). */
function stateBytes(model: CompiledModel): number {
  return 9_600 * (model.services.length + 3) + 1_300 * model.people.length + 1_000 * model.skills.length + 64_000;
}

/** `model` as a prefix (the model without its planned absences from `forkAt` on) and those absences. */
function forkShape(model: CompiledModel, forkAt: number): Shape {
  const input = model.input;
  const people = input.people.map((p) => ({ ...p, absences: p.absences.filter((a) => !(a.start >= forkAt)) }));
  const prefixInput = { ...input, people };
  // The name is not part of what runs (a variant's name differs from the base's).
  const { name: _name, ...runs } = prefixInput;
  const extras: Extra[] = [];
  model.people.forEach((person, p) => {
    let before = 0;
    const here: { start: number; end: number; before: number }[] = [];
    for (const [start, end] of person.plannedAbsences) {
      if (start >= forkAt) here.push({ start, end, before });
      else before++;
    }
    for (const e of here) {
      const same = here.filter((x) => x.before === e.before);
      extras.push({ p, ...e, part: (same.indexOf(e) + 1) / (same.length + 1) });
    }
  });
  return { key: `${forkAt}|${JSON.stringify(runs)}`, id: -1, prefixInput, extras };
}

/** Makes `dst` (a state of a model whose prefix is `src`'s model) an exact copy of `src`, at `src`'s time. */
export function copyState(dst: RunState, src: RunState): void {
  if (dst.horizon !== src.horizon || dst.warmup !== src.warmup || dst.nSkills !== src.nSkills || dst.nServices !== src.nServices || dst.present.length !== src.present.length) {
    throw new Error('a run can only be copied into a state of the same shape');
  }
  const items = new Map<Item, Item>();
  const tasks = new Map<Task, Task>();
  const incidents = new Map<Incident, Incident>();
  const generators = new Map<Xoshiro128StarStar, Xoshiro128StarStar>();
  const item = (x: Item): Item => {
    let c = items.get(x);
    if (!c) {
      c = copyItem(dst, x);
      items.set(x, c);
    }
    return c;
  };
  const task = (t: Task): Task => {
    let c = tasks.get(t);
    if (!c) {
      c = copyTask(dst, src, t, item(t.item));
      tasks.set(t, c);
    }
    return c;
  };
  const incident = (x: Incident): Incident => {
    let c = incidents.get(x);
    if (!c) {
      c = copyIncident(x);
      incidents.set(x, c);
    }
    return c;
  };
  // Lists are refilled in place, and objects made with the same fields in the same order as the model makes them,
  // so that the code running the copy sees the shapes it was compiled for.
  const refill = <T, U>(to: U[], from: readonly T[], f: (x: T) => U) => {
    to.length = 0;
    for (let i = 0; i < from.length; i++) to.push(f(from[i]!));
  };
  const same = <T>(x: T) => x;
  const orNull = <T>(f: (x: T) => T) => (x: T | null) => (x ? f(x) : null);

  dst.seq = src.seq;
  dst.stuck = src.stuck;
  for (const k of TYPED_FIELDS) (dst[k] as { set(a: ArrayLike<number>): void }).set(src[k]);
  src.streams.copyInto(dst.streams, generators);
  const generator = (g: RandomStream | undefined) => (g ? generators.get(g as Xoshiro128StarStar)! : undefined);
  for (let i = 0; i < src.workStreams.length; i++) dst.workStreams[i] = generator(src.workStreams[i]);
  for (let i = 0; i < src.detectStreams.length; i++) dst.detectStreams[i] = generator(src.detectStreams[i]);
  for (let i = 0; i < src.repairStreams.length; i++) dst.repairStreams[i] = generator(src.repairStreams[i]);
  for (let i = 0; i < src.hireStreams.length; i++) dst.hireStreams[i] = generator(src.hireStreams[i]);
  for (let p = 0; p < src.task.length; p++) {
    dst.task[p] = orNull(task)(src.task[p]!);
    dst.paused[p] = orNull(task)(src.paused[p]!);
    dst.incident[p] = orNull(incident)(src.incident[p]!);
    dst.done[p] = src.done[p]!;
    refill(dst.personalQueue[p]!, src.personalQueue[p]!, task);
  }
  src.teamQueue.forEach((q, i) => refill(dst.teamQueue[i]!, q, task));
  src.admission.forEach((q, i) => refill(dst.admission[i]!, q, item));
  refill(dst.incidentQueue, src.incidentQueue, incident);
  refill(dst.wake, src.wake, same);
  dst.replayed = src.replayed?.slice() ?? null;
  if (src.weekly) throw new Error('a run recording weekly figures cannot be copied');
  dst.weekly = null;
  dst.recipes = null;
  dst.absenceMarks = null;
  copyMetrics(dst.metrics, src.metrics, item, incident);
  // Incidents and items reached only from pending events (detection, the items of queued tasks are already copied).
  dst.sim.copyFrom(src.sim, (handler) => remake(dst, src, handler, incident));
}

/** The fields of a run's state that are typed arrays, copied as they are. */
const TYPED_FIELDS = [
  'present',
  'vacant',
  'absentCount',
  'busy',
  'partner',
  'pairedWith',
  'segmentStart',
  'segmentSpeed',
  'freeSince',
  'skill',
  'knowledge',
  'rampStart',
  'rampEnd',
  'teamWip',
  'awaitedHours',
  'awaitedCount',
  'absentSince',
  'learnedByWork',
  'learnedByPairing',
] as const satisfies readonly (keyof RunState)[];

/**
 * Every field of a run's state and how {@link copyState} copies it: a test
 * checks that this covers the state's fields, so that a new one is not
 * forgotten here.
 */
export const COPIED_FIELDS: readonly (keyof RunState)[] = [
  ...TYPED_FIELDS,
  'seq',
  'stuck',
  'streams',
  'workStreams',
  'detectStreams',
  'repairStreams',
  'hireStreams',
  'task',
  'paused',
  'incident',
  'done',
  'personalQueue',
  'teamQueue',
  'admission',
  'incidentQueue',
  'wake',
  'replayed',
  'weekly',
  'recipes',
  'absenceMarks',
  'metrics',
  'sim',
];

/** Fields a copy keeps as its own: the model, the run's shape, its own handlers, pools and scratch. */
export const OWN_FIELDS: readonly (keyof RunState)[] = ['model', 'horizon', 'warmup', 'nSkills', 'nServices', 'onTaskDone', 'onIncidentDone', 'onAbsenceEnd', 'itemPool', 'taskPool', 'solo'];

/** A copy of an incident, its fields in the order failure() makes them. */
function copyIncident(x: Incident): Incident {
  return {
    service: x.service,
    failedAt: x.failedAt,
    detectedAt: x.detectedAt,
    effortLeft: x.effortLeft,
    startedAt: x.startedAt,
    workedHours: x.workedHours,
    waitedForAbsent: x.waitedForAbsent,
    counted: x.counted,
    replay: x.replay,
    waitsFor: x.waitsFor,
    awaitedHours: x.awaitedHours,
    open: false,
    openPrev: null,
    openNext: null,
  };
}

function copyItem(dst: RunState, x: Item): Item {
  const c = dst.itemPool.pop();
  if (!c) {
    // As newItem makes one.
    return {
      id: x.id,
      service: x.service,
      arrival: x.arrival,
      efforts: x.efforts.slice(),
      lastWorker: x.lastWorker,
      lastSkill: x.lastSkill,
      handoffs: x.handoffs,
      reworks: x.reworks,
      touch: x.touch,
      people: x.people.slice(),
      peopleCount: x.peopleCount,
      rng: x.rng.copy(),
      counted: x.counted,
      flowState: x.flowState,
      open: false,
      openPrev: null,
      openNext: null,
    };
  }
  c.id = x.id;
  c.service = x.service;
  c.arrival = x.arrival;
  c.efforts.length = 0;
  c.efforts.push(...x.efforts);
  c.lastWorker = x.lastWorker;
  c.lastSkill = x.lastSkill;
  c.handoffs = x.handoffs;
  c.reworks = x.reworks;
  c.touch = x.touch;
  c.people.length = 0;
  c.people.push(...x.people);
  c.peopleCount = x.peopleCount;
  c.rng.copyFrom(x.rng);
  c.counted = x.counted;
  c.flowState = x.flowState;
  c.open = false;
  c.openPrev = null;
  c.openNext = null;
  return c;
}

/** A task for the copy: its candidate lists are the copy's model's (or the copy's own, for self-service). */
function copyTask(dst: RunState, src: RunState, t: Task, item: Item): Task {
  const from = src.model.services[item.service]!;
  const to = dst.model.services[item.service]!;
  let candidates: readonly number[];
  let candidateSet: Uint8Array | null;
  if (t.kind === 'review' && t.candidates === from.reviewers) [candidates, candidateSet] = [to.reviewers, to.reviewerSet];
  else if (t.kind !== 'review' && t.candidates === from.stages[t.stage]!.candidates) [candidates, candidateSet] = [to.stages[t.stage]!.candidates, to.stages[t.stage]!.candidateSet];
  else if (t.selfService && t.candidates.length === 1 && t.candidates === src.solo[t.candidates[0]!]) [candidates, candidateSet] = [dst.solo[t.candidates[0]!]!, null];
  else throw new Error('a task with candidates from elsewhere cannot be copied');
  if (candidates.length !== t.candidates.length || candidates.some((p, i) => p !== t.candidates[i])) throw new Error('a run can only be copied into a model with the same candidates');
  const c = dst.taskPool.pop();
  // As taskOf makes one.
  if (!c) return { item, kind: t.kind, stage: t.stage, skill: t.skill, effortLeft: t.effortLeft, handoffLeft: t.handoffLeft, gap: t.gap, selfService: t.selfService, candidates, candidateSet, readyAt: t.readyAt, seq: t.seq };
  c.item = item;
  c.kind = t.kind;
  c.stage = t.stage;
  c.skill = t.skill;
  c.effortLeft = t.effortLeft;
  c.handoffLeft = t.handoffLeft;
  c.gap = t.gap;
  c.selfService = t.selfService;
  c.candidates = candidates;
  c.candidateSet = candidateSet;
  c.readyAt = t.readyAt;
  c.seq = t.seq;
  return c;
}

/** The handler that does to `dst` what `handler` does to `src`, from its recipe. */
function remake(dst: RunState, src: RunState, handler: EventHandler, incident: (x: Incident) => Incident): EventHandler {
  const recipe = src.recipes?.get(handler);
  if (!recipe) throw new Error('an event without a recipe cannot be copied');
  return fromRecipe(dst, recipe, incident);
}

function fromRecipe(s: RunState, r: EventRecipe, incident: (x: Incident) => Incident): EventHandler {
  switch (r.kind) {
    case 'taskDone':
      return (s.onTaskDone[r.p] ??= taskDoneHandler(s, r.p));
    case 'incidentDone':
      return (s.onIncidentDone[r.p] ??= incidentDoneHandler(s, r.p));
    case 'absenceEnd':
      return (s.onAbsenceEnd[r.p] ??= absenceEndHandler(s, r.p));
    case 'depart':
      return departure(s, r.p);
    case 'hire':
      return hiring(s, r.p);
    case 'planned':
      return plannedAbsence(s, r.p, r.end);
    case 'offDuty':
      return offDuty(s, r.p, r.end, r.latest);
    case 'randomAbsence':
      return randomAbsenceProcess(s, r.p, r.name, r.rate, r.hours).occurrence(r.duration);
    case 'arrive':
      return arrivalProcess(s, r.service).arrive;
    case 'arriveAt':
      return listedArrival(s, r.service);
    case 'fail':
      return failureProcess(s, r.service).fail;
    case 'detect':
      return detection(s, incident(r.incident));
    case 'shift':
      return shiftChange(s);
    case 'restart':
      return restartAt(s, r.at);
  }
}

/** Copies a run's statistics, with its open items and incidents as copied. */
function copyMetrics(dst: Metrics, src: Metrics, item: (x: Item) => Item, incident: (x: Incident) => Incident): void {
  dst.leadTime.copyFrom(src.leadTime);
  dst.ttr.copyFrom(src.ttr);
  for (const k of WELFORDS) dst[k].copyFrom(src[k]);
  dst.wip.copyFrom(src.wip);
  dst.flowDone.copyFrom(src.flowDone);
  const each = <T extends { copyFrom(o: T): void }>(a: readonly T[], b: readonly T[]) => {
    if (a.length !== b.length) throw new Error('a run can only be copied into a state of the same shape');
    for (let i = 0; i < a.length; i++) a[i]!.copyFrom(b[i]!);
  };
  each(dst.serviceTtrHist, src.serviceTtrHist);
  for (const k of SERVICE_WELFORDS) each(dst[k], src[k]);
  each(dst.skillQueues, src.skillQueues);
  each(dst.personQueues, src.personQueues);
  each(dst.flow, src.flow);
  dst.serviceWaitedForAbsent.set(src.serviceWaitedForAbsent);
  dst.undetected.set(src.undetected);
  dst.timeUse.set(src.timeUse);
  dst.absentHours.set(src.absentHours);
  dst.arrivals = src.arrivals;
  dst.incidents = src.incidents;
  dst.waitedForAbsent = src.waitedForAbsent;
  dst.openItems.clear();
  for (const x of src.openItems) dst.openItems.add(item(x));
  dst.openIncidents.clear();
  for (const x of src.openIncidents) dst.openIncidents.add(incident(x));
}

const WELFORDS = ['leadTimeStats', 'ttrStats', 'detect', 'wait', 'repair', 'handoffs', 'reworks', 'peoplePerItem', 'flowEfficiency'] as const satisfies readonly (keyof Metrics)[];
const SERVICE_WELFORDS = ['serviceTtr', 'serviceDetect', 'serviceWait', 'serviceRepair', 'serviceLead'] as const satisfies readonly (keyof Metrics)[];
