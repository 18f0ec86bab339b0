/**
 * Calibration to one log in one step (what "Calibrate to this log" proposes
 * and applies as one undoable change): per service, who knows it (see
 * knowledge.ts), who responds to it, its detection (acknowledged - start,
 * in hours, from incidents in working hours) and repair time for someone who knows it fully
 * (resolved - acknowledged at the resolver's speed), both lognormal by
 * maximum likelihood, and its incident rate; and, where the log shows
 * incidents answered at night, an on-call rotation of those who answered.
 */
import type { Distribution } from '../random/distribution';
import type { Calendar, IncidentLog, Scenario, Service, Structure } from '../scenario/schema';
import { calibrate, fitLognormal, MIN_FIT } from './calibration';
import { efficiency01, inferKnowledge, repairHoursOf, resolverOf, selfResolved, type KnowledgeEstimate } from './knowledge';
import { HOUR_MS, isWorkingTime } from './replayClock';

/** Share of a service's resolutions from which a person is proposed as one of its responders (owners). */
export const OWNER_SHARE = 0.2;

export interface ServiceProposal {
  serviceId: string;
  incidents: number;
  ratePerHour: number | null;
  detection: Distribution | null;
  repair: Distribution | null;
  knowledge: KnowledgeEstimate[];
  /** Owners after (the current ones, plus those who resolved at least OWNER_SHARE of its incidents). */
  owners: string[];
}

export interface CalibrationProposal {
  logId: string;
  services: ServiceProposal[];
  /** Incidents that started outside working hours, and how many of them were acknowledged within 2 hours. */
  outOfHours: { incidents: number; answered: number };
  /** The on-call setting proposed (null: leave the structure's as it is). */
  onCall: Structure['onCall'] | null;
  /** Median extra time to acknowledge out of hours over in hours: the paging delay, hours. */
  pageHours: number | null;
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const lognormal = (values: number[]): Distribution | null => {
  const positive = values.filter((v) => v > 1e-9);
  if (positive.length < MIN_FIT) return null;
  const fit = fitLognormal(positive);
  return { kind: 'lognormal', mean: fit.mean, sigma: Math.max(0.05, fit.sigma) };
};

/** The proposal for `log` on the scenario as drawn (its services the log names). */
export function proposeCalibration(scenario: Scenario, log: IncidentLog): CalibrationProposal {
  const calendar: Calendar = scenario.calendar;
  const e0 = scenario.parameters.efficiencyAtZero;
  const ids = scenario.services.filter((s) => log.incidents.some((i) => i.service === s.id)).map((s) => s.id);
  const knowledge = inferKnowledge(log, ids, e0, calendar);
  const flap = selfResolved(log);
  const rates = calibrate(log, ids, calendar);
  const working = (inc: IncidentLog['incidents'][number]) => isWorkingTime(Date.parse(inc.start), calendar, log.timeZone);
  const ackHours = (inc: IncidentLog['incidents'][number]) => (inc.acknowledged === null ? null : (Date.parse(inc.acknowledged) - Date.parse(inc.start)) / HOUR_MS);

  const services = ids.map((serviceId, i): ServiceProposal => {
    const svc = scenario.services.find((s) => s.id === serviceId)!;
    const mine = log.incidents.filter((inc) => inc.service === serviceId);
    const known = knowledge.filter((k) => k.serviceId === serviceId);
    const kOf = new Map(known.map((k) => [k.personId, k.knowledge]));
    // Repair for someone who knows it fully: each recorded repair at its resolver's speed.
    const repair = lognormal(
      mine.filter((inc) => !flap(inc)).map((inc) => {
        const by = resolverOf(inc);
        return repairHoursOf(inc, calendar, log.timeZone) * efficiency01(e0, by === null ? 1 : (kOf.get(by) ?? 1));
      }),
    );
    // Detection from incidents in working hours (out of hours, acknowledging also waits for the page).
    const inHours = mine.filter(working).map(ackHours).filter((h): h is number => h !== null);
    const detection = lognormal(inHours.length >= MIN_FIT ? inHours : mine.map(ackHours).filter((h): h is number => h !== null));
    const resolvedTotal = known.reduce((a, k) => a + k.resolved, 0);
    const owners = [...svc.owners];
    for (const k of [...known].sort((a, b) => b.resolved - a.resolved)) {
      if (!owners.includes(k.personId) && resolvedTotal > 0 && k.resolved / resolvedTotal >= OWNER_SHARE) owners.push(k.personId);
    }
    if (owners.length === 0 && known.length > 0) owners.push([...known].sort((a, b) => b.resolved - a.resolved)[0]!.personId);
    return { serviceId, incidents: mine.length, ratePerHour: rates[i]!.ratePerHour, detection, repair, knowledge: known, owners };
  });

  const night = log.incidents.filter((inc) => !working(inc));
  const answered = night.filter((inc) => {
    const h = ackHours(inc) ?? (Date.parse(inc.resolved) - Date.parse(inc.start)) / HOUR_MS;
    return h <= 2;
  });
  const nightAck = median(night.map(ackHours).filter((h): h is number => h !== null));
  const dayAck = median(log.incidents.filter(working).map(ackHours).filter((h): h is number => h !== null));
  const pageHours = nightAck === null ? null : Math.max(0, nightAck - (dayAck ?? 0));
  let onCall: Structure['onCall'] | null = null;
  if (answered.length >= 3 && answered.length >= night.length / 2) {
    const count = new Map<string, number>();
    for (const inc of answered) {
      const by = resolverOf(inc);
      if (by && scenario.people.some((p) => p.id === by)) count.set(by, (count.get(by) ?? 0) + 1);
    }
    const rotation = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p);
    const current = scenario.structure.onCall;
    if (rotation.length > 0 && !(current.enabled && current.rotation.length > 0)) onCall = { enabled: true, rotation, shiftHours: calendar.hoursPerDay * calendar.daysPerWeek };
  }
  return { logId: log.id, services, outOfHours: { incidents: night.length, answered: answered.length }, onCall, pageHours };
}

/** A service with its part of the proposal applied (parts the log could not fit are kept as they were). */
export function applyServiceProposal(service: Service, p: ServiceProposal): Service {
  const knowledge = { ...service.knowledge };
  for (const k of p.knowledge) knowledge[k.personId] = k.knowledge;
  return {
    ...service,
    owners: p.owners,
    knowledge,
    detection: p.detection ?? service.detection,
    incidents: { ratePerHour: p.ratePerHour ?? service.incidents.ratePerHour, repairHours: p.repair ?? service.incidents.repairHours },
  };
}
