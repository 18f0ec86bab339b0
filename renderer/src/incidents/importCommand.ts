import { idFromName, type NameMapping } from '../../../simulation/replay/nameMapping';
import type { IncidentLog, Person, RecordedIncident, Scenario, Service } from '../../../simulation/scenario/schema';
import type { Command } from '../document/commands';
import { newId, newName } from '../editor/editorActions';
import { emptyIdMap, ownValue } from '../../../simulation/scenario/idMap';

/** What the user chose for a name in the log: a model id, nothing (''), or to add it to the model. */
export const ADD = '+add';
export type NameChoices = Record<string, string>;

/** Ids for the names to be added, unique among the model's and each other. */
export function addedIds(choices: NameChoices, taken: readonly string[]): Record<string, string> {
  const used = [...taken];
  const ids: Record<string, string> = emptyIdMap();
  for (const [name, choice] of Object.entries(choices)) {
    if (choice !== ADD) continue;
    ids[name] = idFromName(name, used);
    used.push(ids[name]);
  }
  return ids;
}

/** The name tables the importer reads (log name -> model id or null), with added names given their new ids. */
export function nameMapping(doc: Scenario, services: NameChoices, people: NameChoices): NameMapping {
  const resolve = (choices: NameChoices, added: Record<string, string>) => Object.fromEntries(Object.entries(choices).map(([name, c]) => [name, c === ADD ? ownValue(added, name)! : c || null]));
  return {
    services: resolve(services, addedIds(services, doc.services.map((s) => s.id))),
    people: resolve(people, addedIds(people, doc.people.map((p) => p.id))),
  };
}

/** A service added from a log: no team, no feature work, default detection and repair (calibrate it from the log). */
function importedService(id: string, name: string): Service {
  return {
    id,
    name,
    team: null,
    criticality: 'medium',
    owners: [],
    knowledge: {},
    detection: { kind: 'exponential', mean: 0.5 },
    incidents: { ratePerHour: 0, repairHours: { kind: 'lognormal', mean: 4, sigma: 0.8 } },
    work: { arrivals: { kind: 'poisson', ratePerHour: 0 }, stages: [], review: null },
  };
}

const importedPerson = (id: string, name: string, team: string | null): Person => ({ id, name, team, skills: {}, absences: [], departureAt: null, availability: 1 });

/**
 * The import as one undoable step: the services and people to add, then
 * the log itself (named, with a fresh id).
 */
export function importCommand(doc: Scenario, incidents: RecordedIncident[], services: NameChoices, people: NameChoices, name: string, source: string): { command: Command; log: IncidentLog } {
  const svcIds = addedIds(services, doc.services.map((s) => s.id));
  const personIds = addedIds(people, doc.people.map((p) => p.id));
  // Frozen, so the document store's immer takes the log as it is rather than walking 100,000 incidents to freeze them.
  const log: IncidentLog = Object.freeze({ id: newId('log', doc.incidentLogs.map((l) => l.id)), name: newName(name.trim() || 'Incident log', doc.incidentLogs.map((l) => l.name)), source: source.slice(0, 200), incidents });
  const commands: Command[] = [
    ...Object.entries(svcIds).map(([n, id]): Command => ({ type: 'service.add', variant: null, service: importedService(id, n.slice(0, 200)) })),
    ...Object.entries(personIds).map(([n, id]): Command => ({ type: 'person.add', variant: null, person: importedPerson(id, n.slice(0, 200), doc.teams[0]?.id ?? null) })),
    { type: 'incidentLog.add', log },
  ];
  return { command: { type: 'batch', label: 'import incident log', commands }, log };
}
