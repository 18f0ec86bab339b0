import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createImportSession, incidentsOf, type FromImport } from '../../../../simulation/replay/importSession';
import { serializeIncidents, serializeScenario } from '../../../../simulation/scenario/serialize';
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
});
