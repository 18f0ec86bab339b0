import { inferKnowledge } from '../../../simulation/replay/knowledge';
import { idFromName, type NameMapping } from '../../../simulation/replay/nameMapping';
import type { IncidentLog, Person, RecordedIncident, Scenario, Service } from '../../../simulation/scenario/schema';
import { produce } from 'immer';
import { MAX_TEXT_BYTES, utf8Bytes } from '../../../electron/api/contract';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { applyCommand, type Command } from '../document/commands';
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
 * the log itself (named, with a fresh id). What the log says about people
 * added to the model comes with them: their knowledge of each service they
 * resolved or were named on (see knowledge.ts), and an added service is owned
 * by whoever resolved most of its incidents.
 */
export function importCommand(
  doc: Scenario,
  incidents: RecordedIncident[],
  services: NameChoices,
  people: NameChoices,
  name: string,
  source: string,
  extra: Pick<IncidentLog, 'timeZone' | 'provenance' | 'origin'> = { timeZone: 'UTC', provenance: null },
): { command: Command; log: IncidentLog } {
  const svcIds = addedIds(services, doc.services.map((s) => s.id));
  const personIds = addedIds(people, doc.people.map((p) => p.id));
  // Frozen, so the document store's immer takes the log as it is rather than walking 100,000 incidents to freeze them.
  const log: IncidentLog = Object.freeze({
    id: newId('log', doc.incidentLogs.map((l) => l.id)),
    name: newName(name.trim() || 'Incident log', doc.incidentLogs.map((l) => l.name)),
    source: source.slice(0, 200),
    timeZone: extra.timeZone,
    provenance: extra.provenance,
    ...(extra.origin ? { origin: extra.origin } : {}),
    incidents,
  });
  const addedPeople = new Set(Object.values(personIds));
  const addedServices = new Set(Object.values(svcIds));
  const allServices = [...doc.services.map((s) => s.id), ...addedServices];
  const known = inferKnowledge(log, allServices, doc.parameters.efficiencyAtZero, doc.calendar).filter((k) => addedPeople.has(k.personId) || addedServices.has(k.serviceId));
  const knowledgeOf = (serviceId: string) => Object.fromEntries(known.filter((k) => k.serviceId === serviceId).map((k) => [k.personId, k.knowledge]));
  const topResolver = (serviceId: string) => [...known.filter((k) => k.serviceId === serviceId)].sort((a, b) => b.resolved - a.resolved)[0]?.personId;
  const commands: Command[] = [
    ...Object.entries(svcIds).map(([n, id]): Command => {
      const top = topResolver(id);
      return { type: 'service.add', variant: null, service: { ...importedService(id, n.slice(0, 200)), knowledge: knowledgeOf(id), owners: top ? [top] : [] } };
    }),
    ...Object.entries(personIds).map(([n, id]): Command => ({ type: 'person.add', variant: null, person: importedPerson(id, n.slice(0, 200), doc.teams[0]?.id ?? null) })),
    // Existing services: the added people's knowledge of them.
    ...doc.services.flatMap((svc) =>
      Object.entries(knowledgeOf(svc.id)).map(([personId, level]): Command => ({ type: 'knowledge.set', variant: null, personId, serviceId: svc.id, level })),
    ),
    { type: 'incidentLog.add', log },
  ];
  return { command: { type: 'batch', label: 'import incident log', commands }, log };
}

/**
 * Why the scenario with this import applied could not be saved: its file
 * would pass the MAX_TEXT_BYTES a host writes and opens again (several long
 * logs, or one with long titles). Null when it fits. The frozen log's text is
 * reused, so this costs one string of the file's size.
 */
export function tooLargeToSave(doc: Scenario, command: Command): string | null {
  const bytes = utf8Bytes(serializeScenario(produce(doc, (draft) => applyCommand(draft, command))));
  if (bytes <= MAX_TEXT_BYTES) return null;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `With this log the scenario file would be ${mb(bytes)}, and a scenario file may be at most ${mb(MAX_TEXT_BYTES)}, so it could not be saved. Import a shorter period, or remove another incident log first.`;
}
