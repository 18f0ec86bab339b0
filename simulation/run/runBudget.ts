/**
 * How big a run will be, estimated before it starts, so that a scenario
 * whose rates or horizon would take hours or run out of memory is refused
 * (or asked about) with the reason instead of freezing the app or the
 * command line.
 *
 * The estimate counts the events the engine schedules: per work item its
 * arrival and a start and an end per stage (and review), per incident its
 * failure, detection, start and end, per random absence its start and end,
 * and each on-call shift change. It is an expected value (a handoff or
 * rework loop adds a little), good to a small factor, which is what a
 * budget needs.
 */
import type { ModelInput } from '../model/modelInput';
import { MAX_HORIZON_HOURS, MAX_PER_YEAR, MAX_RATE_PER_HOUR, type Scenario } from '../scenario/schema';
import { resolveVariantSpec, type VariantSpec } from './variantSpec';

/** More events than this in one replication are cut off by the engine (`DEFAULT_MAX_EVENTS`): such a run is refused. */
export const MAX_EVENTS_PER_REPLICATION = 50_000_000;
/**
 * Above this many events in all, a run takes minutes even on several cores
 * (the engine makes very roughly 0.1 to 1 million events a second per core):
 * the app asks first, the command line wants --large.
 */
export const LARGE_RUN_EVENTS = 200_000_000;
/** Above this many, a run would take hours: refused. */
export const MAX_RUN_EVENTS = 5_000_000_000;

export interface RunEstimate {
  /** Expected events in the largest replication of any variant. */
  perReplication: number;
  /** Expected events of the whole run (all variants and replications). */
  total: number;
  /** What makes most of the events, for the message ("service api: 2,000,000 incidents per replication"). */
  biggest: string;
  /** How many structures (variants) run each replication; 1 when not said. */
  variants?: number;
}

/** Expected events of one replication of a model (see the module comment). */
export function estimateReplicationEvents(model: ModelInput): { events: number; biggest: string } {
  const h = model.run.horizonHours;
  const c = model.calendar;
  const hoursPerYear = c.hoursPerDay * c.daysPerWeek * c.weeksPerYear;
  const parts: { what: string; events: number }[] = [];
  for (const s of model.services) {
    const items = s.work.arrivals.kind === 'poisson' ? s.work.arrivals.ratePerHour * h : s.work.arrivals.times.filter((t) => t < h).length;
    const perItem = 1 + 2 * s.work.stages.length + (s.work.review ? 2 : 0);
    parts.push({ what: `service ${s.name}: ${fmt(items)} work items`, events: items * perItem });
    const incidents = s.incidents.ratePerHour * h;
    parts.push({ what: `service ${s.name}: ${fmt(incidents)} incidents`, events: incidents * 4 });
  }
  const p = model.absencePolicy;
  const absences = ((p.vacation.perYear + p.sickness.perYear + p.departures.perYear) * model.people.length * h) / hoursPerYear;
  parts.push({ what: `${fmt(absences)} absences`, events: absences * 2 });
  const onCall = model.structure.onCall;
  if (onCall.enabled && onCall.rotation.length > 0) parts.push({ what: `${fmt(h / onCall.shiftHours)} on-call shift changes`, events: h / onCall.shiftHours });
  const events = parts.reduce((sum, x) => sum + x.events, 0);
  const biggest = parts.reduce((a, b) => (b.events > a.events ? b : a), { what: 'nothing', events: 0 }).what;
  return { events, biggest };
}

/** The estimate of a run of `scenario` with these variants and replications. */
export function estimateRun(scenario: Scenario, variants: readonly VariantSpec[], replications: number): RunEstimate {
  let perReplication = 0;
  let total = 0;
  let biggest = 'nothing';
  for (const spec of variants.length ? variants : [{ kind: 'base' } as const]) {
    const one = estimateReplicationEvents(resolveVariantSpec(scenario, spec).model);
    total += one.events * replications;
    if (one.events >= perReplication) {
      perReplication = one.events;
      biggest = one.biggest;
    }
  }
  return { perReplication, total, biggest, variants: Math.max(1, variants.length) };
}

/**
 * Whether a run may start: 'ok'; 'large' (worth asking: minutes of work);
 * or 'refused' (hours, or more events in a replication than the engine
 * runs). `reason` says why in words a user can act on.
 */
export function judgeRun(estimate: RunEstimate, replications: number): { verdict: 'ok' | 'large' | 'refused'; reason: string } {
  const where = `mostly ${estimate.biggest} per replication`;
  if (!(estimate.perReplication <= MAX_EVENTS_PER_REPLICATION)) {
    return {
      verdict: 'refused',
      reason: `One replication would simulate about ${fmt(estimate.perReplication)} events (${where}); the limit is ${fmt(MAX_EVENTS_PER_REPLICATION)}. Shorten the horizon or lower the rates.`,
    };
  }
  if (!(estimate.total <= MAX_RUN_EVENTS)) {
    return {
      verdict: 'refused',
      reason: `The run would simulate about ${fmt(estimate.total)} events (${fmt(estimate.perReplication)} per replication x ${replications} replications${(estimate.variants ?? 1) > 1 ? ` x ${estimate.variants} structures` : ''}, ${where}), hours of work; the limit is ${fmt(MAX_RUN_EVENTS)}. Use fewer replications, a shorter horizon or lower rates.`,
    };
  }
  if (estimate.total > LARGE_RUN_EVENTS) {
    return { verdict: 'large', reason: `The run will simulate about ${fmt(estimate.total)} events (${where}), which takes minutes.` };
  }
  return { verdict: 'ok', reason: '' };
}

/**
 * What in a model lies outside the ranges a scenario file may hold (the
 * horizon and warm-up at most MAX_HORIZON_HOURS, rates at most
 * MAX_RATE_PER_HOUR, absences at most MAX_PER_YEAR a year, none of them
 * negative or not a number), in words a user can act on; null when all is
 * in range. The app's fields refuse such values, but a variant's override
 * or a value set before those limits existed may still hold one, and a run
 * of it could freeze the page.
 */
export function boundsProblem(model: ModelInput): string | null {
  const inRange = (v: number, max: number) => Number.isFinite(v) && v >= 0 && v <= max;
  const h = model.run.horizonHours;
  if (!(inRange(h, MAX_HORIZON_HOURS) && h > 0)) return `The horizon is ${fmtNumber(h)} h; it must be above 0 and at most ${fmtNumber(MAX_HORIZON_HOURS)} h (about 114 years).`;
  if (!inRange(model.run.warmupHours, MAX_HORIZON_HOURS)) return `The warm-up is ${fmtNumber(model.run.warmupHours)} h; it must be from 0 to ${fmtNumber(MAX_HORIZON_HOURS)} h.`;
  for (const s of model.services) {
    if (s.work.arrivals.kind === 'poisson' && !inRange(s.work.arrivals.ratePerHour, MAX_RATE_PER_HOUR)) {
      return `Service ${s.name} gets ${fmtNumber(s.work.arrivals.ratePerHour)} work items an hour; the most is ${MAX_RATE_PER_HOUR} an hour.`;
    }
    if (!inRange(s.incidents.ratePerHour, MAX_RATE_PER_HOUR)) return `Service ${s.name} fails ${fmtNumber(s.incidents.ratePerHour)} times an hour; the most is ${MAX_RATE_PER_HOUR} an hour.`;
  }
  const p = model.absencePolicy;
  for (const [what, perYear] of [['Vacations', p.vacation.perYear], ['Sick leaves', p.sickness.perYear], ['Departures', p.departures.perYear]] as const) {
    if (!inRange(perYear, MAX_PER_YEAR)) return `${what} happen ${fmtNumber(perYear)} times a year per person; the most is ${MAX_PER_YEAR}.`;
  }
  return null;
}

/**
 * The one check before a run of `scenario` (or an analysis of it) starts:
 * values out of range (see boundsProblem) refuse it, then the estimate is
 * judged as judgeRun does. Never throws: a variant that cannot be resolved
 * is refused with its reason.
 */
export function judgeScenarioRun(scenario: Scenario, variants: readonly VariantSpec[], replications: number): { verdict: 'ok' | 'large' | 'refused'; reason: string } {
  try {
    for (const spec of variants.length ? variants : [{ kind: 'base' } as const]) {
      const problem = boundsProblem(resolveVariantSpec(scenario, spec).model);
      if (problem) return { verdict: 'refused', reason: problem };
    }
    return judgeRun(estimateRun(scenario, variants, replications), replications);
  } catch (err) {
    return { verdict: 'refused', reason: `The scenario cannot be run: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * The same check before an incident log's replay: each replication of each
 * variant replays every incident of the log (about four events each), so
 * `incidents` x `variants` x `replications` decides whether it asks first.
 */
export function judgeReplayRun(scenario: Scenario, incidents: number, variants: readonly VariantSpec[], replications: number): { verdict: 'ok' | 'large' | 'refused'; reason: string } {
  try {
    for (const spec of variants.length ? variants : [{ kind: 'base' } as const]) {
      const problem = boundsProblem(resolveVariantSpec(scenario, spec).model);
      if (problem) return { verdict: 'refused', reason: problem };
    }
  } catch (err) {
    return { verdict: 'refused', reason: `The scenario cannot be run: ${err instanceof Error ? err.message : String(err)}` };
  }
  const perReplication = incidents * 4;
  return judgeRun({ perReplication, total: perReplication * Math.max(1, variants.length) * replications, biggest: `${fmt(incidents)} replayed incidents`, variants: Math.max(1, variants.length) }, replications);
}

/** 1234567 -> "1,234,567"; very large or odd values as they are ("1e+9"). */
function fmtNumber(x: number): string {
  return Number.isFinite(x) && Math.abs(x) < 1e15 ? Number(x.toPrecision(6)).toLocaleString('en') : String(x);
}

/** 1234567 -> "1.2 million"; small numbers as they are. */
function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x >= 1e9) return `${Number((x / 1e9).toPrecision(2)).toLocaleString('en')} billion`;
  if (x >= 1e6) return `${Number((x / 1e6).toPrecision(2)).toLocaleString('en')} million`;
  return Math.round(x).toLocaleString('en');
}
