import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleIncidentCsv } from '../../../../simulation/examples/sampleIncidentLog';
import { validateScenario } from '../../../../simulation/scenario/validate';
import { serializeScenario } from '../../../../simulation/scenario/serialize';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { momentAt, peopleInvolved } from '../../../../simulation/replay/timeline';
import { workingHourToInstant } from '../../../../simulation/replay/replayClock';
import { importSample, SAMPLE_FILE } from './sampleLog';

describe('the sample PagerDuty export', () => {
  it('is what its seeded generator writes', () => {
    expect(readFileSync(SAMPLE_FILE, 'utf8')).toBe(sampleIncidentCsv());
  });

  it('imports into the walled data team: about 300 incidents over the year, with work for the mapping step and the bad-row report', () => {
    const { format, names, result, log, scenario } = importSample();
    expect(format).toBe('pagerduty');
    expect(result.rowsRead).toBeGreaterThan(290);
    expect(result.imported).toBeGreaterThan(270);
    expect(names.services.map((n) => n.name)).toEqual(expect.arrayContaining(['Prediction API', 'Recommendation service', 'Core platform prediction module', 'prediction-api (prod)', 'Billing API']));
    expect(result.skippedBy).toMatchObject({ 'unknown service': 2, 'missing resolved time': 2, 'end before start': 2, 'unparsable number': 1 });
    expect(result.unmappedPeople.map((p) => p.name)).toEqual(['Alex Kim']);
    // Real times, through the year (to December), in Berlin time.
    const last = Math.max(...log.incidents.map((i) => Date.parse(i.start)));
    expect(last).toBeGreaterThan(Date.parse('2026-12-01T00:00:00Z'));
    expect(log.timeZone).toBe('Europe/Berlin');
    expect(new Set(log.incidents.map((i) => i.service))).toEqual(new Set(['recommendations', 'prediction-api', 'core-platform-module']));
    expect(validateScenario({ ...scenario, incidentLogs: [log] }).errors).toEqual([]);
  });

  it('holds the nine-hour outage: the core module down on Sam’s last afternoon of leave, restored by Sam on Monday', () => {
    const { log, scenario } = importSample();
    const outage = log.incidents.find((i) => i.title.startsWith('Core platform prediction module down'))!;
    // Friday 26 June 13:00 to Monday 29 June 14:00, Berlin (summer time, UTC+2): nine working hours, 73 real ones.
    expect(outage).toMatchObject({ service: 'core-platform-module', start: '2026-06-26T11:00:00Z', resolved: '2026-06-29T12:00:00Z', responders: ['sam', 'mel'], resolvedBy: 'sam' });
    const sam = scenario.people.find((p) => p.id === 'sam')!;
    const leave = sam.absences.map((a) => [workingHourToInstant(a.start, scenario.calendar, 'Europe/Berlin'), workingHourToInstant(a.end, scenario.calendar, 'Europe/Berlin')] as const);
    const start = Date.parse(outage.start);
    expect(leave.some(([a, b]) => a <= start && b > start)).toBe(true);
    // No other incident of the core module falls in Sam's leave.
    expect(log.incidents.filter((i) => i.service === 'core-platform-module' && leave.some(([a, b]) => Date.parse(i.start) >= a && Date.parse(i.start) < b))).toEqual([outage]);
  });
});

describe('a moment of the log', () => {
  it('says what was open, who was busy on it and who was away', () => {
    const { log, scenario } = importSample();
    // Friday 26 June 16:00 in Berlin.
    const m = momentAt(log, scenario.people, Date.parse('2026-06-26T14:00:00Z'), scenario.calendar);
    expect(m.open.map((o) => o.id)).toContain('1148');
    expect(m.away).toEqual([{ person: 'sam', until: Date.parse('2026-06-29T07:00:00Z') }]);
    // Sam is a responder of the outage but away until Monday: only Mel is busy on it now.
    expect(m.busy.find((b) => b.person === 'mel')?.incidents).toContain('1148');
    expect(m.busy.some((b) => b.person === 'sam')).toBe(false);
    expect(momentAt(log, scenario.people, Date.parse('2026-06-29T09:00:00Z'), scenario.calendar).busy.find((b) => b.person === 'sam')?.incidents).toEqual(['1148']);
    expect(peopleInvolved(log, scenario.people).map((p) => p.id)).toEqual(['dana', 'mel', 'sam']);
  });
});

describe('an imported log in the scenario file', () => {
  it('is saved in canonical form and opens again unchanged', () => {
    const { log, scenario } = importSample();
    const withLog = { ...scenario, incidentLogs: [log] };
    const text = serializeScenario(withLog);
    const reopened = parseScenarioFile(text, 'with-log.handoff.json');
    if (!reopened.ok) throw new Error(reopened.errors.join('\n'));
    expect(reopened.scenario.incidentLogs).toEqual([log]);
    expect(serializeScenario(reopened.scenario)).toBe(text);
  });
});
