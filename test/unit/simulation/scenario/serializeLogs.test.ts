import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { scenarioSchema, type IncidentLog, type Scenario } from '../../../../simulation/scenario/schema';
import { serializeScenario } from '../../../../simulation/scenario/serialize';

const base = scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());
const at = (h: number) => new Date(Date.UTC(2026, 0, 5) + h * 3_600_000).toISOString().replace('.000Z', 'Z');
const i0 = (n: number): IncidentLog['provenance'] => (n % 2 ? null : { rowsRead: n + 2, skipped: 2, fixed: 1, acknowledgementsDropped: 0, unmappedPeople: [{ name: 'Alex Kim', rows: 1 }] });
const log = (id: string, n: number): IncidentLog => ({
  id,
  name: `Log ${id}`,
  source: 'test, "quoted"\nline',
  timeZone: 'Europe/Berlin',
  provenance: i0(n),
  incidents: Array.from({ length: n }, (_, i) => ({
    id: `#${i}`,
    service: base.services[i % 3]!.id,
    start: at(i * 3.5),
    acknowledged: i % 2 ? null : at(i * 3.5 + 0.25),
    resolved: at(i * 3.5 + 2),
    responders: i % 3 ? ['mel'] : [],
    resolvedBy: i % 3 ? 'mel' : null,
    urgency: i % 2 ? 'high' : '',
    escalations: i % 4,
    reassignments: 0,
    title: `Incident ${i} </script>`,
  })),
});
const deepFreeze = <T>(x: T): T => {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
};

describe('serializing incident logs', () => {
  it('writes logs as plain JSON.stringify would, frozen (cached) or not, and reads back the same scenario', () => {
    const scenario: Scenario = { ...base, incidentLogs: [log('a', 50), log('b', 0), log('c', 7)] };
    const plain = serializeScenario(structuredClone(scenario));
    expect(plain).toBe(JSON.stringify(JSON.parse(plain), null, 2) + '\n');
    const frozen = deepFreeze(structuredClone(scenario));
    expect(serializeScenario(frozen)).toBe(plain);
    // Again from the cache, with the rest of the document edited.
    expect(serializeScenario({ ...frozen, name: 'Renamed' })).toBe(plain.replace('"name": "Walled data team"', '"name": "Renamed"'));
    const reopened = parseScenarioFile(plain, 'x.handoff.json');
    expect(reopened.ok && reopened.scenario).toEqual(scenarioSchema.parse(scenario));
  });

  it('writes no log as an empty list', () => {
    expect(serializeScenario(base)).toContain('\n  "incidentLogs": [],\n');
  });
});
