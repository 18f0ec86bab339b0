import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { logSpanProblem, MAX_LOG_SPAN_YEARS } from '../../../../simulation/scenario/schema';

const example = readFileSync(path.resolve(import.meta.dirname, '../../../../simulation/examples/walled-data-team.handoff.json'), 'utf8');
const incident = (id: string, start: string) => ({ id, service: 'prediction-api', start, acknowledged: null, resolved: start.replace('T10', 'T12'), responders: ['mel'], resolvedBy: 'mel', escalations: 0, reassignments: 0, title: '' });
const withLog = (...starts: string[]) => {
  const doc = JSON.parse(example);
  doc.incidentLogs = [{ id: 'log', name: 'Log', source: 'x.csv', timeZone: 'UTC', provenance: null, incidents: starts.map((s, i) => incident(`i${i}`, s)) }];
  return JSON.stringify(doc);
};

describe('how many years an incident log may span', () => {
  it('refuses a log from the year 1 to 9999 (each date valid, the span would freeze the incidents view), naming its dates', () => {
    const parsed = parseScenarioFile(withLog('0001-01-01T10:00:00Z', '2026-03-02T10:00:00Z', '9999-12-30T10:00:00Z'), 'span.handoff.json');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([
      'incidentLogs[0].incidents: the incidents run from 0001-01-01 to 9999-12-30, 9,998 years; a log may span at most 20 years (check the dates, or import a shorter period)',
    ]);
  });

  it(`opens a log of ${MAX_LOG_SPAN_YEARS} years, and one of a single incident`, () => {
    expect(parseScenarioFile(withLog('2006-03-02T10:00:00Z', '2026-03-01T10:00:00Z'), 'ok.handoff.json').ok).toBe(true);
    expect(parseScenarioFile(withLog('2026-03-02T10:00:00Z'), 'one.handoff.json').ok).toBe(true);
    expect(logSpanProblem([])).toBeNull();
    expect(logSpanProblem([{ start: '2000-01-01T00:00:00Z' }, { start: '2021-01-02T00:00:00Z' }])).toMatch(/21 years; a log may span at most 20 years/);
  });
});
