/**
 * Work items: arrival, the stages they pass through, who takes each task,
 * handoffs and rework between people, and completion (P1, P3, P5, P7, P8).
 */
import type { RandomStream } from '../random/randomStream';
import { Xoshiro128StarStar } from '../random/xoshiro128';
import { samplePrepared } from '../random/sample';
import { takeWaitingIncident } from './incidents';
import { addTime, flowState } from './metrics';
import { bestFreeTaker, canDo, shortestQueue, taskSpeed } from './dispatch';
import { handoffGap, isIdle, learnService, learnSkill, levelOf } from './people';
import { dequeue, enqueuePersonal, enqueueShared, older } from './queues';
import { workStream } from './streams';
import type { EventHandler } from '../kernel/simulation';
import { Busy, TimeUse, type Item, type RunState, type Task, type TaskKind } from './runState';

export { canDo } from './dispatch';

/** Most rework loops one item can go through (each sends it back a stage). */
export const MAX_REWORK = 5;

/** A new item of `service` arrives now: sample its work and start it (or queue it behind the team's WIP limit). */
export function itemArrives(s: RunState, service: number): void {
  const svc = s.model.services[service]!;
  const work = workStream(s, service);
  const stages = svc.stages;
  const pooled = s.itemPool.pop();
  const efforts = pooled ? pooled.efforts : new Array<number>(stages.length + 1);
  if (efforts.length !== stages.length + 1) efforts.length = stages.length + 1;
  for (let i = 0; i < stages.length; i++) efforts[i] = samplePrepared(stages[i]!.draw, work);
  efforts[stages.length] = svc.reviewDraw ? samplePrepared(svc.reviewDraw, work) : 0;
  const now = s.sim.now;
  const item = pooled ? reuseItem(s, pooled, service, now, work) : newItem(s, service, now, efforts, work);
  if (item.counted) s.metrics.arrivals++;
  if (item.counted) s.metrics.openItems.add(item);
  s.metrics.wip.add(now, 1);
  const limit = s.model.input.structure.wip.perTeam;
  const team = svc.queue;
  if (limit !== null && s.teamWip[team]! >= limit) {
    s.admission[team]!.push(item);
    moveTo(s, item, flowState.admission(s.nSkills));
  } else admit(s, item);
}

/** A new item's own generator, seeded from its service's work stream (four draws). */
function seedItemRng(work: RandomStream, rng: Xoshiro128StarStar | null): Xoshiro128StarStar {
  const a = (work.nextUint32() | 1) >>> 0;
  const b = work.nextUint32();
  const c = work.nextUint32();
  const d = work.nextUint32();
  return rng ? rng.reseed(a, b, c, d) : new Xoshiro128StarStar(a, b, c, d);
}

function newItem(s: RunState, service: number, now: number, efforts: number[], work: RandomStream): Item {
  return {
    id: s.seq++,
    service,
    arrival: now,
    efforts,
    lastWorker: -1,
    lastSkill: -1,
    handoffs: 0,
    reworks: 0,
    touch: 0,
    people: [],
    peopleCount: 0,
    rng: seedItemRng(work, null),
    counted: now >= s.warmup,
    flowState: -1,
    open: false,
    openPrev: null,
    openNext: null,
  };
}

/** A finished item made new (its efforts already drawn into `item.efforts`), as {@link newItem} would make it. */
function reuseItem(s: RunState, item: Item, service: number, now: number, work: RandomStream): Item {
  item.id = s.seq++;
  item.service = service;
  item.arrival = now;
  item.lastWorker = -1;
  item.lastSkill = -1;
  item.handoffs = 0;
  item.reworks = 0;
  item.touch = 0;
  item.peopleCount = 0;
  seedItemRng(work, item.rng);
  item.counted = now >= s.warmup;
  item.flowState = -1;
  return item;
}

/** Moves an item to another place in the cumulative flow (see Metrics.flow). */
function moveTo(s: RunState, item: Item, state: number): void {
  const flow = s.metrics.flow;
  const now = s.sim.now;
  if (item.flowState >= 0) flow[item.flowState]!.add(now, -1);
  flow[state]!.add(now, 1);
  item.flowState = state;
}

function admit(s: RunState, item: Item): void {
  s.teamWip[s.model.services[item.service]!.queue]!++;
  const svc = s.model.services[item.service]!;
  if (svc.stages.length > 0) taskReady(s, makeTask(s, item, 'stage', 0));
  else if (svc.review) taskReady(s, makeTask(s, item, 'review', 0));
  else itemDone(s, item);
}

function makeTask(s: RunState, item: Item, kind: TaskKind, stage: number): Task {
  const svc = s.model.services[item.service]!;
  const { parameters, structure } = s.model.input;
  const now = s.sim.now;
  moveTo(s, item, kind === 'review' ? flowState.review(s.nSkills) : svc.stages[stage]!.skill);
  if (kind === 'review') {
    const effort = item.efforts[svc.stages.length]!;
    return taskOf(s, item, kind, stage, -1, effort, false, svc.reviewers, svc.reviewerSet, now);
  }
  const st = svc.stages[stage]!;
  const share = kind === 'stage' ? 1 : parameters.handoff.reworkEffort;
  const selfService = st.selfService && item.lastWorker >= 0 && s.vacant[item.lastWorker] === 0;
  const effort = item.efforts[stage]! * share * (selfService ? structure.selfService.effortFactor : 1);
  return selfService
    ? taskOf(s, item, kind, stage, st.skill, effort, true, s.solo[item.lastWorker]!, null, now)
    : taskOf(s, item, kind, stage, st.skill, effort, false, st.candidates, st.candidateSet, now);
}

/** A task from the pool of finished ones (or a new one), set up as new. */
function taskOf(
  s: RunState,
  item: Item,
  kind: TaskKind,
  stage: number,
  skill: number,
  effortLeft: number,
  selfService: boolean,
  candidates: readonly number[],
  candidateSet: Uint8Array | null,
  readyAt: number,
): Task {
  const task = s.taskPool.pop();
  if (!task) {
    return { item, kind, stage, skill, effortLeft, handoffLeft: 0, gap: -1, selfService, candidates, candidateSet, readyAt, seq: s.seq++ };
  }
  task.item = item;
  task.kind = kind;
  task.stage = stage;
  task.skill = skill;
  task.effortLeft = effortLeft;
  task.handoffLeft = 0;
  task.gap = -1;
  task.selfService = selfService;
  task.candidates = candidates;
  task.candidateSet = candidateSet;
  task.readyAt = readyAt;
  task.seq = s.seq++;
  return task;
}

/** Work has become ready: queue it where its possible takers look, and wake one of them. */
export function taskReady(s: RunState, task: Task): void {
  const { candidates } = task;
  if (candidates.length === 0) {
    s.stuck++;
    return;
  }
  const { structure } = s.model.input;
  if (candidates.length === 1) {
    const p = candidates[0]!;
    enqueuePersonal(s, p, task);
    if (isIdle(s, p)) personFree(s, p);
    return;
  }
  if (structure.dispatch === 'push') {
    const p = shortestQueue(s, task, structure.wip.perPerson);
    if (p >= 0) {
      enqueuePersonal(s, p, task);
      if (isIdle(s, p)) personFree(s, p);
      return;
    }
  }
  enqueueShared(s, s.model.services[task.item.service]!.queue, task);
  const chosen = bestFreeTaker(s, task);
  if (chosen >= 0) personFree(s, chosen);
}

/**
 * `p` has nothing to do: take the most urgent thing they may do. Incidents
 * come first, then work put aside for an incident, then the oldest task among
 * their own queue and the shared queues they take from.
 */
export function personFree(s: RunState, p: number): void {
  if (!isIdle(s, p)) return;
  if (takeWaitingIncident(s, p)) return;
  const paused = s.paused[p];
  if (paused) {
    s.paused[p] = null;
    startTask(s, p, paused);
    return;
  }
  let bestQueue: Task[] | null = null;
  let bestIndex = -1;
  let bestPersonal = false;
  const own = s.personalQueue[p]!;
  // Their own queue's oldest task they can do now (always the first, unless they could not finish it at all yet).
  for (let i = 0; i < own.length; i++) {
    if (canDo(s, p, own[i]!)) {
      bestQueue = own;
      bestIndex = i;
      bestPersonal = true;
      break;
    }
  }
  for (const q of s.model.scanQueues[p]!) {
    const queue = s.teamQueue[q]!;
    for (let i = 0; i < queue.length; i++) {
      const t = queue[i]!;
      if (bestQueue && !older(t, bestQueue[bestIndex]!)) break;
      if (canDo(s, p, t)) {
        bestQueue = queue;
        bestIndex = i;
        bestPersonal = false;
        break;
      }
    }
  }
  if (!bestQueue) {
    s.freeSince[p] = s.sim.now;
    return;
  }
  startTask(s, p, dequeue(s, bestQueue, bestIndex, bestPersonal ? p : -1));
}

function startTask(s: RunState, p: number, task: Task): void {
  const item = task.item;
  const { parameters, structure } = s.model.input;
  const svc = item.service;
  if (task.kind !== 'review' && !task.selfService && item.lastWorker >= 0 && item.lastWorker !== p) {
    const gap = handoffGap(s, item.lastWorker, p, svc, item.lastSkill);
    task.gap = gap;
    task.handoffLeft = parameters.handoff.baseHours + parameters.handoff.gapHours * gap;
    item.handoffs++;
  }
  if (task.kind !== 'review') {
    item.lastWorker = p;
    item.lastSkill = task.skill;
  }
  addPerson(item, p);

  let speed = taskSpeed(s, p, task);
  if (task.kind === 'stage' && !task.selfService && structure.pairing.enabled && item.rng.next() < structure.pairing.share) {
    const partner = choosePartner(s, p, task.skill);
    if (partner >= 0) {
      s.busy[partner] = Busy.Partner;
      s.pairedWith[partner] = p;
      s.partner[p] = partner;
      s.segmentStart[partner] = s.sim.now;
      addPerson(item, partner);
      speed /= parameters.pairingDurationFactor;
    }
  }
  s.busy[p] = Busy.Task;
  s.task[p] = task;
  s.segmentStart[p] = s.sim.now;
  s.segmentSpeed[p] = speed;
  s.done[p] = s.sim.schedule(task.handoffLeft + task.effortLeft / speed, (s.onTaskDone[p] ??= taskDoneHandler(s, p)));
}

/** The handler of `p` finishing their task (made once per person and state). */
export function taskDoneHandler(s: RunState, p: number): EventHandler {
  const handler = () => finishTask(s, p);
  if (s.recipes) s.recipes.set(handler, { kind: 'taskDone', p });
  return handler;
}

/** Notes that `p` worked on `item` (once per person). */
function addPerson(item: Item, p: number): void {
  const people = item.people;
  const n = item.peopleCount;
  for (let i = 0; i < n; i++) if (people[i] === p) return;
  if (n < people.length) people[n] = p;
  else people.push(p);
  item.peopleCount = n + 1;
}

/** Pairing: an idle teammate, preferring the one who has most to learn in the skill. */
function choosePartner(s: RunState, lead: number, skill: number): number {
  const team = s.model.people[lead]!.team;
  if (team < 0) return -1;
  let best = -1;
  let bestLevel = Infinity;
  for (const q of s.model.teamMembers[team]!) {
    if (q === lead || !isIdle(s, q)) continue;
    const level = levelOf(s, q, skill);
    if (level < bestLevel) {
      best = q;
      bestLevel = level;
    }
  }
  return best;
}

/** Books the time of `p`'s current task segment up to now and updates its progress and what people learned. */
function settleSegment(s: RunState, p: number): Task {
  const task = s.task[p]!;
  const now = s.sim.now;
  const start = s.segmentStart[p]!;
  const elapsed = now - start;
  const handoff = Math.min(elapsed, task.handoffLeft);
  const work = elapsed - handoff;
  const m = s.metrics;
  addTime(m, p, TimeUse.Handoff, start, start + handoff, s.warmup, s.horizon);
  const use = task.kind === 'review' ? TimeUse.Review : task.kind === 'stage' ? TimeUse.Work : TimeUse.Rework;
  addTime(m, p, use, start + handoff, now, s.warmup, s.horizon);
  task.handoffLeft -= handoff;
  task.effortLeft = Math.max(0, task.effortLeft - work * s.segmentSpeed[p]!);
  task.item.touch += work;
  learnService(s, p, task.item.service, work);
  const partner = s.partner[p]!;
  if (partner >= 0) leavePair(s, partner);
  s.segmentStart[p] = now;
  return task;
}

/**
 * The second of a pair stops pairing: because the pair's task ended (the lead
 * settles it), or because they were called away (`leadContinues`: the lead
 * goes on alone, at solo speed, from the progress made so far).
 */
export function leavePair(s: RunState, partner: number, leadContinues = false): void {
  const lead = s.pairedWith[partner]!;
  const task = s.task[lead]!;
  const start = s.segmentStart[partner]!;
  const hours = s.sim.now - start;
  addTime(s.metrics, partner, TimeUse.Pairing, start, s.sim.now, s.warmup, s.horizon);
  learnService(s, partner, task.item.service, hours, true);
  learnSkill(s, partner, lead, task.skill, hours);
  s.partner[lead] = -1;
  s.pairedWith[partner] = -1;
  s.busy[partner] = Busy.Idle;
  s.freeSince[partner] = s.sim.now;
  // The partner is free again only after the caller has finished updating state.
  s.wake.push(partner);
  if (leadContinues) {
    // Book the pair's progress so far, then finish alone at the lead's own speed.
    const handle = s.done[lead];
    if (handle !== null && handle !== undefined) s.sim.cancel(handle);
    settleSegment(s, lead);
    const speed = taskSpeed(s, lead, task);
    s.segmentSpeed[lead] = speed;
    s.done[lead] = s.sim.schedule(task.handoffLeft + task.effortLeft / speed, (s.onTaskDone[lead] ??= taskDoneHandler(s, lead)));
  }
}

/**
 * Stops `p`'s task now (an incident or an absence), keeping its progress; the
 * caller decides where the task goes.
 */
export function interruptTask(s: RunState, p: number): Task {
  const task = settleSegment(s, p);
  s.sim.cancel(s.done[p]!);
  s.done[p] = null;
  s.task[p] = null;
  s.busy[p] = Busy.Idle;
  return task;
}

/** Puts a task back where anyone allowed can take it (its original age keeps its place in line). */
export function releaseTask(s: RunState, task: Task): void {
  if (task.candidates.length === 1) enqueuePersonal(s, task.candidates[0]!, task);
  else {
    enqueueShared(s, s.model.services[task.item.service]!.queue, task);
    const chosen = bestFreeTaker(s, task);
    if (chosen >= 0) personFree(s, chosen);
  }
}

function finishTask(s: RunState, p: number): void {
  const task = settleSegment(s, p);
  s.done[p] = null;
  s.task[p] = null;
  s.busy[p] = Busy.Idle;
  s.freeSince[p] = s.sim.now;
  advance(s, task);
  // Nothing refers to a finished task any more (the item's next task, if any, is a new one).
  s.taskPool.push(task);
  personFree(s, p);
  wakeAll(s);
}

/** Wakes people freed while state was being changed. */
export function wakeAll(s: RunState): void {
  while (s.wake.length > 0) personFree(s, s.wake.pop()!);
}

/** What happens to an item after one of its tasks is finished. */
function advance(s: RunState, task: Task): void {
  const item = task.item;
  const svc = s.model.services[item.service]!;
  const h = s.model.input.parameters.handoff;
  if (task.kind === 'review') return itemDone(s, item);
  if (task.kind === 'rework') return taskReady(s, makeTask(s, item, 'redo', task.stage + 1));
  if (task.gap >= 0 && task.stage >= 1 && item.reworks < MAX_REWORK) {
    const chance = h.reworkBase + (h.reworkAtFullGap - h.reworkBase) * task.gap;
    if (item.rng.next() < chance) {
      item.reworks++;
      return taskReady(s, makeTask(s, item, 'rework', task.stage - 1));
    }
  }
  const next = task.stage + 1;
  if (next < svc.stages.length) taskReady(s, makeTask(s, item, 'stage', next));
  else if (svc.review) taskReady(s, makeTask(s, item, 'review', 0));
  else itemDone(s, item);
}

function itemDone(s: RunState, item: Item): void {
  const now = s.sim.now;
  const m = s.metrics;
  m.wip.add(now, -1);
  if (item.flowState >= 0) m.flow[item.flowState]!.add(now, -1);
  item.flowState = -1;
  if (now >= s.warmup) m.flowDone.add(now, 1);
  if (item.counted && now <= s.horizon) {
    m.openItems.delete(item);
    const lead = now - item.arrival;
    m.leadTime.record(lead);
    m.leadTimeStats.add(lead);
    s.weekly?.lead(now, lead);
    m.serviceLead[item.service]!.add(lead);
    m.handoffs.add(item.handoffs);
    m.reworks.add(item.reworks);
    m.peoplePerItem.add(item.peopleCount);
    m.flowEfficiency.add(lead > 0 ? Math.min(1, item.touch / lead) : 1);
  }
  const team = s.model.services[item.service]!.queue;
  s.teamWip[team]!--;
  // Nothing refers to a finished item any more (an item counted in the window has just left openItems).
  if (!item.counted || now <= s.horizon) s.itemPool.push(item);
  const waiting = s.admission[team]!.shift();
  if (waiting) admit(s, waiting);
}

