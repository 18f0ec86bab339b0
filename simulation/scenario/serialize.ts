import type { Distribution } from '../random/distribution';
import { z } from 'zod';
import { incidentLogSchema, recordedIncidentSchema, scenarioSchema, type IncidentLog, type RecordedIncident, type Scenario } from './schema';

/** Keys whose value is a distribution: stage, review and absence hours, detection, repair and hiring delay. */
const DISTRIBUTION_KEYS = new Set(['hours', 'detection', 'repairHours', 'hireDelayHours']);

/** The fields of each kind of distribution, in the order they are written. */
const DISTRIBUTION_FIELDS: Record<Distribution['kind'], readonly string[]> = {
  exponential: ['mean'],
  lognormal: ['mean', 'sigma'],
  uniform: ['min', 'max'],
  triangular: ['min', 'mode', 'max'],
  empirical: ['values'],
  constant: ['value'],
};

/**
 * A distribution with `kind` first and then its own fields in a fixed order.
 * The schema checks distributions but returns them as read, so without this
 * the file's key order (and any unknown keys) would be written back as found.
 */
function canonicalDistribution(value: Record<string, unknown>): Record<string, unknown> | null {
  const kind = value.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(DISTRIBUTION_FIELDS, kind)) return null;
  return Object.fromEntries([['kind', kind], ...DISTRIBUTION_FIELDS[kind as Distribution['kind']].map((field) => [field, value[field]])]);
}

/** Maps whose keys are ids: skill levels, knowledge, and the editor's node positions (`person:<id>`). */
const ID_MAPS = new Set(['skills', 'knowledge', 'positions']);

/** Id maps sorted, so the file does not churn when edited (positions, for one, are added in the order nodes are first dragged). */
function sortIdMaps(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => sortIdMaps(v));
  if (value === null || typeof value !== 'object') return value;
  if (DISTRIBUTION_KEYS.has(key)) {
    const distribution = canonicalDistribution(value as Record<string, unknown>);
    if (distribution) return distribution;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const isIdMap = ID_MAPS.has(key);
  if (isIdMap) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortIdMaps(v, isIdMap ? '' : k)]));
}

/**
 * The text of a scenario file: the schema's key order (formatVersion first),
 * id-keyed maps sorted, distributions as `kind` then their own fields, two-space
 * indentation and a final newline, so that saving the same scenario twice
 * gives the same bytes and a change shows as a small diff in version control.
 *
 * Sorted maps are plain objects, so (as everywhere in JavaScript) ids that are
 * whole numbers such as "7" or "10" come first, in numeric order, before the
 * others, which are in code-unit order. The order is still fixed.
 */
export function serializeScenario(scenario: Scenario): string {
  // `skills` is also the name of the scenario's list of skills; only objects are sorted, so lists keep their order.
  const logs = scenario.incidentLogs ?? [];
  if (logs.length === 0) return JSON.stringify(sortIdMaps(scenarioSchema.parse(scenario)), null, 2) + '\n';
  // Incident logs can hold 100,000 incidents that never change once imported: their text is made once and
  // reused (see incidentsText), placed exactly where JSON.stringify would put it.
  const rest = JSON.stringify(sortIdMaps(scenarioSchema.parse({ ...scenario, incidentLogs: [] })), null, 2);
  const last = !rest.includes('\n  "incidentLogs": [],\n');
  const empty = last ? '\n  "incidentLogs": []\n' : '\n  "incidentLogs": [],\n';
  const at = rest.indexOf(empty);
  if (at < 0) throw new Error('serializeScenario: incidentLogs is not where it was expected');
  const texts = logs.map(logText).join(',\n');
  return `${rest.slice(0, at)}\n  "incidentLogs": [\n${texts}\n  ]${last ? '' : ','}\n${rest.slice(at + empty.length)}\n`;
}

/** A log as it sits in the file: an element of the top-level `incidentLogs` list (indented 4). */
function logText(log: IncidentLog): string {
  const head = JSON.stringify(sortIdMaps(incidentLogSchema.parse({ ...log, incidents: [] })), null, 2);
  const empty = '\n  "incidents": []\n}';
  if (!head.endsWith(empty)) throw new Error('serializeScenario: a log\'s incidents are not where they were expected');
  const indented = head
    .slice(0, -empty.length)
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  return `${indented}\n      "incidents": ${incidentsText(log.incidents)}\n    }`;
}

/**
 * Text of a log's incidents, reused: a log can hold 100,000 incidents and
 * they never change once imported (the document freezes them). Only a frozen
 * list is remembered, as only it is known not to change in place.
 */
const incidentTexts = new WeakMap<readonly RecordedIncident[], string>();

function incidentsText(incidents: readonly RecordedIncident[]): string {
  let text = incidentTexts.get(incidents);
  if (text === undefined) {
    text = serializeIncidents(incidents);
    rememberIncidentsText(incidents, text);
  }
  return text;
}

/**
 * A log's incidents as they are written in a scenario file (the list after
 * `"incidents": `, indented as a field of a log in `incidentLogs`); a worker
 * that made the incidents can make this text too, so that the page does not
 * have to ({@link rememberIncidentsText}).
 */
export function serializeIncidents(incidents: readonly RecordedIncident[]): string {
  return JSON.stringify(sortIdMaps(z.array(recordedIncidentSchema).parse(incidents), 'incidents'), null, 2)
    .split('\n')
    .map((line, i) => (i === 0 ? line : `      ${line}`))
    .join('\n');
}

/** Uses `text` ({@link serializeIncidents} of these same incidents) when a log holding this frozen list is written. */
export function rememberIncidentsText(incidents: readonly RecordedIncident[], text: string): void {
  if (Object.isFrozen(incidents)) incidentTexts.set(incidents, text);
}
