/**
 * A structure's model on the replay's clock (real hours, see replayClock.ts):
 * people are off duty outside their working hours, except whoever is on call
 * (the rotation, if the structure has one, takes turns of its shift length
 * in real time: a shift of one working week is a calendar week) and is paged
 * for every incident then; in working hours the structure responds as drawn,
 * with no one on call. Planned
 * absences and departures keep their dates; feature work arrives at the same
 * rate per working week. Outside working hours with no on-call rotation,
 * nobody responds until the next working day.
 */
import type { ModelInput } from '../model/modelInput';
import type { Calendar, Person, Service } from '../scenario/schema';
import { workingHourToInstant, workingPeriods, type ReplayClock } from './replayClock';

type Span = readonly [number, number];

/** `spans` (sorted, disjoint) with every part inside one of `cuts` (sorted, disjoint) taken out. */
export function subtractSpans(spans: readonly Span[], cuts: readonly Span[]): [number, number][] {
  const out: [number, number][] = [];
  let c = 0;
  for (const [a0, b] of spans) {
    let a = a0;
    while (c < cuts.length && cuts[c]![1] <= a) c++;
    for (let k = c; k < cuts.length && cuts[k]![0] < b; k++) {
      const [ca, cb] = cuts[k]!;
      if (ca > a) out.push([a, ca]);
      a = Math.max(a, cb);
    }
    if (a < b) out.push([a, b]);
  }
  return out;
}

/** Real hours one on-call shift lasts: its working hours scaled to the week (40 of 40 working hours a week: 168 h). */
export const realShiftHours = (shiftHours: number, calendar: Calendar): number => (shiftHours * 168) / (calendar.hoursPerDay * calendar.daysPerWeek);

/** Off-duty spans on the replay clock over [0, horizon): the gaps between working periods. */
export function offDutySpans(clock: ReplayClock, horizon: number, calendar: Calendar): [number, number][] {
  const periods = workingPeriods(clock.origin, clock.toInstant(horizon), calendar, clock.timeZone).map(([a, b]) => [clock.toHours(a), clock.toHours(b)] as const);
  return subtractSpans([[0, horizon]], periods);
}

/** The on-call rotation's people (ids, in rotation order, those in the model), or [] without one. */
export function onCallRotation(model: Pick<ModelInput, 'structure' | 'people'>): string[] {
  const { onCall } = model.structure;
  if (!onCall.enabled) return [];
  const ids = new Set(model.people.map((p) => p.id));
  return onCall.rotation.filter((id) => ids.has(id));
}

/** Spans on the replay clock in which `personId` is on call (shifts from hour 0, as the engine counts them). */
function onCallSpans(rotation: readonly string[], personId: string, shift: number, horizon: number): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j * shift < horizon; j++) if (rotation[j % rotation.length] === personId) out.push([j * shift, Math.min(horizon, (j + 1) * shift)]);
  return out;
}

/**
 * The model `input` (a structure, in working hours) on the replay clock,
 * over [0, horizon) real hours, with no warm-up.
 */
export function toReplayClock(input: ModelInput, clock: ReplayClock, horizon: number): ModelInput {
  const calendar = input.calendar;
  const working = calendar.hoursPerDay * calendar.daysPerWeek;
  const toHours = (h: number) => clock.toHours(workingHourToInstant(h, calendar, clock.timeZone));
  const people: Person[] = input.people.map((p) => {
    const planned = p.absences.map((a) => ({ ...a, start: Math.max(0, toHours(a.start)), end: Math.max(0, toHours(a.end)) })).filter((a) => a.end > a.start);
    return {
      ...p,
      absences: planned,
      departureAt: p.departureAt === null ? null : Math.max(0, toHours(p.departureAt)),
    };
  });
  const services: Service[] = input.services.map((svc) => {
    const arrivals = svc.work.arrivals;
    const work =
      arrivals.kind === 'poisson'
        ? { ...svc.work, arrivals: { kind: 'poisson' as const, ratePerHour: (arrivals.ratePerHour * working) / 168 } }
        : { ...svc.work, arrivals: { kind: 'list' as const, times: arrivals.times.map(toHours).filter((t) => t >= 0) } };
    return { ...svc, work };
  });
  return {
    ...input,
    calendar: { ...calendar, hoursPerDay: 24, daysPerWeek: 7 },
    people,
    services,
    // The engine's own rotation is off: on-call is laid out hour by hour by onCallByHour.
    structure: { ...input.structure, onCall: { enabled: false, rotation: [], shiftHours: 1 } },
    run: { ...input.run, horizonHours: horizon, warmupHours: 0 },
  };
}

/**
 * Each person's off-duty spans on the replay clock (in `people`'s order):
 * outside working periods, except when they are on call.
 */
export function offDutyByPerson(input: ModelInput, clock: ReplayClock, horizon: number): [number, number][][] {
  const off = offDutySpans(clock, horizon, input.calendar);
  const rotation = onCallRotation(input);
  const shift = realShiftHours(input.structure.onCall.shiftHours, input.calendar);
  return input.people.map((p) => (rotation.includes(p.id) ? subtractSpans(off, onCallSpans(rotation, p.id, shift, horizon)) : off));
}

/**
 * Who is on call in each real hour [h, h+1) of the replay (person index in
 * `people`), -1 in working hours and without a rotation: the engine's
 * rotation with a shift of one hour. An hour is out of hours when it is
 * entirely outside working periods.
 */
export function onCallByHour(input: ModelInput, clock: ReplayClock, horizon: number, people: readonly { id: string }[]): number[] {
  const rotation = onCallRotation(input);
  if (rotation.length === 0) return [];
  const index = new Map(people.map((p, i) => [p.id, i]));
  const shift = realShiftHours(input.structure.onCall.shiftHours, input.calendar);
  const hours = Math.ceil(horizon);
  const out = new Array<number>(hours).fill(-1);
  for (const [a, b] of offDutySpans(clock, hours, input.calendar)) {
    for (let h = Math.ceil(a); h + 1 <= b + 1e-9 && h < hours; h++) out[h] = index.get(rotation[Math.floor(h / shift) % rotation.length]!) ?? -1;
  }
  return out;
}

