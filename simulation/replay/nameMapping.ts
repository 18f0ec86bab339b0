/**
 * Matching the names a log uses for services and people to the model's ids:
 * first by name or id, ignoring case and spacing ("prediction API" is
 * "Prediction API", "Dana" is the person with id "dana"), then by the user's
 * own table for the rest.
 */

/** Log name -> model id; `null`: not mapped (a service's rows are skipped, a person is left out of the responders). */
export type NameTable = Record<string, string | null>;
import { emptyIdMap } from '../scenario/idMap';

export interface NameMapping {
  services: NameTable;
  people: NameTable;
}

/** Lower case, runs of spaces, underscores and dashes as one space, trimmed. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/** The model id a log name matches by name or id, or null. */
export function matchName(name: string, entities: readonly { id: string; name: string }[]): string | null {
  const n = normaliseName(name);
  if (n === '') return null;
  return entities.find((e) => normaliseName(e.name) === n)?.id ?? entities.find((e) => normaliseName(e.id) === n)?.id ?? null;
}

/** Every name matched automatically; names that match nothing map to null for the user to decide. */
export function autoMatch(names: readonly string[], entities: readonly { id: string; name: string }[]): NameTable {
  const table: NameTable = emptyIdMap();
  for (const name of names) table[name] = matchName(name, entities);
  return table;
}

/** A cell of names ("Dana, Mel" or "Dana; Mel") as a list, without blanks or repeats. */
export function splitNames(cell: string): string[] {
  return [...new Set(cell.split(/[,;]/).map((s) => s.trim()).filter((s) => s !== ''))];
}

/** An id for a new service or person named `name`, not among `taken` ("Billing API" -> "billing-api", then "billing-api-2"). */
export function idFromName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'imported';
  let id = base;
  for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
  return id;
}
