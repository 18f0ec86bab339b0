/**
 * Who knows which service, inferred from an incident log: who resolved its
 * incidents, and how fast. The engine's repair speed is linear in knowledge,
 * efficiency = e0 + (1 - e0) k (e0: speed at knowledge 0), so a person whose
 * repairs of a service take on average (in logs) longer than its fastest
 * regular resolver's by a factor f has efficiency 1 / f relative to them,
 * and knowledge (1 / f - e0) / (1 - e0). The fastest regular resolver is
 * taken to know the service fully.
 */
import type { Calendar, IncidentLog, RecordedIncident } from '../scenario/schema';
import { onDutyHours } from './onDuty';
import { HOUR_MS } from './replayClock';

/** Repair speed at knowledge `k` (clamped to 0..1), as the engine computes it. */
export const efficiency01 = (e0: number, k: number): number => e0 + (1 - e0) * Math.min(1, Math.max(0, k));

/** Fewest resolved incidents for a person to be the reference (knows the service fully). */
export const MIN_REFERENCE = 3;

/** Least knowledge given to someone who resolved, or was assigned to, an incident of a service. */
export const KNOWLEDGE_FLOOR = 0.2;

export interface KnowledgeEstimate {
  serviceId: string;
  personId: string;
  /** Incidents of the service they resolved. */
  resolved: number;
  /** Incidents of the service they are named on (assigned, escalated to, resolved). */
  involved: number;
  knowledge: number;
  /** 'speed': from their repair times; 'named': on incidents but none with a repair time, given the floor. */
  basis: 'speed' | 'named';
}

/**
 * Repair time of an incident, hours: acknowledged (else start) to resolved,
 * as work (see onDuty.ts) when the calendar and time zone are given, else
 * elapsed.
 */
export function repairHoursOf(inc: RecordedIncident, calendar?: Calendar, timeZone = 'UTC'): number {
  const from = Date.parse(inc.acknowledged ?? inc.start);
  const to = Date.parse(inc.resolved);
  return calendar ? onDutyHours(from, to, calendar, timeZone) : (to - from) / HOUR_MS;
}

/**
 * Which incidents resolved themselves: in a log that records who
 * acknowledged and who resolved its incidents, one with neither (PagerDuty's
 * auto-resolved monitor flaps). No structure changes how long those last,
 * and replaying them as a person's repair would add hours nobody spent.
 */
export function selfResolved(log: Pick<IncidentLog, 'incidents'>): (inc: RecordedIncident) => boolean {
  const recordsBoth = log.incidents.some((i) => i.acknowledged !== null) && log.incidents.some((i) => i.resolvedBy !== null);
  return (inc) => recordsBoth && inc.acknowledged === null && inc.resolvedBy === null;
}

/**
 * Who restored an incident: its recorded resolver; else, if someone
 * acknowledged it, its first responder; else nobody (it resolved itself,
 * as PagerDuty's auto-resolved monitor flaps do, and is no evidence of
 * anyone's speed on the service).
 */
export function resolverOf(inc: Pick<RecordedIncident, 'resolvedBy' | 'responders' | 'acknowledged'>): string | null {
  return inc.resolvedBy ?? (inc.acknowledged !== null ? (inc.responders[0] ?? null) : null);
}

/**
 * Each person's knowledge of each service the log names them on (see the
 * module's note): resolvers by their speed (at least {@link KNOWLEDGE_FLOOR}:
 * they did restore it), people only named on incidents at the floor.
 * Incidents without a resolver count for their first responder if it was acknowledged (see {@link resolverOf}). Results are
 * in the order of `serviceIds`, then of first appearance in the log.
 */
export function inferKnowledge(log: Pick<IncidentLog, 'incidents' | 'timeZone'>, serviceIds: readonly string[], efficiencyAtZero: number, calendar?: Calendar): KnowledgeEstimate[] {
  const out: KnowledgeEstimate[] = [];
  for (const serviceId of serviceIds) {
    const logs = new Map<string, number[]>();
    const involved = new Map<string, number>();
    for (const inc of log.incidents) {
      if (inc.service !== serviceId) continue;
      for (const p of inc.responders) involved.set(p, (involved.get(p) ?? 0) + 1);
      const by = resolverOf(inc);
      if (by === null) continue;
      if (!involved.has(by)) involved.set(by, 1);
      const h = repairHoursOf(inc, calendar, log.timeZone);
      if (h > 0) logs.set(by, [...(logs.get(by) ?? []), Math.log(h)]);
    }
    const meanLog = new Map([...logs].map(([p, v]) => [p, v.reduce((a, b) => a + b, 0) / v.length]));
    const regular = [...logs].filter(([, v]) => v.length >= MIN_REFERENCE).map(([p]) => p);
    const candidates = regular.length > 0 ? regular : [...logs.keys()];
    let reference = Infinity;
    for (const p of candidates) reference = Math.min(reference, meanLog.get(p)!);
    for (const [personId, n] of involved) {
      const m = meanLog.get(personId);
      const resolved = logs.get(personId)?.length ?? 0;
      if (m === undefined) {
        out.push({ serviceId, personId, resolved, involved: n, knowledge: KNOWLEDGE_FLOOR, basis: 'named' });
        continue;
      }
      const eff = Math.min(1, Math.exp(reference - m));
      const k = (eff - efficiencyAtZero) / (1 - efficiencyAtZero);
      out.push({ serviceId, personId, resolved, involved: n, knowledge: round2(Math.min(1, Math.max(KNOWLEDGE_FLOOR, k))), basis: 'speed' });
    }
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
