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
  readonly key: string;
  readonly prefixInput: CompiledModel['input'];
  readonly extras: readonly Extra[];
}

/** The prefix run of one replication, at the fork hour. */
interface Snapshot {
  readonly key: string;
  readonly state: RunState;
  /** Events the prefix processed. */
  readonly events: number;
}

/**
 * Runs replications of models that share prefixes, keeping the prefix runs
 * of the last `capacity` (model prefix, replication) pairs. One per thread;
 * it holds the states of those prefix runs.
 */
export class PrefixForks {
  private readonly shapes = new WeakMap<CompiledModel, Map<number, Shape>>();
  private readonly prefixModels = new Map<string, CompiledModel>();
  private readonly snapshots = new Map<string, Snapshot>();
  /** States of snapshots let go, by prefix key, for the next ones. */
  private readonly spare = new Map<string, RunState[]>();

  /** Replications run from a prefix, and from the start (a fork hour outside the run, or the event cap within the prefix). */
  readonly counts = { forked: 0, fromStart: 0 };

  constructor(private readonly capacity = 64) {}

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
    if (!shape) byHour.set(forkAt, (shape = forkShape(model, forkAt)));
    return shape;
  }

  private snapshotOf(shape: Shape, index: number, seed: number, forkAt: number, maxEvents: number | undefined): Snapshot | null {
    const id = `${index}#${seed}#${maxEvents ?? ''}#${shape.key}`;
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
    const snapshot = { key: shape.key, state: s, events: outcome.eventsProcessed };
    this.snapshots.set(id, snapshot);
    if (this.snapshots.size > this.capacity) {
      const [oldest, old] = this.snapshots.entries().next().value as [string, Snapshot];
      this.snapshots.delete(oldest);
      this.release(old.key, old.state);
    }
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

/** `model` as a prefix (the model without its planned absences from `forkAt` on) and those absences. */
export function forkShape(model: CompiledModel, forkAt: number): Shape {
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
  return { key: `${forkAt}|${JSON.stringify(runs)}`, prefixInput, extras };
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
      c = { ...x, open: false, openPrev: null, openNext: null };
      incidents.set(x, c);
    }
    return c;
  };
  const orNull = <T>(f: (x: T) => T) => (x: T | null) => (x ? f(x) : null);

  dst.seq = src.seq;
  dst.stuck = src.stuck;
  for (const k of TYPED_FIELDS) (dst[k] as { set(a: ArrayLike<number>): void }).set(src[k]);
  dst.streams = src.streams.copy(generators);
  const generator = (g: Xoshiro128StarStar | undefined) => (g ? generators.get(g)! : undefined);
  dst.workStreams = src.workStreams.map((g) => generator(g as Xoshiro128StarStar | undefined));
  dst.detectStreams = src.detectStreams.map((g) => generator(g as Xoshiro128StarStar | undefined));
  dst.repairStreams = src.repairStreams.map((g) => generator(g as Xoshiro128StarStar | undefined));
  dst.hireStreams = src.hireStreams.map((g) => generator(g as Xoshiro128StarStar | undefined));
  dst.task = src.task.map(orNull(task));
  dst.paused = src.paused.map(orNull(task));
  dst.incident = src.incident.map(orNull(incident));
  dst.done = src.done.slice();
  dst.personalQueue = src.personalQueue.map((q) => q.map(task));
  dst.teamQueue = src.teamQueue.map((q) => q.map(task));
  dst.admission = src.admission.map((q) => q.map(item));
  dst.incidentQueue = src.incidentQueue.map(incident);
  dst.wake = src.wake.slice();
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

function copyItem(dst: RunState, x: Item): Item {
  const c = dst.itemPool.pop();
  if (!c) return { ...x, efforts: x.efforts.slice(), people: x.people.slice(), rng: x.rng.copy(), open: false, openPrev: null, openNext: null };
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
  c.rng.reseed(...x.rng.state());
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
  if (!c) return { ...t, item, candidates, candidateSet };
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
  const pairs: [object, object][] = [
    [dst.leadTime, src.leadTime],
    [dst.leadTimeStats, src.leadTimeStats],
    [dst.ttr, src.ttr],
    [dst.ttrStats, src.ttrStats],
    [dst.detect, src.detect],
    [dst.wait, src.wait],
    [dst.repair, src.repair],
    [dst.handoffs, src.handoffs],
    [dst.reworks, src.reworks],
    [dst.peoplePerItem, src.peoplePerItem],
    [dst.flowEfficiency, src.flowEfficiency],
    [dst.wip, src.wip],
    [dst.flowDone, src.flowDone],
  ];
  const lists: [readonly object[], readonly object[]][] = [
    [dst.serviceTtr, src.serviceTtr],
    [dst.serviceTtrHist, src.serviceTtrHist],
    [dst.serviceDetect, src.serviceDetect],
    [dst.serviceWait, src.serviceWait],
    [dst.serviceRepair, src.serviceRepair],
    [dst.serviceLead, src.serviceLead],
    [dst.skillQueues, src.skillQueues],
    [dst.personQueues, src.personQueues],
    [dst.flow, src.flow],
  ];
  for (const [a, b] of lists) {
    if (a.length !== b.length) throw new Error('a run can only be copied into a state of the same shape');
    a.forEach((x, i) => pairs.push([x, b[i]!]));
  }
  for (const [a, b] of pairs) copyPlain(a, b);
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

/**
 * Copies an object whose fields are numbers, booleans, strings or typed
 * arrays (a statistic), field by field; anything else throws, so that a
 * statistic that grows another kind of field is not copied wrong.
 */
export function copyPlain(dst: object, src: object): void {
  const to = dst as Record<string, unknown>;
  for (const [key, value] of Object.entries(src)) {
    if (ArrayBuffer.isView(value)) {
      const target = to[key];
      if (!ArrayBuffer.isView(target) || (target as Float64Array).length !== (value as Float64Array).length) throw new Error(`cannot copy field ${key}: arrays of different lengths`);
      (target as Float64Array).set(value as Float64Array);
    } else if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') to[key] = value;
    else throw new Error(`cannot copy field ${key}: not a number or an array of numbers`);
  }
}
