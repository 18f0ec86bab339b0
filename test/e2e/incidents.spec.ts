import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { expect, test } from './support/webHost';

const SAMPLE = path.resolve(import.meta.dirname, '../../simulation/examples/incidents/sample-pagerduty.csv');

test('import the sample PagerDuty export, fix its mapping, see it on a timeline, scrub, replay it cross-functional and compare', async ({ app, host }) => {
  // Three replays (the fit before and after calibrating, then the what-if) on a shared machine.
  test.setTimeout(240_000);
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-incidents').click();
  await app.getByTestId('import-log').click();
  await app.getByTestId('import-file').setInputFiles(SAMPLE);

  // Recognised as PagerDuty; two services in the log are not in the model yet.
  await expect(app.getByTestId('import-format')).toContainText('PagerDuty incident export, 301 rows');
  await expect(app.getByTestId('map-service-prediction-api (prod)')).toHaveValue('');
  await expect(app.getByTestId('import-tally')).toContainText('287 of 301 rows will be imported, 14 skipped');
  // Fix the mapping: the "(prod)" spelling is the Prediction API, and the team works in Berlin.
  await app.getByTestId('map-service-prediction-api (prod)').selectOption('prediction-api');
  // Typed key by key: the conversions that follow every key must not take the focus away.
  await app.getByTestId('import-timezone').fill('');
  await expect(app.getByTestId('mapping-error')).toContainText('is not a time zone');
  await app.getByTestId('import-timezone').pressSequentially('Europe/Berlin', { delay: 30 });
  await expect(app.getByTestId('import-timezone')).toHaveValue('Europe/Berlin');
  await expect(app.getByTestId('import-tally')).toContainText('294 of 301 rows will be imported, 7 skipped');
  await app.screenshot({ path: 'test-results/screenshots/incidents-mapping.png' });

  await app.getByTestId('import-next').click();
  await expect(app.getByTestId('import-summary')).toContainText('2 unknown service');
  await expect(app.getByTestId('import-summary')).toContainText('2 end before start');
  await expect(app.getByTestId('import-summary')).toContainText('Alex Kim');
  // Every bad row is listed with its spreadsheet row number and reason; fixing one imports it.
  const bad = app.getByTestId('bad-rows');
  await expect(bad.locator('tbody tr')).toHaveCount(7);
  await expect(bad).toContainText('resolved before it started');
  // The first still-open incident was resolved two hours after it started (as its ticket says).
  const missing = bad.locator('tr', { hasText: 'no resolved time' }).first();
  const row = Number(await missing.locator('td').first().textContent());
  const created = Papa.parse<string[]>(readFileSync(SAMPLE, 'utf8')).data[row - 1]![6]!;
  // A fix is committed on Enter (not key by key), and the fixed row stays listed, with Undo.
  const fix = missing.getByRole('textbox');
  await fix.pressSequentially(created.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 2).padStart(2, '0')}`), { delay: 5 });
  await expect(app.getByTestId('import-count')).toHaveText('294');
  await fix.press('Enter');
  await expect(app.getByTestId('import-count')).toHaveText('295');
  await expect(app.getByTestId(`fixed-row-${row}`)).toContainText('(empty)');
  await app.screenshot({ path: 'test-results/screenshots/incidents-review.png' });
  await app.getByTestId('import-commit').click();
  await expect(app.getByTestId('import-dialog')).toHaveCount(0);

  // The timeline: real dates and times, a lane per service and per person involved, a bar per incident, Sam's leave marked.
  const timeline = app.getByTestId('timeline-chart');
  await expect(timeline.locator('.lane')).toHaveCount(6);
  expect(await timeline.locator('.incident').count()).toBeGreaterThan(200);
  await expect(timeline.locator('.absence')).toHaveCount(1);
  await app.getByTestId('timeline-zoom-in').click();
  await app.getByTestId('timeline-zoom-in').click();
  // Scrub to the nine-hour outage (hours from Monday 5 January, 00:00 in Berlin): Friday 26 June 16:00.
  await app.getByTestId('timeline-scrubber').fill(String(172 * 24 + 16 - 1));
  await expect(app.getByTestId('timeline-time')).toHaveText('26 Jun 2026 16:00');
  await expect(app.getByRole('slider', { name: 'Moment in the log' })).toHaveAttribute('aria-valuetext', /^26 Jun 2026 16:00 \(Europe\/Berlin\), \d+ open$/);
  await expect(app.getByTestId('timeline-moment')).toContainText('Core platform prediction module');
  await expect(app.getByTestId('timeline-moment')).toContainText('Sam (software engineer) until Mon 29 Jun');
  await expect(app.getByTestId('timeline-moment')).toContainText('Mel (ML engineer) on');
  await expect(timeline.locator('.working-span').first()).toBeAttached();
  // The outage's own story, as a retrospective walks through it.
  await app.getByTestId('timeline-moment').getByText('1148:').click();
  await expect(app.getByTestId('story-1148')).toContainText('Triggered 26 Jun 2026 13:00');
  await expect(app.getByTestId('story-1148')).toContainText('Resolved 29 Jun 2026 14:00 (after 3.0 days) by Sam (software engineer)');
  // Hovering the core module's lane at the cursor shows the outage at its real times, with its responders.
  const at = (await timeline.locator('.timeline-cursor').boundingBox())!;
  const lane = (await timeline.locator('.lane').nth(2).boundingBox())!;
  await app.mouse.move(at.x + 2, lane.y + lane.height / 2);
  await expect(timeline.locator('.chart-tooltip')).toHaveCSS('opacity', '1');
  await expect(timeline.locator('.chart-tooltip')).toContainText('26 Jun 2026 13:00');
  await expect(timeline.locator('.chart-tooltip')).toContainText('29 Jun 2026 14:00');
  await expect(timeline.locator('.chart-tooltip')).toContainText('responders: Sam (software engineer), Mel (ML engineer)');
  await app.screenshot({ path: 'test-results/screenshots/incidents-timeline.png' });

  // Before any what-if: does the model as drawn reproduce the log? Checked at once, and it does not.
  const fit = app.getByTestId('fit-card');
  await expect(fit.getByTestId('fit-verdict')).toContainText('reproduces this log poorly', { timeout: 60_000 });
  await expect(fit).toContainText('no on-call rotation');
  await fit.scrollIntoViewIfNeeded();
  await app.screenshot({ path: 'test-results/screenshots/incidents-fit-before.png' });

  // Calibrate to the log in one step (previewed), and the fit is checked again: within the bounds.
  await expect(app.getByTestId('calibration-preview')).toContainText('Prediction API');
  await app.getByRole('button', { name: 'Calibrate to this log' }).click();
  await expect(fit.getByTestId('fit-verdict')).toContainText('reproduces this log well', { timeout: 60_000 });
  const figure = async (id: string) => Number(await fit.getByTestId(id).getAttribute('data-value'));
  expect(await figure('fit-total-ratio')).toBeGreaterThanOrEqual(0.5);
  expect(await figure('fit-total-ratio')).toBeLessThanOrEqual(1.5);
  expect(await figure('fit-median-ratio')).toBeGreaterThanOrEqual(0.5);
  expect(await figure('fit-median-ratio')).toBeLessThanOrEqual(2);
  expect(await figure('fit-within-2x')).toBeGreaterThan(0);
  await app.screenshot({ path: 'test-results/screenshots/incidents-fit-after.png' });

  // A retrospective's scope: the cursor's week (Monday 22 to Sunday 28 June), then back to the whole log.
  await app.getByTestId('scope-week').click();
  await expect(app.getByTestId('scope-from')).toHaveValue('2026-06-22');
  await expect(app.getByTestId('replay-run')).toContainText(/Replay \d+ chosen incidents?/);
  await app.getByTestId('scope-clear').click();
  await expect(app.getByTestId('replay-run')).toHaveText('Replay 295 incidents');

  // Replay as drawn against cross-functional: with the same luck, the cross-functional team restores sooner in total.
  await app.getByTestId('replay-reps').fill('60');
  await expect(app.getByTestId('replay-variant-cross-functional')).toHaveAttribute('aria-pressed', 'true');
  await app.getByTestId('replay-run').click();
  await expect(app.getByTestId('replay-results')).toBeVisible({ timeout: 60_000 });
  await expect(app.getByTestId('replay-totals').locator('tbody tr')).toHaveCount(2);
  const total = async (id: string) => Number(await app.getByTestId(`replay-total-${id}`).getAttribute('data-simulated'));
  expect(await total('what-if:cross-functional')).toBeLessThan(await total('base'));
  await expect(app.getByTestId('replay-total-base')).toContainText(/[+−][\d.]+ (h|days) \[/);
  const rows = app.getByTestId('chart-replay').locator('.series');
  await expect(rows).toHaveCount(20);
  expect(await app.getByTestId('chart-replay').locator('.range rect').count()).toBe(40);
  // The nine-hour outage is among the longest as recorded.
  await expect(app.getByTestId('chart-replay').locator('.axis-y')).toContainText('1148');
  // The fit stays shown above the what-ifs, for the baseline of this replay.
  await expect(fit.getByTestId('fit-verdict')).toBeVisible();
  await app.getByTestId('replay-totals').scrollIntoViewIfNeeded();
  await app.screenshot({ path: 'test-results/screenshots/incidents-replay.png' });
  await app.getByTestId('chart-replay').scrollIntoViewIfNeeded();
  await app.screenshot({ path: 'test-results/screenshots/incidents-replay-chart.png' });

  // A run of the same scenario exports a report with the replay in it.
  await app.getByTestId('tab-results').click();
  await app.getByTestId('run-reps').fill('10');
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 30_000 });
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.export').click();
  await expect(app.getByTestId('report-contents')).toContainText('with the replay of');
  await app.getByTestId('report-export').click();
  await expect(app.getByTestId('report-dialog')).toHaveCount(0);
  const exports = path.join(host.scenarioDir, 'exports');
  await expect.poll(() => (existsSync(exports) ? readdirSync(exports).filter((f) => f.endsWith('.html')) : []).length, { timeout: 30_000 }).toBe(1);
  const report = readFileSync(path.join(exports, readdirSync(exports).find((f) => f.endsWith('.html'))!), 'utf8');
  expect(report).toContain('data-section="replay"');
  expect(report).toContain('data-testid="report-replay-totals"');
  await app.getByTestId('tab-incidents').click();
  // The per-incident chart saves as SVG from its menu, with its title.
  await app.getByTestId('chart-menu-replay-per-incident').click();
  await app.getByTestId('chart-save-svg-replay-per-incident').click();
  await expect.poll(() => readdirSync(exports).filter((f) => f.endsWith('.svg')).length, { timeout: 30_000 }).toBe(1);
  const svg = readFileSync(path.join(exports, readdirSync(exports).find((f) => f.endsWith('.svg'))!), 'utf8');
  expect(svg).toContain('Time to restore per incident: recorded against replayed');
  expect(svg).toContain('Cross-functional, cross-trained to 50%');

  // Undo takes the calibration back (the on-call rotation it added goes too).
  await expect(app.getByTestId('no-on-call')).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(app.getByTestId('no-on-call')).toBeVisible();
});

test('a file that is not an incident log is refused with its name, and nothing is imported', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-incidents').click();
  await app.getByTestId('import-log').click();
  await app.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ "count": 3 }') });
  await expect(app.getByTestId('import-error')).toContainText('notes.json holds no list of incidents');
});

test('a log from before the scenario imports whole, with its ack-after-resolution rows kept, and the first day moves to it in one click', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-incidents').click();
  await app.getByTestId('import-log').click();
  const csv = [
    'incident_number,service_name,created_on,resolved_on,acknowledged_on,resolved_by_user_name',
    '1,Prediction API,2025-03-03T10:00:00Z,2025-03-03T11:00:00Z,2025-03-03T10:05:00Z,Mel',
    '2,Prediction API,2025-03-04T03:00:00Z,2025-03-04T04:00:00Z,2025-03-04T05:00:00Z,Mel',
    '3,Recommendation service,2025-03-05T14:00:00Z,2025-03-05T15:30:00Z,2025-03-05T14:10:00Z,Mel',
  ].join('\n');
  await app.getByTestId('import-file').setInputFiles({ name: 'old.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await app.getByTestId('import-timezone').fill('UTC');
  await app.getByTestId('import-next').click();
  // Nothing is refused for being before the scenario; the row acknowledged after it was resolved can keep its row without the ack.
  await expect(app.getByTestId('import-count')).toHaveText('2');
  await app.getByTestId('drop-bad-acks').check();
  await expect(app.getByTestId('import-count')).toHaveText('3');
  await app.getByTestId('import-commit').click();
  await expect(app.getByTestId('past-log')).toContainText('3 of 3 incidents are before the scenario');
  await app.getByTestId('move-first-day').click();
  await expect(app.getByTestId('past-log')).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(app.getByTestId('past-log')).toBeVisible();
});
