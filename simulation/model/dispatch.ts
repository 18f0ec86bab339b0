/**
 * Who takes a piece of work when several people could: the rules of push
 * dispatch (the shortest queue), of pull dispatch (the free person who would
 * finish first) and their tie-breaks. No choice depends on the order of the
 * scenario file: the last tie-break is the person's id.
 */
import { efficiency, handoffGap, isIdle, knowledgeOf, levelOf } from './people';
import { Busy, type RunState, type Task } from './runState';

/** Speed of `p` on `task` now, relative to an expert who knows the service (pairing aside). */
export function taskSpeed(s: RunState, p: number, task: Task): number {
  if (task.kind === 'review') return efficiency(s, knowledgeOf(s, p, task.item.service));
  return task.selfService ? 1 : efficiency(s, levelOf(s, p, task.skill));
}

/** Hours of handoff `p` would spend before working on `task` (0 when they did the stage before, or for a review). */
export function handoffHours(s: RunState, p: number, task: Task): number {
  const item = task.item;
  if (task.kind === 'review' || task.selfService || item.lastWorker < 0 || item.lastWorker === p) return 0;
  const h = s.model.input.parameters.handoff;
  return h.baseHours + h.gapHours * handoffGap(s, item.lastWorker, p, item.service, item.lastSkill);
}

/** Hours from now until `p` would finish `task` if they started it now. */
export function expectedCompletion(s: RunState, p: number, task: Task): number {
  return handoffHours(s, p, task) + task.effortLeft / taskSpeed(s, p, task);
}

/** What a stage (or review) needs of a person: their level in its skill, or their knowledge of the service for a review. */
const fitness = (s: RunState, p: number, task: Task): number =>
  task.kind === 'review' ? knowledgeOf(s, p, task.item.service) : levelOf(s, p, task.skill);

/**
 * The tie-break after the rule's own measure: the better level in what the
 * work needs, then the better knowledge of the service, then whoever has been
 * free longest, then the id. Negative when `a` goes first.
 */
export function tieBreak(s: RunState, a: number, b: number, task: Task): number {
  const fa = fitness(s, a, task);
  const fb = fitness(s, b, task);
  if (fa !== fb) return fb - fa;
  const service = task.item.service;
  const ka = knowledgeOf(s, a, service);
  const kb = knowledgeOf(s, b, service);
  if (ka !== kb) return kb - ka;
  const ia = s.freeSince[a]!;
  const ib = s.freeSince[b]!;
  if (ia !== ib) return ia - ib;
  return s.model.idRank[a]! - s.model.idRank[b]!;
}

/**
 * Push: the qualified person with the fewest tasks waiting or in hand
 * (present people first), within the personal WIP limit; ties by
 * {@link tieBreak}. -1 when nobody may take it now.
 */
export function shortestQueue(s: RunState, task: Task, limit: number | null): number {
  let best = -1;
  let bestKey = Infinity;
  for (const p of task.candidates) {
    if (s.vacant[p] === 1 || !canDo(s, p, task)) continue;
    const load = s.personalQueue[p]!.length + (s.busy[p] === Busy.Idle ? 0 : 1) + (s.paused[p] ? 1 : 0);
    if (limit !== null && load >= limit) continue;
    const key = load + (s.present[p] === 1 ? 0 : 1e6);
    if (key < bestKey || (key === bestKey && tieBreak(s, p, best, task) < 0)) {
      best = p;
      bestKey = key;
    }
  }
  return best;
}

/**
 * Pull: of the people free now who may take `task`, the one who would finish
 * it first (handoff plus effort at their speed); ties by {@link tieBreak}.
 * -1 when nobody free may take it.
 */
export function bestFreeTaker(s: RunState, task: Task): number {
  let best = -1;
  let bestTime = Infinity;
  for (const p of task.candidates) {
    if (!isIdle(s, p) || !canDo(s, p, task)) continue;
    const time = expectedCompletion(s, p, task);
    if (best < 0 || time < bestTime || (time === bestTime && tieBreak(s, p, best, task) < 0)) {
      best = p;
      bestTime = time;
    }
  }
  return best;
}

/**
 * True when `p` may take `task` now (presence and busyness are checked by the
 * caller). Nobody takes work they would never finish: with the speed at
 * level 0 set to 0, someone at level 0 in the skill (or, for a review, with no
 * knowledge of the service) may not take it.
 */
export function canDo(s: RunState, p: number, task: Task): boolean {
  if (task.candidates.length === 1) return task.candidates[0] === p && makesProgress(s, p, task);
  const { structure } = s.model.input;
  if (task.kind === 'review') {
    if (task.candidateSet![p] !== 1) return false;
    if (p === task.item.lastWorker && task.candidates.length > 1) return false;
    return (structure.mode === 'walled' || knowledgeOf(s, p, task.item.service) >= structure.minKnowledge) && makesProgress(s, p, task);
  }
  const level = levelOf(s, p, task.skill);
  return level >= structure.minSkillLevel && task.candidateSet![p] === 1 && makesProgress(s, p, task);
}

/**
 * `taskSpeed(s, p, task) > 0`: with a speed at level 0 above 0, everyone's
 * speed is (it lies between that and 1), so the speed is only worked out
 * when the speed at level 0 is 0.
 */
function makesProgress(s: RunState, p: number, task: Task): boolean {
  return s.model.input.parameters.efficiencyAtZero > 0 || taskSpeed(s, p, task) > 0;
}

