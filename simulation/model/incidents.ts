/**
 * Incidents: failures, detection (slow without monitoring, P4), waiting for a
 * responder (who may be absent, P2), and repair (slower with less knowledge).
 * Who responds is chosen in responders.ts.
 * Incidents come before feature work: a responder busy with a task puts it
 * aside.
 */
import { sample } from '../random/sample';
import { addTime } from './metrics';
import { efficiency, knowledgeOf, learnService, onCallNow } from './people';
import { awaitResponder, bestResponder, canRespond, canRespondByRole, shouldTakeOver, stopAwaiting } from './responders';
import { detectStream, repairStream } from './streams';
import type { EventHandler } from '../kernel/simulation';
import { Busy, TimeUse, type Incident, type RunState } from './runState';
import { interruptTask, leavePair, wakeAll } from './workflow';

/** Starts the failure process of a service (Poisson, from its own stream). */
export function scheduleFailures(s: RunState, service: number): void {
  if (!(s.model.services[service]!.incidentRate > 0)) return;
  failureProcess(s, service).next();
}

/** A service's failures: `next` schedules the next one (from its stream), `fail` is the event of one. */
export function failureProcess(s: RunState, service: number): { next: () => void; fail: EventHandler } {
  const svc = s.model.services[service]!;
  const stream = s.streams.stream(svc.streamNames.incidents);
  const next = () => {
    const gap = -Math.log(1 - stream.next()) / svc.incidentRate;
    if (s.sim.now + gap < s.horizon) s.sim.schedule(gap, fail);
  };
  const fail = () => {
    failure(s, service, s.sim.now);
    next();
  };
  if (s.recipes) s.recipes.set(fail, { kind: 'fail', service });
  return { next, fail };
}

/**
 * A failure of `service` at time `at` (also used to replay recorded incidents: `replay` is its index in their list).
 * Replay hook: `fixed.pageDelay` is added to the detection delay (an on-call responder paged out of hours);
 * `fixed.effort` replaces the drawn repair effort (a replay on the log's own repair times); the effort is
 * drawn anyway, so the rest of the run sees the same random numbers.
 */
export function failure(s: RunState, service: number, at: number, fixedDetectDelay?: number, replay = -1, fixed?: ReplayFixed): void {
  const svc = s.model.services[service]!;
  const detect = (fixedDetectDelay ?? sample(svc.detection, detectStream(s, service))) + (fixed?.pageDelay ?? 0);
  const drawnEffort = sample(svc.repairHours, repairStream(s, service));
  const effort = fixed?.effort ?? drawnEffort;
  const inc: Incident = { service, failedAt: at, detectedAt: at + detect, effortLeft: effort, startedAt: -1, workedHours: 0, waitedForAbsent: false, counted: at >= s.warmup, replay, waitsFor: -1, awaitedHours: 0, open: false, openPrev: null, openNext: null };
  if (inc.counted) {
    s.metrics.incidents++;
    s.metrics.openIncidents.add(inc);
    s.metrics.undetected[service]!++;
  }
  s.sim.scheduleAt(Math.max(s.sim.now, inc.detectedAt), detection(s, inc));
}

/** The event of `inc` being noticed: it is counted as detected and goes to a responder. */
export function detection(s: RunState, inc: Incident): EventHandler {
  const handler = () => {
    if (inc.counted) s.metrics.undetected[inc.service]!--;
    dispatchIncident(s, inc);
    wakeAll(s);
  };
  if (s.recipes) s.recipes.set(handler, { kind: 'detect', incident: inc });
  return handler;
}

/**
 * Finds a responder: the person on call, else whoever is expected to restore
 * it soonest (see responders.ts): someone free or on feature work (who puts
 * it aside) starts now; if a busy expert would still restore it sooner, it
 * waits for them. With no one present who may respond, the incident waits; if
 * that is because they are all away, it counts as having waited for an
 * absent person.
 */
export function dispatchIncident(s: RunState, inc: Incident, front = false): void {
  stopAwaiting(s, inc);
  const onCall = onCallNow(s);
  if (onCall >= 0 && s.present[onCall] === 1 && s.busy[onCall] !== Busy.Incident && canRespond(s, onCall, inc)) {
    if (s.busy[onCall] === Busy.Idle) return startIncident(s, onCall, inc);
    return takeOver(s, onCall, inc);
  }
  const responders = s.model.services[inc.service]!.responders;
  const p = bestResponder(s, inc, responders, onCall);
  if (p >= 0 && s.busy[p] === Busy.Idle) return startIncident(s, p, inc);
  if (p >= 0 && s.busy[p] !== Busy.Incident) return takeOver(s, p, inc);
  if (p >= 0) awaitResponder(s, inc, p);
  else if (responders.some((q) => s.present[q] !== 1 && canRespondByRole(s, q, inc))) inc.waitedForAbsent = true;
  if (front) s.incidentQueue.unshift(inc);
  else s.incidentQueue.push(inc);
}

/**
 * Incidents waiting for `p` are weighed again: `p` has left. (While `p` is
 * there, whoever becomes free weighs them again as they look for work; see
 * takeWaitingIncident.)
 */
function reconsiderWaitingFor(s: RunState, p: number): void {
  if (s.awaitedCount[p] === 0) return;
  const queue = s.incidentQueue;
  const again: Incident[] = [];
  for (let i = 0; i < queue.length; i++) {
    if (queue[i]!.waitsFor === p) {
      again.push(queue[i]!);
      queue.splice(i--, 1);
    }
  }
  // Back to the front in their old order, so they keep their place in line.
  for (let i = again.length - 1; i >= 0; i--) dispatchIncident(s, again[i]!, true);
}

/** A responder busy with feature work (or pairing) puts it aside for the incident. */
function takeOver(s: RunState, p: number, inc: Incident): void {
  if (s.busy[p] === Busy.Partner) leavePair(s, p, true);
  else s.paused[p] = interruptTask(s, p);
  s.wake = s.wake.filter((q) => q !== p);
  startIncident(s, p, inc);
}

/**
 * Called when `p` becomes free: takes the oldest waiting incident they may
 * respond to, unless it waits for someone expected to restore it sooner.
 */
export function takeWaitingIncident(s: RunState, p: number): boolean {
  const queue = s.incidentQueue;
  for (let i = 0; i < queue.length; i++) {
    if (canRespond(s, p, queue[i]!) && shouldTakeOver(s, p, queue[i]!)) {
      const [inc] = queue.splice(i, 1);
      startIncident(s, p, inc!);
      return true;
    }
  }
  return false;
}

export function startIncident(s: RunState, p: number, inc: Incident): void {
  if (inc.startedAt < 0) inc.startedAt = s.sim.now;
  stopAwaiting(s, inc);
  const speed = efficiency(s, knowledgeOf(s, p, inc.service));
  s.busy[p] = Busy.Incident;
  s.incident[p] = inc;
  s.segmentStart[p] = s.sim.now;
  s.segmentSpeed[p] = speed;
  s.done[p] = s.sim.schedule(inc.effortLeft / speed, (s.onIncidentDone[p] ??= incidentDoneHandler(s, p)));
}

/** The handler of `p` restoring their incident (made once per person and state). */
export function incidentDoneHandler(s: RunState, p: number): EventHandler {
  const handler = () => finishIncident(s, p);
  if (s.recipes) s.recipes.set(handler, { kind: 'incidentDone', p });
  return handler;
}

function settle(s: RunState, p: number): Incident {
  const inc = s.incident[p]!;
  const start = s.segmentStart[p]!;
  const hours = s.sim.now - start;
  addTime(s.metrics, p, TimeUse.Incident, start, s.sim.now, s.warmup, s.horizon);
  inc.effortLeft = Math.max(0, inc.effortLeft - hours * s.segmentSpeed[p]!);
  inc.workedHours += hours;
  learnService(s, p, inc.service, hours);
  s.incident[p] = null;
  s.busy[p] = Busy.Idle;
  s.done[p] = null;
  return inc;
}

function finishIncident(s: RunState, p: number): void {
  const inc = settle(s, p);
  s.freeSince[p] = s.sim.now;
  recordIncident(s, inc, s.sim.now);
  // personFree is reached through wakeAll so that a paused task resumes.
  s.wake.push(p);
  wakeAll(s);
}

/** Stops `p`'s repair (they are leaving); the incident goes back to the front of the line and to someone else. */
export function interruptIncident(s: RunState, p: number): void {
  const handle = s.done[p];
  if (handle) s.sim.cancel(handle);
  const inc = settle(s, p);
  dispatchIncident(s, inc, true);
  reconsiderWaitingFor(s, p);
}

function recordIncident(s: RunState, inc: Incident, restoredAt: number): void {
  if (inc.replay >= 0 && s.replayed) recordReplayed(s.replayed, inc, restoredAt);
  if (!inc.counted || restoredAt > s.horizon) return;
  const m = s.metrics;
  m.openIncidents.delete(inc);
  const ttr = restoredAt - inc.failedAt;
  const detect = inc.detectedAt - inc.failedAt;
  // Repair is the time someone worked on it; any time after detection when nobody did (waiting at first, or
  // after the responder left mid-repair) is waiting for a responder.
  const repair = inc.workedHours;
  const wait = restoredAt - inc.detectedAt - repair;
  m.ttr.record(ttr);
  m.ttrStats.add(ttr);
  s.weekly?.ttr(restoredAt, ttr);
  m.detect.add(detect);
  m.wait.add(wait);
  m.repair.add(repair);
  m.serviceTtr[inc.service]!.add(ttr);
  m.serviceTtrHist[inc.service]!.record(ttr);
  m.serviceDetect[inc.service]!.add(detect);
  m.serviceWait[inc.service]!.add(wait);
  m.serviceRepair[inc.service]!.add(repair);
  if (inc.waitedForAbsent) {
    m.waitedForAbsent++;
    m.serviceWaitedForAbsent[inc.service]!++;
  }
}

/** A replayed incident's own figures, kept apart from the run's statistics (which they also enter, as any incident). */
function recordReplayed(out: Float64Array, inc: Incident, restoredAt: number): void {
  const at = inc.replay * REPLAYED_FIELDS;
  out[at] = restoredAt - inc.failedAt;
  out[at + 1] = inc.detectedAt - inc.failedAt;
  out[at + 2] = restoredAt - inc.detectedAt - inc.workedHours;
  out[at + 3] = inc.workedHours;
}

/** What a replayed incident may fix in advance (see {@link failure}). */
export interface ReplayFixed {
  pageDelay?: number;
  effort?: number;
}

/** Numbers kept per replayed incident: time to restore, detect, wait, repair. */
export const REPLAYED_FIELDS = 4;

/**
 * At each change of on-call shift, the person coming on call takes the oldest
 * incident still waiting (putting feature work aside), as on-call is for.
 */
export function scheduleShiftChanges(s: RunState): void {
  if (s.model.onCallRotation.length === 0) return;
  const shift = s.model.input.structure.onCall.shiftHours;
  if (shift < s.horizon) s.sim.schedule(shift, shiftChange(s));
}

/** The event of an on-call shift change, which schedules the next one. */
export function shiftChange(s: RunState): EventHandler {
  const shift = s.model.input.structure.onCall.shiftHours;
  const change = () => {
    const p = onCallNow(s);
    const inc = s.incidentQueue[0];
    if (p >= 0 && inc && s.present[p] === 1 && s.busy[p] !== Busy.Incident && canRespond(s, p, inc)) {
      s.incidentQueue.shift();
      if (s.busy[p] === Busy.Idle) startIncident(s, p, inc);
      else takeOver(s, p, inc);
      wakeAll(s);
    }
    if (s.sim.now + shift < s.horizon) s.sim.schedule(shift, change);
  };
  if (s.recipes) s.recipes.set(change, { kind: 'shift' });
  return change;
}
