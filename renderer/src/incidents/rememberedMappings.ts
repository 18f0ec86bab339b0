import type { ColumnMapping } from '../../../simulation/replay/columnMapping';
import type { NameChoices } from './importCommand';

/** What an import remembers about its source, so the next export of it imports in two clicks. */
export interface RememberedMapping {
  mapping: ColumnMapping;
  services: NameChoices;
  people: NameChoices;
  /** When it was saved (ms), to keep the most recent. */
  savedAt: number;
}

const KEY = 'handoff.incidentMappings';
/** Sources remembered at most (the oldest are forgotten). */
export const REMEMBERED = 20;

/** A source is known by its columns (an export of the same report next month has the same ones), in any order. */
export const sourceSignature = (columns: readonly string[]): string => [...columns].map((c) => c.trim().toLowerCase()).sort().join('\u0001');

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function readAll(storage: Store): Record<string, RememberedMapping> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, RememberedMapping>) : {};
  } catch {
    return {};
  }
}

/** The mapping remembered for a source with these columns, if any (only column names that still exist are kept). */
export function recallMapping(columns: readonly string[], storage: Store): RememberedMapping | null {
  const found = readAll(storage)[sourceSignature(columns)];
  if (!found) return null;
  const has = (c: string | null | undefined) => (c && columns.includes(c) ? c : null);
  const m = found.mapping;
  return {
    ...found,
    mapping: {
      ...m,
      id: has(m.id),
      title: has(m.title),
      service: has(m.service),
      start: has(m.start),
      acknowledged: has(m.acknowledged),
      acknowledgedSeconds: has(m.acknowledgedSeconds),
      resolved: has(m.resolved),
      resolvedSeconds: has(m.resolvedSeconds),
      responders: m.responders.filter((c) => columns.includes(c)),
      resolvedBy: has(m.resolvedBy),
      urgency: has(m.urgency),
      escalations: has(m.escalations),
      reassignments: has(m.reassignments),
    },
  };
}

/** Remembers the mapping and names used for a source (the most recent {@link REMEMBERED} sources). */
export function rememberMapping(columns: readonly string[], remembered: Omit<RememberedMapping, 'savedAt'>, now: number, storage: Store): void {
  const all = { ...readAll(storage), [sourceSignature(columns)]: { ...remembered, savedAt: now } };
  const kept = Object.entries(all)
    .sort((a, b) => b[1].savedAt - a[1].savedAt)
    .slice(0, REMEMBERED);
  try {
    storage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Storage full or refused: the next import asks again, nothing else is lost.
  }
}

/**
 * Recalled name choices against the model as it is now: a name added to the
 * model last time is now in it (mapped to it, not added twice); a choice of
 * an id no longer in the model is dropped (asked again).
 */
export function resolveChoices(choices: NameChoices, entities: readonly { id: string; name: string }[], add: string): NameChoices {
  const out: NameChoices = {};
  for (const [name, choice] of Object.entries(choices)) {
    if (choice === add) out[name] = entities.find((e) => e.name === name.slice(0, 200))?.id ?? add;
    else if (choice === '' || entities.some((e) => e.id === choice)) out[name] = choice;
  }
  return out;
}
