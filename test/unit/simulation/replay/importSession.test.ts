import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImportSession, incidentsOf, MAX_LOG_FILE_BYTES, type FromImport } from '../../../../simulation/replay/importSession';
import { serializeIncidents, serializeScenario } from '../../../../simulation/scenario/serialize';
import { incidentLogSchema, MAX_INCIDENTS_PER_LOG } from '../../../../simulation/scenario/schema';
import { MAX_BODY_BYTES } from '../../../../electron/web/httpApi';
import { MAX_TEXT_BYTES } from '../../../../electron/api/contract';
import { importSample, SAMPLE_FILE, walledDataTeam } from './sampleLog';

describe('the import worker’s session', () => {
  const doc = walledDataTeam();
  const entities = { services: doc.services.map(({ id, name }) => ({ id, name })), people: doc.people.map(({ id, name }) => ({ id, name })) };

  it('reads the file once, then converts it on every change of the mapping, matching names the user did not choose', () => {
    const session = createImportSession();
    const parsed = session({ type: 'parse', id: 1, text: readFileSync(SAMPLE_FILE, 'utf8'), fileName: 'sample-pagerduty.csv', timeZone: 'Europe/Berlin' });
    if (parsed.type !== 'parsed') throw new Error(JSON.stringify(parsed));
    expect(parsed.parsed).toMatchObject({ format: 'pagerduty', kind: 'csv', rowCount: 301 });
    const convert = (names: { services: Record<string, string | null>; people: Record<string, string | null> }, withIncidents: boolean): Extract<FromImport, { type: 'converted' }> => {
      const r = session({ type: 'convert', id: 2, mapping: parsed.parsed.mapping, names, entities, calendar: doc.calendar, fixes: {}, withIncidents });
      if (r.type !== 'converted') throw new Error(JSON.stringify(r));
      return r;
    };
    const auto = convert({ services: {}, people: {} }, false);
    expect(auto.converted.names.services.find((n) => n.name === 'Prediction API')?.mapped).toBe('prediction-api');
    expect(auto.converted.names.services.find((n) => n.name === 'prediction-api (prod)')?.mapped).toBeNull();
    expect(auto.converted.incidentsJson).toBeNull();
    const chosen = convert({ services: { 'prediction-api (prod)': 'prediction-api' }, people: {} }, true);
    expect(chosen.converted.imported).toBe(auto.converted.imported + 7);
    const incidents = incidentsOf(chosen.converted);
    expect(incidents).toEqual(importSample().log.incidents);
    expect(Object.isFrozen(incidents) && Object.isFrozen(incidents[0]) && Object.isFrozen(incidents[0]!.responders)).toBe(true);
    // The worker also wrote the incidents as the file will hold them: saving uses that text, and it is exactly the text saving makes.
    expect(auto.converted.incidentsText).toBeNull();
    expect(chosen.converted.incidentsText).toBe(serializeIncidents(structuredClone(incidents)));
    const log = { id: 'log', name: 'Log', source: 'sample-pagerduty.csv', timeZone: 'Europe/Berlin', provenance: null, incidents };
    expect(serializeScenario({ ...doc, incidentLogs: [log] })).toBe(serializeScenario({ ...doc, incidentLogs: [structuredClone(log)] }));
  });

  it('answers bad input with a message, never by throwing', () => {
    const session = createImportSession();
    expect(session({ type: 'convert', id: 1, mapping: null as never, names: { services: {}, people: {} }, entities, calendar: doc.calendar, fixes: {}, withIncidents: false })).toEqual({ type: 'error', id: 1, message: 'No file has been read yet.' });
    expect(session({ type: 'parse', id: 2, text: '', fileName: 'empty.csv', timeZone: 'UTC' })).toEqual({ type: 'error', id: 2, message: 'empty.csv is empty: it has no header row.' });
  });

  it('refuses a log of more rows than a log may hold incidents when it is read, saying what to do; one of that many is read', () => {
    const [header, ...rows] = readFileSync(SAMPLE_FILE, 'utf8').trim().split('\n');
    const file = (n: number) => [header, ...Array.from({ length: n }, (_, i) => rows[i % rows.length])].join('\n');
    const session = createImportSession();
    const over = session({ type: 'parse', id: 1, text: file(MAX_INCIDENTS_PER_LOG + 1), fileName: 'year.csv', timeZone: 'UTC' });
    expect(over).toEqual({
      type: 'error',
      id: 1,
      message: 'year.csv has 100,001 rows; a log may hold at most 100,000 incidents, so that the scenario can be saved. Import a shorter period (split the file by date) as separate logs.',
    });
    // Nothing of the refused file is kept for a later convert.
    expect(session({ type: 'convert', id: 2, mapping: null as never, names: { services: {}, people: {} }, entities, calendar: doc.calendar, fixes: {}, withIncidents: false })).toMatchObject({ type: 'error', message: 'No file has been read yet.' });
    expect(session({ type: 'parse', id: 3, text: file(MAX_INCIDENTS_PER_LOG), fileName: 'year.csv', timeZone: 'UTC' })).toMatchObject({ type: 'parsed', parsed: { rowCount: MAX_INCIDENTS_PER_LOG } });
  });

  it('keeps one promise: a file of the most incidents a log may hold saves within the hosts’ limits, and the format refuses more', () => {
    const one = importSample().log.incidents[0]!;
    const incidents = Array.from({ length: MAX_INCIDENTS_PER_LOG }, () => one);
    const log = { id: 'log', name: 'Log', source: 's.csv', timeZone: 'UTC', provenance: null, incidents };
    const text = serializeScenario({ ...doc, incidentLogs: [log] });
    // Bytes on disk within what a host writes and opens again, and its save request within the web host's limit
    // even if every character were one JSON must escape.
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_TEXT_BYTES);
    expect(MAX_BODY_BYTES).toBeGreaterThanOrEqual(2 * MAX_TEXT_BYTES + 4096 + 1024);
    expect(MAX_LOG_FILE_BYTES).toBeGreaterThan(MAX_TEXT_BYTES);
    const over = incidentLogSchema.safeParse({ ...log, incidents: [...incidents, one] });
    expect(over.success).toBe(false);
    expect(over.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['incidents: a log may hold at most 100,000 incidents; this one has 100,001 (import a shorter period)']);
  });
});
