import type { RunState, Task } from './runState';

/** Oldest first: by the time the work became ready, then by creation order. */
const older = (a: Task, b: Task): boolean => a.readyAt < b.readyAt || (a.readyAt === b.readyAt && a.seq < b.seq);

/** Inserts keeping the queue oldest-first (new work goes at the end in O(1)). */
function insert(queue: Task[], task: Task): void {
  let i = queue.length;
  while (i > 0 && older(task, queue[i - 1]!)) i--;
  if (i === queue.length) queue.push(task);
  else queue.splice(i, 0, task);
}

function countIn(s: RunState, task: Task, delta: number, person: number): void {
  const now = s.sim.now;
  if (task.skill >= 0) s.metrics.skillQueues[task.skill]!.add(now, delta);
  if (person >= 0) s.metrics.personQueues[person]!.add(now, delta);
}

/** Queues work that only `person` may do. */
export function enqueuePersonal(s: RunState, person: number, task: Task): void {
  insert(s.personalQueue[person]!, task);
  countIn(s, task, 1, person);
}

/** Queues work that several people may do, in its service's shared queue. */
export function enqueueShared(s: RunState, queue: number, task: Task): void {
  insert(s.teamQueue[queue]!, task);
  countIn(s, task, 1, -1);
}

/** Removes a task taken from a personal (person >= 0) or shared (person = -1) queue. */
export function dequeue(s: RunState, queue: Task[], index: number, person: number): Task {
  const task = index === 0 ? queue.shift()! : queue.splice(index, 1)[0]!;
  countIn(s, task, -1, person);
  return task;
}

export { older };
