/**
 * Absences and departures: planned leave, random vacation and sickness, and
 * people who leave (P6), replaced after a hiring delay by someone who ramps up
 * and starts knowing none of the services.
 */
import type { EventHandler } from '../kernel/simulation';
import type { Distribution } from '../random/distribution';
import { sample } from '../random/sample';
import { interruptIncident } from './incidents';
import { Busy, type RunState } from './runState';
import { dequeue } from './queues';
import { hireStream } from './streams';
import { interruptTask, leavePair, personFree, releaseTask, wakeAll } from './workflow';

/** Schedules every absence and departure of person `p` for the run. */
export function scheduleAbsences(s: RunState, p: number): void {
  const person = s.model.people[p]!;
  const marks = s.absenceMarks?.[p];
  if (marks) marks.length = 0;
  for (const [start, end] of person.plannedAbsences) {
    marks?.push(s.sim.scheduled);
    if (start >= s.horizon) continue;
    s.sim.scheduleAt(start, plannedAbsence(s, p, Math.min(end, s.horizon)));
  }
  marks?.push(s.sim.scheduled);
  if (person.offDuty) {
    const grace = person.offDuty.graceHours;
    for (const [start, end] of person.offDuty.spans) {
      if (start < s.horizon) s.sim.scheduleAt(start, offDuty(s, p, Math.min(end, s.horizon), start + grace));
    }
  }
  const policy = s.model.input.absencePolicy;
  const perHour = (perYear: number) => perYear / s.model.hoursPerYear;
  randomAbsences(s, p, person.streamNames.vacation, perHour(policy.vacation.perYear), policy.vacation.hours);
  randomAbsences(s, p, person.streamNames.sickness, perHour(policy.sickness.perYear), policy.sickness.hours);
  if (person.departureAt !== null && person.departureAt < s.horizon) s.sim.scheduleAt(person.departureAt, departure(s, p));
  if (person.availability < 1) schedulePartTime(s, p, person.availability);
  scheduleRandomDeparture(s, p);
}

function randomAbsences(s: RunState, p: number, name: string, rate: number, hours: Distribution): void {
  if (!(rate > 0)) return;
  randomAbsenceProcess(s, p, name, rate, hours).next();
}

/**
 * One person's random absences of one kind (stream `name`): `next` draws
 * when the next begins and how long it lasts and schedules it, `occurrence`
 * makes the event of one lasting `duration` hours.
 */
export function randomAbsenceProcess(
  s: RunState,
  p: number,
  name: string,
  rate: number,
  hours: Distribution,
): { next: () => void; occurrence: (duration: number) => EventHandler } {
  const stream = s.streams.stream(name);
  const occurrence = (duration: number): EventHandler => {
    const handler = () => {
      if (s.vacant[p] === 0) beginAbsence(s, p, Math.min(s.sim.now + duration, s.horizon));
      next();
    };
    if (s.recipes) s.recipes.set(handler, { kind: 'randomAbsence', p, name, rate, hours, duration });
    return handler;
  };
  const next = () => {
    const gap = -Math.log(1 - stream.next()) / rate;
    const duration = sample(hours, stream);
    if (s.sim.now + gap >= s.horizon) return;
    s.sim.schedule(gap, occurrence(duration));
  };
  return { next, occurrence };
}

/** The event of `p` going away until `end` (planned leave, part-time days off). */
export function plannedAbsence(s: RunState, p: number, end: number): EventHandler {
  const handler = () => beginAbsence(s, p, end);
  if (s.recipes) s.recipes.set(handler, { kind: 'planned', p, end });
  return handler;
}

/** The event of `p`'s working day ending (replay; see {@link beginOffDuty}). */
export function offDuty(s: RunState, p: number, end: number, latest: number): EventHandler {
  const handler = () => beginOffDuty(s, p, end, latest);
  if (s.recipes) s.recipes.set(handler, { kind: 'offDuty', p, end, latest });
  return handler;
}

/** The event of `p` leaving. */
export function departure(s: RunState, p: number): EventHandler {
  const handler = () => depart(s, p);
  if (s.recipes) s.recipes.set(handler, { kind: 'depart', p });
  return handler;
}

/** The event of `p`'s seat being filled. */
export function hiring(s: RunState, p: number): EventHandler {
  const handler = () => hire(s, p);
  if (s.recipes) s.recipes.set(handler, { kind: 'hire', p });
  return handler;
}

/** The handler of `p`'s absence ending (made once per person and state). */
export function absenceEndHandler(s: RunState, p: number): EventHandler {
  const handler = () => endAbsence(s, p);
  if (s.recipes) s.recipes.set(handler, { kind: 'absenceEnd', p });
  return handler;
}

/** Part-time: away for the last (1 - availability) of every working week. */
function schedulePartTime(s: RunState, p: number, availability: number): void {
  const { hoursPerDay, daysPerWeek } = s.model.input.calendar;
  const week = hoursPerDay * daysPerWeek;
  for (let start = 0; start < s.horizon; start += week) {
    const off = start + availability * week;
    if (off < s.horizon) s.sim.scheduleAt(off, plannedAbsence(s, p, Math.min(start + week, s.horizon)));
  }
}

function scheduleRandomDeparture(s: RunState, p: number): void {
  const rate = s.model.input.absencePolicy.departures.perYear / s.model.hoursPerYear;
  if (!(rate > 0)) return;
  const stream = s.streams.stream(s.model.people[p]!.streamNames.departure);
  const gap = -Math.log(1 - stream.next()) / rate;
  if (s.sim.now + gap < s.horizon) s.sim.schedule(gap, departure(s, p));
}

/** Minutes between checks whether someone still restoring a service at the end of their day has finished. */
const OFF_DUTY_RECHECK_HOURS = 0.25;

/**
 * The end of `p`'s working day (replay): someone restoring a service stays on
 * it until it is restored (checked every quarter hour) or until `latest`,
 * then goes off duty until `end`.
 */
function beginOffDuty(s: RunState, p: number, end: number, latest: number): void {
  const next = s.sim.now + OFF_DUTY_RECHECK_HOURS;
  if (s.busy[p] === Busy.Incident && next <= latest && next < end) s.sim.schedule(OFF_DUTY_RECHECK_HOURS, offDuty(s, p, end, latest));
  else beginAbsence(s, p, end);
}

/** `p` is away from now until `end` (absences may overlap; they are counted). */
export function beginAbsence(s: RunState, p: number, end: number): void {
  s.absentCount[p]!++;
  if (s.absentCount[p] === 1 && s.vacant[p] === 0) {
    s.present[p] = 0;
    s.absentSince[p] = s.sim.now;
    stopWork(s, p);
  }
  if (end > s.sim.now) s.sim.scheduleAt(end, (s.onAbsenceEnd[p] ??= absenceEndHandler(s, p)));
  wakeAll(s);
}

function endAbsence(s: RunState, p: number): void {
  s.absentCount[p]!--;
  if (s.absentCount[p] === 0 && s.vacant[p] === 0) {
    bookAbsence(s, p);
    s.present[p] = 1;
    s.freeSince[p] = s.sim.now;
    personFree(s, p);
    wakeAll(s);
  }
}

/** Adds the absence since `absentSince` to the person's absent hours (within the window). */
export function bookAbsence(s: RunState, p: number): void {
  const a = Math.max(s.absentSince[p]!, s.warmup);
  const b = Math.min(s.sim.now, s.horizon);
  if (b > a) s.metrics.absentHours[p]! += b - a;
}

/** Hands back whatever `p` was doing, so others (or they, on return) can continue it. */
function stopWork(s: RunState, p: number): void {
  const busy = s.busy[p];
  if (busy === Busy.Task) releaseTask(s, interruptTask(s, p));
  else if (busy === Busy.Incident) interruptIncident(s, p);
  else if (busy === Busy.Partner) {
    leavePair(s, p, true);
    s.wake = s.wake.filter((q) => q !== p);
  }
  const paused = s.paused[p];
  if (paused) {
    s.paused[p] = null;
    releaseTask(s, paused);
  }
  // Push: work assigned to p that others may do goes back to be taken by them, as a lead
  // would reassign it rather than leave it waiting for p's return. Work only p may do stays.
  if (s.model.input.structure.dispatch === 'push') {
    const own = s.personalQueue[p]!;
    for (let i = own.length - 1; i >= 0; i--) if (own[i]!.candidates.length > 1) releaseTask(s, dequeue(s, own, i, p));
  }
}

/** `p` leaves: their seat is empty, their knowledge gone, and a hire is on the way. */
function depart(s: RunState, p: number): void {
  if (s.vacant[p] === 1) return;
  if (s.present[p] === 1) s.absentSince[p] = s.sim.now;
  s.present[p] = 0;
  s.vacant[p] = 1;
  stopWork(s, p);
  s.knowledge.fill(0, p * s.nServices, (p + 1) * s.nServices);
  const policy = s.model.input.absencePolicy.departures;
  const delay = sample(policy.hireDelayHours, hireStream(s, p));
  if (s.sim.now + delay < s.horizon) s.sim.schedule(delay, hiring(s, p));
  wakeAll(s);
}

function hire(s: RunState, p: number): void {
  bookAbsence(s, p);
  s.vacant[p] = 0;
  s.rampStart[p] = s.sim.now;
  s.rampEnd[p] = s.sim.now + s.model.input.absencePolicy.departures.rampUpHours;
  const base = s.model.people[p]!.skills;
  s.skill.set(base, p * s.nSkills);
  s.present[p] = s.absentCount[p] === 0 ? 1 : 0;
  if (s.present[p] === 0) s.absentSince[p] = s.sim.now;
  s.freeSince[p] = s.sim.now;
  scheduleRandomDeparture(s, p);
  personFree(s, p);
  wakeAll(s);
}
