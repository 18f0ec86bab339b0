import { scenarioSchema, type Scenario } from './schema';

/** Maps whose keys are ids (skill levels, knowledge): sorted, so the file does not churn when edited. */
function sortIdMaps(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => sortIdMaps(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const isIdMap = key === 'skills' || key === 'knowledge';
  if (isIdMap) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortIdMaps(v, isIdMap ? '' : k)]));
}

/**
 * The text of a scenario file: the schema's key order (formatVersion first),
 * id-keyed maps sorted, two-space indentation and a final newline, so that
 * saving the same scenario twice gives the same bytes and a change shows as
 * a small diff in version control.
 */
export function serializeScenario(scenario: Scenario): string {
  // `skills` is also the name of the scenario's list of skills; only objects are sorted, so lists keep their order.
  return JSON.stringify(sortIdMaps(scenarioSchema.parse(scenario)), null, 2) + '\n';
}
