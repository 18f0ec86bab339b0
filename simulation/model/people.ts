import { Busy, type RunState } from './runState';

/**
 * A person's level in a skill now: their level, scaled down while a new hire
 * ramps up (from the policy's start fraction to full, linearly).
 */
export function levelOf(s: RunState, p: number, skill: number): number {
  const base = s.skill[p * s.nSkills + skill]!;
  const end = s.rampEnd[p]!;
  const now = s.sim.now;
  if (now >= end) return base;
  const start = s.rampStart[p]!;
  const from = s.model.input.absencePolicy.departures.startFraction;
  return base * (from + ((1 - from) * (now - start)) / (end - start));
}

export function knowledgeOf(s: RunState, p: number, service: number): number {
  return s.knowledge[p * s.nServices + service]!;
}

/** Speed relative to an expert: linear from `efficiencyAtZero` at level 0 to 1 at level 1. */
export function efficiency(s: RunState, level: number): number {
  const e0 = s.model.input.parameters.efficiencyAtZero;
  return e0 + (1 - e0) * Math.min(1, Math.max(0, level));
}

/**
 * Knowledge of a service grows with hours spent on it, approaching 1: by
 * working on it (`knowledgePerHour`), or by pairing on it as the second of a
 * pair (`knowledgePerPairedHour`, the same rate unless set), each counted
 * apart so that what pairing teaches can be seen.
 */
export function learnService(s: RunState, p: number, service: number, hours: number, pairing = false): void {
  if (hours <= 0) return;
  const learning = s.model.input.parameters.learning;
  const rate = pairing ? (learning.knowledgePerPairedHour ?? learning.knowledgePerHour) : learning.knowledgePerHour;
  const i = p * s.nServices + service;
  const k = s.knowledge[i]!;
  const gain = (1 - k) * (1 - Math.exp(-rate * hours));
  s.knowledge[i] = k + gain;
  (pairing ? s.learnedByPairing : s.learnedByWork)[service]! += gain;
}

/** A partner's skill moves toward the better partner's level while they pair. */
export function learnSkill(s: RunState, learner: number, teacher: number, skill: number, hours: number): void {
  if (hours <= 0 || skill < 0) return;
  const rate = s.model.input.parameters.learning.skillPerPairedHour;
  const i = learner * s.nSkills + skill;
  const target = s.skill[teacher * s.nSkills + skill]!;
  const own = s.skill[i]!;
  if (target > own) s.skill[i] = own + (target - own) * (1 - Math.exp(-rate * hours));
}

/** The person on call at this time, or -1 without a rotation. */
export function onCallNow(s: RunState): number {
  const rotation = s.model.onCallRotation;
  if (rotation.length === 0) return -1;
  const shift = Math.floor(s.sim.now / s.model.input.structure.onCall.shiftHours);
  return rotation[shift % rotation.length]!;
}

/** Present (not absent, not a vacant seat) and doing nothing. */
export const isIdle = (s: RunState, p: number): boolean => s.present[p] === 1 && s.busy[p] === Busy.Idle;

/** How knowledge-gapped a handoff from `giver` to `taker` is, 0..1. */
export function handoffGap(s: RunState, giver: number, taker: number, service: number, giverSkill: number): number {
  const skillGap = giverSkill >= 0 ? 1 - Math.min(1, levelOf(s, taker, giverSkill)) : 0;
  const knowledgeGap = Math.max(0, knowledgeOf(s, giver, service) - knowledgeOf(s, taker, service));
  return 0.5 * skillGap + 0.5 * knowledgeGap;
}
