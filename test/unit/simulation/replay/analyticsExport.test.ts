/**
 * A second PagerDuty-style export, unseen by the code that imports it
 * (Analytics column names and order, another team and time zone, monitor
 * flaps, bad rows): recognised as PagerDuty, imported with every name added
 * to the model, and after one calibration step the model as drawn
 * reproduces it within the bounds of issue 15 item 4.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../../simulation/replay/columnMapping';
import { emptyScenario } from '../../../../simulation/scenario/defaults';
import { FIT_BOUNDS } from '../../../../simulation/replay/replayFit';
import { readSourceTable } from '../../../../simulation/replay/sourceTable';
import { analyticsCsv, ANALYTICS_TIME_ZONE } from '../../../fixtures/incidents/analyticsExport';
import { fitBeforeAfter, importAsUser } from './analyticsFit';
import { walledDataTeam } from './sampleLog';

const FILE = new URL('../../../fixtures/incidents/pagerduty-analytics-nyc.csv', import.meta.url);

describe('a PagerDuty Analytics export of another team', () => {
  it('is what its seeded generator writes', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(analyticsCsv());
  });

  it('is recognised as PagerDuty: its created_at, resolved_at and seconds columns are mapped, not taken for an acknowledgement time', () => {
    const { format, mapping } = suggestMapping(readSourceTable(readFileSync(FILE, 'utf8'), 'nyc.csv'), ANALYTICS_TIME_ZONE);
    expect(format).toBe('pagerduty');
    expect(mapping).toMatchObject({ start: 'created_at', resolved: 'resolved_at', acknowledged: null, acknowledgedSeconds: 'seconds_to_first_ack', resolvedBy: 'resolved_by_user_name', reassignments: 'assignment_count' });
  });

  it('title-case headers are read the same', () => {
    const text = readFileSync(FILE, 'utf8').replace(/^[^\n]*/, (h) => h.split(',').map((c) => c.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ')).join(','));
    const { format, mapping } = suggestMapping(readSourceTable(text, 'nyc.csv'), ANALYTICS_TIME_ZONE);
    expect(format).toBe('pagerduty');
    expect(mapping.start).toBe('Created At');
  });

  it.each([
    ['the walled example', walledDataTeam],
    ['a new, empty scenario', () => emptyScenario()],
  ])('imported into %s with everyone added, fits poorly as drawn and within the bounds after calibrating (100 replications, seed 42)', (_, scenario) => {
    const { doc, log } = importAsUser(scenario(), FILE, 'nyc.csv', ANALYTICS_TIME_ZONE);
    // 192 rows, five of them bad on purpose.
    expect(log.incidents).toHaveLength(187);
    const { before, after } = fitBeforeAfter(doc, log);
    expect(before.good).toBe(false);
    expect(after.totalRatio).toBeGreaterThanOrEqual(FIT_BOUNDS.total[0]);
    expect(after.totalRatio).toBeLessThanOrEqual(FIT_BOUNDS.total[1]);
    expect(after.medianRatio).toBeGreaterThanOrEqual(FIT_BOUNDS.median[0]);
    expect(after.medianRatio).toBeLessThanOrEqual(FIT_BOUNDS.median[1]);
    expect(after.good).toBe(true);
  }, 60_000);
});
