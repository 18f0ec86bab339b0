/**
 * Reading an id map (a person's `skills`, a service's `knowledge`): the
 * value stored under `id`, or undefined. Ids are user-chosen and may be
 * names every JavaScript object answers to (`constructor`, `toString`,
 * `hasOwnProperty`, `valueOf`): `map[id]` would give Object.prototype's
 * function for those when the map has no such entry, so only the map's own
 * entries are read.
 */
export function levelOf(map: Readonly<Record<string, number>>, id: string): number | undefined {
  return Object.hasOwn(map, id) ? map[id] : undefined;
}

/** As {@link levelOf}, for any map keyed by ids or by names from a file (an incident log's service names). */
export function ownValue<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** An empty map for ids or names as keys: no prototype, so `__proto__` or `constructor` is a key like any other. */
export function emptyIdMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
