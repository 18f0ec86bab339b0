import type { Calendar, IncidentLog, Person } from '../scenario/schema';
import { workingHourToInstant } from './replayClock';

/** What was going on at one moment of a log: the incidents open, who was working on one, and who was away. */
export interface Moment {
  open: { index: number; id: string; title: string; service: string; since: number }[];
  busy: { person: string; incidents: string[] }[];
  away: { person: string; until: number }[];
}

/**
 * The state of the log at instant `t` (ms, UTC): incidents started and not
 * yet resolved (start <= t < resolved, `since` an instant), their
 * responders as busy people, and the people with a planned absence covering
 * `t` (who are not counted busy; `until` an instant). Absences are read on
 * the scenario's calendar in the log's time zone.
 */
export function momentAt(log: IncidentLog, people: readonly Person[], t: number, calendar: Calendar): Moment {
  const at = (h: number) => workingHourToInstant(h, calendar, log.timeZone);
  const away = people.flatMap((p) => p.absences.filter((a) => at(a.start) <= t && t < at(a.end)).map((a) => ({ person: p.id, until: at(a.end) })));
  const gone = new Set(away.map((a) => a.person));
  const open: Moment['open'] = [];
  const busy = new Map<string, string[]>();
  log.incidents.forEach((inc, index) => {
    const start = Date.parse(inc.start);
    if (start <= t && t < Date.parse(inc.resolved)) {
      open.push({ index, id: inc.id, title: inc.title, service: inc.service, since: start });
      // A responder away now joined it later (or earlier): they are not busy on it at this moment.
      for (const p of inc.responders) if (!gone.has(p)) busy.set(p, [...(busy.get(p) ?? []), inc.id]);
    }
  });
  return { open, busy: [...busy].map(([person, incidents]) => ({ person, incidents })), away };
}

/** The people a log names as responders, in the model's order. */
export function peopleInvolved(log: IncidentLog, people: readonly Person[]): Person[] {
  const named = new Set(log.incidents.flatMap((i) => i.responders));
  return people.filter((p) => named.has(p.id));
}
