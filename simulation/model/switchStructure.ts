/**
 * A reorganisation taking effect in the middle of a run: from now on the
 * replication follows another compiled model of the same people, services and
 * skills (at the same indices), with its teams, owners, walled assignments
 * and structure settings.
 *
 * What carries over and what does not:
 * - Knowledge and skills are the run's, not the plan's: people keep what they
 *   know now (including what they learned during the run) and learn their new
 *   services at the plan's learning rates (faster when the plan pairs). A team
 *   someone left keeps only what its remaining members know, because the
 *   mover no longer responds to or works on its services. The knowledge and
 *   skill levels written in the plan are not handed out at the switch.
 * - Work in flight stays with whoever holds it: a task being worked on (or
 *   put aside for an incident) and an incident being repaired are finished by
 *   the same person, even if the plan moved them.
 * - Work waiting goes back to the queue: every task not yet started is queued
 *   again under the plan's rules (its place in line kept by the time it became
 *   ready), and every incident waiting for a responder is dispatched again to
 *   the plan's responders, in the order they were waiting.
 * - Items waiting for a team's WIP limit move to the queue of their service's
 *   team in the plan; each team's count of work in progress is recounted.
 * - Absences, departures and hires continue unchanged (they belong to the
 *   people, not the structure). An on-call rotation the plan starts begins its
 *   first shift now.
 */
import type { CompiledModel } from './compile';
import { dispatchIncident, scheduleShiftChanges } from './incidents';
import { older } from './queues';
import { stopAwaiting } from './responders';
import { isIdle } from './people';
import type { Incident, Item, RunState, Task } from './runState';
import { personFree, taskReady, wakeAll } from './workflow';

/** Switches `s` to `plan` now; see the module comment for what carries over. */
export function switchStructure(s: RunState, plan: CompiledModel): void {
  const before = s.model;
  if (plan.people.length !== before.people.length || plan.services.length !== before.services.length || plan.skills.length !== before.skills.length) {
    throw new Error('a structure switch needs the same people, services and skills in both models');
  }
  const waiting = takeWaitingTasks(s);
  const admitted = s.admission.flat();
  const incidents: Incident[] = s.incidentQueue.splice(0);
  for (const inc of incidents) stopAwaiting(s, inc);

  s.model = plan;
  const nQueues = plan.teams.length + 1;
  s.teamQueue = Array.from({ length: nQueues }, () => []);
  s.admission = Array.from({ length: nQueues }, () => []);
  s.teamWip = new Int32Array(nQueues);
  recountWip(s, waiting);
  for (const item of admitted) s.admission[plan.services[item.service]!.queue]!.push(item);

  for (const task of waiting) {
    requalify(s, task);
    taskReady(s, task);
  }
  for (const inc of incidents) dispatchIncident(s, inc);
  if (before.onCallRotation.length === 0 && plan.onCallRotation.length > 0) scheduleShiftChanges(s);
  wakeAll(s);
  for (let p = 0; p < plan.people.length; p++) if (isIdle(s, p)) personFree(s, p);
  wakeAll(s);
}

/** Every task waiting in a personal or shared queue, oldest first, taken out of its queue (and its queue statistics). */
function takeWaitingTasks(s: RunState): Task[] {
  const out: Task[] = [];
  const now = s.sim.now;
  s.personalQueue.forEach((queue, p) => {
    for (const task of queue) {
      if (task.skill >= 0) s.metrics.skillQueues[task.skill]!.add(now, -1);
      s.metrics.personQueues[p]!.add(now, -1);
      out.push(task);
    }
    queue.length = 0;
  });
  for (const queue of s.teamQueue) {
    for (const task of queue) {
      if (task.skill >= 0) s.metrics.skillQueues[task.skill]!.add(now, -1);
      out.push(task);
    }
    queue.length = 0;
  }
  return out.sort((a, b) => (older(a, b) ? -1 : older(b, a) ? 1 : 0));
}

/** Who may take a waiting task under the plan (self-service work stays with the person it was handed back to). */
function requalify(s: RunState, task: Task): void {
  if (task.selfService) return;
  const svc = s.model.services[task.item.service]!;
  if (task.kind === 'review') {
    task.candidates = svc.reviewers;
    task.candidateSet = svc.reviewerSet;
    return;
  }
  const stage = svc.stages[task.stage]!;
  task.candidates = stage.candidates;
  task.candidateSet = stage.candidateSet;
}

/** Work in progress per queue of the plan: every item with a task waiting, being worked on or put aside. */
function recountWip(s: RunState, waiting: readonly Task[]): void {
  const items = new Set<Item>();
  for (const t of waiting) items.add(t.item);
  for (const t of s.task) if (t) items.add(t.item);
  for (const t of s.paused) if (t) items.add(t.item);
  for (const item of items) s.teamWip[s.model.services[item.service]!.queue]!++;
}
