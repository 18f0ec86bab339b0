import { describe, expect, it } from 'vitest';
import { suggestMapping, type ColumnMapping } from '../../../../simulation/replay/columnMapping';
import { fixKey, importRows, logNames } from '../../../../simulation/replay/importLog';
import { autoMatch, idFromName, matchName, splitNames } from '../../../../simulation/replay/nameMapping';
import { readSourceTable, SourceError } from '../../../../simulation/replay/sourceTable';
const services = [
  { id: 'recommendations', name: 'Recommendation service' },
  { id: 'prediction-api', name: 'Prediction API' },
];
const people = [
  { id: 'dana', name: 'Dana (data scientist)' },
  { id: 'mel', name: 'Mel (ML engineer)' },
];

/** As PagerDuty's Incidents report downloads it: Berlin offsets, quoted commas, empty cells, and one of each bad row. */
const PAGERDUTY = `incident_number,id,description,service_id,service_name,urgency,created_on,resolved_on,seconds_to_first_ack,seconds_to_resolve,escalation_count,reassignment_count,assigned_to_user_names,resolved_by_user_name
1001,QA1,"Latency high, p99 > 2s",P1,Prediction API,high,2026-03-27T14:00:00+01:00,2026-03-27T16:30:00+01:00,600,9000,0,0,"Mel, Dana",Mel
1002,QA2,Stale recommendations,P2,recommendation  SERVICE,low,2026-03-30T09:30:00+02:00,,,5400,1,0,Mel,
1003,QA3,"Model server restarting, ""OOM""",P1,prediction-api (prod),high,2026-03-31T10:00:00+02:00,2026-03-31T11:00:00+02:00,120,3600,0,0,Mel,Mel
1004,QA4,Still open,P1,Prediction API,high,2026-04-01T10:00:00+02:00,,,,0,0,Mel,
1005,QA5,Clock skew,P1,Prediction API,high,2026-04-01T12:00:00+02:00,2026-04-01T11:00:00+02:00,60,-3600,0,0,Mel,Mel
1006,QA6,Ack unreadable,P1,Prediction API,high,2026-04-02T12:00:00+02:00,2026-04-02T13:00:00+02:00,n/a,3600,0,0,Mel,Mel
1007,QA7,No date,P1,Prediction API,high,,2026-04-02T13:00:00+02:00,60,3600,0,0,Mel,Mel
1008,QA8,Typo in date,P1,Prediction API,high,2026-04-3T12:00:00+02:00,2026-04-03T13:00:00+02:00,60,3600,0,0,Mel,Mel
1009,QA9,Billing down,P9,Billing API,high,2026-04-06T10:00:00+02:00,2026-04-06T11:00:00+02:00,60,3600,0,0,Alex Kim,Alex Kim
1010,QA10,Before the scenario,P1,Prediction API,high,2025-12-30T10:00:00+01:00,2025-12-30T11:00:00+01:00,60,3600,0,0,Mel,Mel
1011,QA11,No service,P1,,high,2026-04-07T10:00:00+02:00,2026-04-07T11:00:00+02:00,60,3600,0,0,Mel,Mel
1012,QA12,Seconds unreadable,P1,Prediction API,high,2026-04-07T10:00:00+02:00,,60,about an hour,0,0,Mel,Mel

1013,QA13,"Night, handled from home",P1,Prediction API,high,2026-04-08T22:10:00Z,2026-04-08T23:00:00Z,60,3000,0,0,"Mel; Alex Kim",Mel
`;

const importPagerDuty = (names = { services: autoMatch(['Prediction API', 'recommendation  SERVICE', 'prediction-api (prod)', 'Billing API'], services), people: autoMatch(['Mel', 'Dana', 'Alex Kim'], people) }, fixes = {}) => {
  const table = readSourceTable(PAGERDUTY, 'incidents.csv');
  const { format, mapping } = suggestMapping(table, 'Europe/Berlin');
  return { table, format, mapping, result: importRows(table, { mapping, names, fixes }) };
};

describe('the PagerDuty importer', () => {
  it('recognises the export and maps its columns without asking', () => {
    const { format, mapping } = importPagerDuty();
    expect(format).toBe('pagerduty');
    expect(mapping).toMatchObject({ id: 'incident_number', title: 'description', service: 'service_name', start: 'created_on', resolved: 'resolved_on', resolvedSeconds: 'seconds_to_resolve', acknowledgedSeconds: 'seconds_to_first_ack' });
    expect(mapping.responders).toEqual(['resolved_by_user_name', 'assigned_to_user_names']);
  });

  it('imports the good rows at their real times (UTC), with quoted commas, offsets, seconds columns, empty cells and the PagerDuty extras', () => {
    const { result } = importPagerDuty();
    expect(result.error).toBeNull();
    expect(result.rowsRead).toBe(13);
    // A log from before the scenario's first day is imported as it is (its times are its own).
    expect(result.incidents.map((i) => i.id)).toEqual(['1001', '1002', '1010', '1013']);
    const [a, b, before, night] = result.incidents;
    // Friday 27 March 14:00 CET; acknowledged 10 minutes later; resolved 16:30.
    expect(a).toEqual({
      id: '1001',
      service: 'prediction-api',
      start: '2026-03-27T13:00:00Z',
      acknowledged: '2026-03-27T13:10:00Z',
      resolved: '2026-03-27T15:30:00Z',
      responders: ['mel', 'dana'],
      resolvedBy: 'mel',
      urgency: 'high',
      escalations: 0,
      reassignments: 0,
      title: 'Latency high, p99 > 2s',
    });
    // Monday 30 March (summer time): resolved from seconds_to_resolve, since resolved_on is empty; no acknowledgement; escalated once.
    expect(b).toMatchObject({ service: 'recommendations', start: '2026-03-30T07:30:00Z', acknowledged: null, resolved: '2026-03-30T09:00:00Z', responders: ['mel'], urgency: 'low', escalations: 1 });
    expect(before).toMatchObject({ start: '2025-12-30T09:00:00Z', resolved: '2025-12-30T10:00:00Z' });
    // Wednesday 22:10 UTC, after midnight in Berlin: kept as it was, 50 minutes at night (not "0 minutes, 09:00").
    expect(night).toMatchObject({ start: '2026-04-08T22:10:00Z', resolved: '2026-04-08T23:00:00Z', responders: ['mel'] });
    expect(result.unmappedPeople).toEqual([{ name: 'Alex Kim', rows: 1 }]);
  });

  it('lists every bad row with its row number, field, column and reason, and counts the skipped rows by reason', () => {
    const { result } = importPagerDuty();
    const byRow = Object.fromEntries(result.badRows.map((b) => [b.row, b]));
    // Row numbers as a spreadsheet shows them: the header is row 1; the blank line (row 14) is skipped but counted.
    expect(byRow[4]).toMatchObject({ field: 'service', column: 'service_name', value: 'prediction-api (prod)', category: 'unknown service' });
    expect(byRow[5]).toMatchObject({ field: 'resolved', category: 'missing resolved time' });
    expect(byRow[6]).toMatchObject({ field: 'resolved', column: 'resolved_on', value: '2026-04-01T11:00:00+02:00', category: 'end before start', reason: 'resolved before it started' });
    expect(byRow[7]).toMatchObject({ field: 'acknowledged', column: 'seconds_to_first_ack', value: 'n/a', category: 'unparsable number' });
    expect(byRow[8]).toMatchObject({ field: 'start', column: 'created_on', category: 'missing start' });
    expect(byRow[9]).toMatchObject({ field: 'start', value: '2026-04-3T12:00:00+02:00', category: 'unparsable date' });
    expect(byRow[9]!.reason).toContain('is not a date-time in the format ISO 8601');
    expect(byRow[10]).toMatchObject({ field: 'service', value: 'Billing API', category: 'unknown service' });
    expect(byRow[12]).toMatchObject({ field: 'service', category: 'missing service' });
    expect(byRow[13]).toMatchObject({ field: 'resolved', column: 'seconds_to_resolve', value: 'about an hour', category: 'unparsable number' });
    expect(byRow[11]).toBeUndefined();
    expect(result.skipped).toBe(9);
    expect(result.imported + result.skipped).toBe(result.rowsRead);
    expect(result.skippedBy).toEqual({
      'unknown service': 2,
      'missing resolved time': 1,
      'end before start': 1,
      'unparsable number': 2,
      'missing start': 1,
      'unparsable date': 1,
      'missing service': 1,
    });
  });

  it('takes the user’s mapping and fixes: a mapped service name, a typed-in date, a service added to the model', () => {
    const names = {
      services: { 'Prediction API': 'prediction-api', 'recommendation  SERVICE': 'recommendations', 'prediction-api (prod)': 'prediction-api', 'Billing API': 'billing-api' },
      people: { Mel: 'mel', Dana: 'dana', 'Alex Kim': 'alex-kim' },
    };
    const { result } = importPagerDuty(names, { [fixKey(9, 'created_on')]: '2026-04-03T12:00:00+02:00', [fixKey(5, 'resolved_on')]: '2026-04-01T15:00:00+02:00', [fixKey(7, 'seconds_to_first_ack')]: '300' });
    expect(result.incidents.map((i) => i.id)).toEqual(['1001', '1002', '1003', '1004', '1006', '1008', '1009', '1010', '1013']);
    expect(result.fixed).toBe(3);
    expect(result.incidents.find((i) => i.id === '1006')).toMatchObject({ start: '2026-04-02T10:00:00Z', acknowledged: '2026-04-02T10:05:00Z' });
    expect(result.incidents.find((i) => i.id === '1009')).toMatchObject({ service: 'billing-api', responders: ['alex-kim'] });
    expect(result.incidents.find((i) => i.id === '1004')).toMatchObject({ start: '2026-04-01T08:00:00Z', resolved: '2026-04-01T13:00:00Z' });
    expect(result.unmappedPeople).toEqual([]);
  });

  it('lists the names the log uses, with how many rows use each', () => {
    const { table, mapping } = importPagerDuty();
    const names = logNames(table, mapping);
    expect(names.services.slice(0, 2)).toEqual([
      { name: 'Prediction API', rows: 9 },
      { name: 'Billing API', rows: 1 },
    ]);
    expect(names.people).toContainEqual({ name: 'Alex Kim', rows: 2 });
  });
});

describe('a generic CSV through the mapping step', () => {
  // An export from a home-made tool: semicolons, US dates with AM/PM in New York time, across the March DST change.
  const CSV = `Ticket;Summary;Component;Opened;Closed;Engineer
T-1;"Checkout slow; retries";Prediction API;03/06/2026 4:00 PM;03/09/2026 10:00 AM;mel
T-2;Recs empty;Recommendation service;03/09/2026 9:30 AM;03/09/2026 11:00 AM;Dana
T-3;Broken;Prediction API;03/10/2026 2:00 PM;03/10/2026 1:00 PM;mel
T-4;No end;Prediction API;03/11/2026 2:00 PM;;mel
`;
  const table = readSourceTable(CSV, 'tickets.csv');

  it('suggests columns from their headers, reads the chosen date format and zone, and reports bad rows', () => {
    const { format, mapping } = suggestMapping(table, 'America/New_York');
    expect(format).toBe('generic');
    expect(mapping).toMatchObject({ id: 'Ticket', title: 'Summary', service: 'Component', start: 'Opened', resolved: 'Closed', responders: ['Engineer'] });
    const full: ColumnMapping = { ...mapping, dateFormat: 'mdy' };
    const result = importRows(table, { mapping: full, names: { services: autoMatch(['Prediction API', 'Recommendation service'], services), people: autoMatch(['mel', 'Dana'], people) } });
    // Friday 6 March 16:00 (EST, UTC-5) to Monday 9 March 10:00 (EDT, UTC-4).
    expect(result.incidents[0]).toMatchObject({ id: 'T-1', title: 'Checkout slow; retries', start: '2026-03-06T21:00:00Z', resolved: '2026-03-09T14:00:00Z', responders: ['mel'] });
    expect(result.incidents[1]).toMatchObject({ start: '2026-03-09T13:30:00Z', resolved: '2026-03-09T15:00:00Z', responders: ['dana'] });
    expect(result.badRows.map((b) => [b.row, b.category])).toEqual([
      [4, 'end before start'],
      [5, 'missing resolved time'],
    ]);
  });

  it('stops with one clear message when a needed column is not mapped or the zone is unknown', () => {
    const { mapping } = suggestMapping(table, 'America/New_York');
    const names = { services: {}, people: {} };
    expect(importRows(table, { mapping: { ...mapping, start: null }, names }).error).toContain('started');
    expect(importRows(table, { mapping: { ...mapping, timeZone: 'Mars/Olympus' }, names }).error).toBe('"Mars/Olympus" is not a time zone (use an IANA name such as Europe/Berlin or UTC).');
    expect(importRows(table, { mapping: { ...mapping, timeZone: 'Mars/Olympus' }, names }).skipped).toBe(4);
  });
});

describe('reading files', () => {
  it('reads JSON records (PagerDuty API style, nested) as a table', () => {
    const table = readSourceTable(JSON.stringify({ incidents: [{ incident_number: 7, title: 'Down', service: { summary: 'Prediction API' }, created_on: '2026-01-05T10:00:00Z', assignees: [{ summary: 'Mel' }, { summary: 'Dana' }] }, 'oops'] }), 'x.json');
    expect(table.kind).toBe('json');
    expect(table.columns).toEqual(['incident_number', 'title', 'service.summary', 'created_on', 'assignees']);
    expect(table.rows[0]).toEqual(['7', 'Down', 'Prediction API', '2026-01-05T10:00:00Z', 'Mel, Dana']);
    expect(table.problems).toEqual([{ row: 2, reason: 'is not an object' }]);
  });

  it('refuses what is not a table, with the file named', () => {
    expect(() => readSourceTable('', 'empty.csv')).toThrow(new SourceError('empty.csv is empty: it has no header row.'));
    expect(() => readSourceTable('{ "incidents": ', 'cut.json')).toThrow(/cut.json is not valid JSON/);
    expect(() => readSourceTable('{ "count": 3 }', 'x.json')).toThrow(/holds no list of incidents/);
  });

  it('flags a row with more fields than the header (an unquoted comma), keeping spreadsheet row numbers across quoted line breaks', () => {
    const table = readSourceTable('a,b\n1,"two\nlines"\n3,4,5\n', 'x.csv');
    expect(table.rowNumbers).toEqual([2, 3]);
    expect(table.problems).toEqual([{ row: 3, reason: 'has 3 fields but the header has 2 (an unquoted comma?)' }]);
  });
});

describe('names', () => {
  it('match by name or id, ignoring case and spacing', () => {
    expect(matchName(' prediction   api ', services)).toBe('prediction-api');
    expect(matchName('Prediction_API', services)).toBe('prediction-api');
    expect(matchName('MEL', people)).toBe('mel');
    expect(matchName('prediction-api (prod)', services)).toBeNull();
    expect(splitNames('Mel, Dana; Mel,,')).toEqual(['Mel', 'Dana']);
    expect(idFromName('Billing API', ['billing-api'])).toBe('billing-api-2');
    expect(idFromName('Ünïcode Service!', [])).toBe('unicode-service');
  });
});
