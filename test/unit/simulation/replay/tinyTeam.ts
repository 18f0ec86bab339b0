import { emptyScenario } from '../../../../simulation/scenario/defaults';
import type { IncidentLog, Person, Scenario, Service } from '../../../../simulation/scenario/schema';
import { OFFICE } from './logAt';

export const person = (id: string): Person => ({ id, name: id.toUpperCase(), team: null, skills: {}, absences: [], departureAt: null, availability: 1 });

/** A service with constant detection and repair (for exact times), owned by `owners`, known fully by `knowers`. */
export function service(id: string, owners: string[], knowers: string[], repairHours = 1, detectHours = 0.1): Service {
  return {
    id,
    name: id,
    team: null,
    criticality: 'high',
    owners,
    knowledge: Object.fromEntries(knowers.map((k) => [k, 1])),
    detection: { kind: 'constant', value: detectHours },
    incidents: { ratePerHour: 0, repairHours: { kind: 'constant', value: repairHours } },
    work: { arrivals: { kind: 'poisson', ratePerHour: 0 }, stages: [], review: null },
  };
}

/** A team of `people` on an office calendar (09:00-17:00 Monday to Friday), walled, with `services` and the log. */
export function tinyTeam(people: string[], services: Service[], log: IncidentLog | null, onCall: string[] = []): Scenario {
  const s = emptyScenario('Tiny team');
  return {
    ...s,
    calendar: OFFICE,
    people: people.map(person),
    services,
    structure: { ...s.structure, onCall: { enabled: onCall.length > 0, rotation: onCall, shiftHours: 40 } },
    incidentLogs: log ? [log] : [],
  };
}
