/**
 * Real times are kept (issue 15, item 1): the scenario's calendar is a
 * property of people's availability, so changing it re-dates neither the
 * imported incidents nor planned absences; format 2 files (working hours)
 * open with the dates they showed; "Add X to the model" brings the
 * knowledge the log shows; bad acknowledgements can be dropped instead of
 * the row (item 6).
 */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../renderer/src/document/commands';
import { ADD, importCommand } from '../../../../renderer/src/incidents/importCommand';
import { suggestMapping } from '../../../../simulation/replay/columnMapping';
import { fixKey, importRows } from '../../../../simulation/replay/importLog';
import { workingHoursToDate } from '../../../../simulation/replay/workingTime';
import { readSourceTable } from '../../../../simulation/replay/sourceTable';
import { migrate } from '../../../../simulation/scenario/migrations';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';
import { incident, logOf } from './logAt';
import { service, tinyTeam } from './tinyTeam';

const log = logOf([incident('1', 'api', 27, 27.2, 28.5, ['ann'])], 'Europe/Berlin');
const withLeave = (): Scenario => {
  const s = tinyTeam(['ann', 'bob'], [service('api', ['ann'], ['ann'])], log);
  // Ann away Wednesday 7 to Friday 9 January 2026 (working hours 16 to 40 from Monday 5 January).
  return { ...s, people: s.people.map((p) => (p.id === 'ann' ? { ...p, absences: [{ start: 16, end: 40, reason: 'vacation' as const }], departureAt: 80 } : p)) };
};
const dates = (s: Scenario) => {
  const ann = s.people.find((p) => p.id === 'ann')!;
  return { absence: ann.absences.map((a) => [workingHoursToDate(a.start, s.calendar).date, workingHoursToDate(a.end - 1e-7, s.calendar).date]), departure: workingHoursToDate(ann.departureAt!, s.calendar).date };
};

describe('changing the calendar', () => {
  // (Working weeks begin on the first day: these calendars keep 7-9 and 19 January working days.)
  it.each([{ startDate: '2025-12-29' }, { startDate: '2025-12-01', hoursPerDay: 6 }, { hoursPerDay: 7.5, dayStartHour: 8 }, { daysPerWeek: 6 }])('%o leaves incident instants and the dates of planned absences and departures as they were', (patch) => {
    const before = withLeave();
    const after = produce(before, (d) => applyCommand(d, { type: 'calendar.update', patch }));
    expect(after.incidentLogs).toEqual(before.incidentLogs);
    expect(dates(after)).toEqual(dates(before));
    expect(dates(before)).toEqual({ absence: [['2026-01-07', '2026-01-09']], departure: '2026-01-19' });
  });

  it('drops an absence that ends before the new first day (it is before the scenario)', () => {
    const after = produce(withLeave(), (d) => applyCommand(d, { type: 'calendar.update', patch: { startDate: '2026-01-12' } }));
    expect(after.people.find((p) => p.id === 'ann')!.absences).toEqual([]);
  });
});

describe('a format 2 file', () => {
  it('opens with each incident at the date and working-day time it showed (read as UTC)', () => {
    const doc = {
      formatVersion: 2,
      calendar: { startDate: '2026-03-02', hoursPerDay: 7.5, daysPerWeek: 5, weeksPerYear: 46 },
      incidentLogs: [{ id: 'q1', name: 'Q1', incidents: [{ id: 'a', service: 'x', start: 12.5, acknowledged: 12.75, resolved: 15, responders: [], title: '' }] }],
    };
    const { doc: migrated } = migrate(doc, 3);
    const inc = (migrated.incidentLogs as { timeZone: string; incidents: Record<string, unknown>[] }[])[0]!;
    // Working hour 12.5: Tuesday 3 March, 5 h into a day from 09:00.
    expect(inc).toMatchObject({ timeZone: 'UTC', incidents: [{ start: '2026-03-03T14:00:00Z', acknowledged: '2026-03-03T14:15:00Z', resolved: '2026-03-04T09:00:00Z' }] });
    expect(migrated.formatVersion).toBe(3);
  });
});

describe('"Add to the model" from a log', () => {
  it('adds the person with the knowledge the log shows of the services they resolved, and a service owned by its main resolver', () => {
    const doc = tinyTeam(['ann'], [service('api', ['ann'], ['ann'])], null);
    const incidents = [incident('1', 'api', 10, 10.1, 11, ['ann'], 'ann'), incident('2', 'api', 34, 34.1, 35, ['zoe'], 'zoe'), incident('3', 'billing', 58, 58.1, 59, ['zoe'], 'zoe')];
    const { command } = importCommand(doc, incidents, { api: 'api', Billing: ADD }, { Ann: 'ann', Zoe: ADD }, 'PD', 'pd.csv', { timeZone: 'UTC', provenance: null });
    // The importer mapped the new names to the ids importCommand gives them.
    const next = produce(doc, (d) => applyCommand(d, command));
    const billing = next.services.find((s) => s.name === 'Billing')!;
    const zoe = next.people.find((p) => p.name === 'Zoe')!;
    expect(zoe).toBeDefined();
    expect(incidents.some((i) => i.resolvedBy === zoe.id)).toBe(true);
    expect(billing.knowledge[zoe.id]).toBe(1);
    expect(billing.owners).toEqual([zoe.id]);
    // Zoe repaired the API as fast as Ann: she knows it too.
    expect(next.services.find((s) => s.id === 'api')!.knowledge[zoe.id]).toBe(1);
    expect(next.incidentLogs[0]).toMatchObject({ timeZone: 'UTC' });
  });
});

describe('an acknowledgement after the resolution', () => {
  const CSV = `incident_number,service_name,created_on,resolved_on,acknowledged_on
1,API,2026-01-06T10:00:00Z,2026-01-06T11:00:00Z,2026-01-06T12:00:00Z
2,API,2026-01-06T13:00:00Z,2026-01-06T14:00:00Z,2026-01-06T13:10:00Z
`;
  const table = readSourceTable(CSV, 'pd.csv');
  const { mapping } = suggestMapping(table, 'UTC');
  const names = { services: { API: 'api' }, people: {} };

  it('skips the row by default, with the reason', () => {
    const r = importRows(table, { mapping, names });
    expect(r.skippedBy).toEqual({ 'acknowledged outside the incident': 1 });
  });

  it('imports it without the acknowledgement, in bulk or for one row, and counts it', () => {
    const bulk = importRows(table, { mapping, names, dropBadAcknowledgements: true });
    expect(bulk.incidents.map((i) => [i.id, i.acknowledged])).toEqual([
      ['1', null],
      ['2', '2026-01-06T13:10:00Z'],
    ]);
    expect(bulk.acknowledgementsDropped).toBe(1);
    const one = importRows(table, { mapping, names, fixes: { [fixKey(2, 'acknowledged_on')]: '' } });
    expect(one.incidents.map((i) => i.id)).toEqual(['1', '2']);
    expect(one.incidents[0]!.acknowledged).toBeNull();
    expect(one.fixed).toBe(1);
  });
});

it('the schema refuses an incident time that is not a UTC instant, saying where', () => {
  const bad = { ...tinyTeam(['ann'], [service('api', ['ann'], ['ann'])], logOf([{ ...incident('1', 'api', 1, null, 2), start: '2026-01-05 10:00' }])), formatVersion: 3 };
  const r = scenarioSchema.safeParse(bad);
  expect(r.success).toBe(false);
  expect(r.error!.issues[0]).toMatchObject({ path: ['incidentLogs', 0, 'incidents', 0, 'start'], message: 'time must be a UTC time like 2026-03-02T07:01:00Z' });
});
