import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/webHost';

test('run walled vs cross-functional in Web Workers: progress, cancel, run again, summary cards and charts with data', async ({ app }) => {
  await app.getByTestId('example-organisation-50').click();
  await app.getByTestId('tab-results').click();
  await app.getByTestId('run-reps').fill('2000');
  await app.getByTestId('run-start').click();
  // Progress moves while the page stays usable.
  await expect(app.getByTestId('run-progress-text')).toContainText(/[1-9]\d* \/ 4000 replications/);
  await app.getByTestId('run-cancel').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'cancelled');
  await expect(app.getByTestId('summary-cards')).toHaveCount(0);

  await app.getByTestId('run-reps').fill('200');
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 30_000 });
  await expect(app.getByTestId('summary-walled')).toBeVisible();
  await expect(app.getByTestId('card-cross-functional-leadTimeP85')).toContainText(/−\d+% \[/);
  await expect(app.getByTestId('run-meta')).toContainText('scenario ');

  for (const chart of ['chart-lead', 'chart-ttr', 'chart-wip']) {
    // Every chart has drawn marks for its data, not just axes.
    await expect(app.getByTestId(chart).locator('.series')).toHaveCount(2);
    expect(await app.getByTestId(chart).locator('.series rect, .series path').count()).toBeGreaterThan(2);
  }
  // Queue buildup per stage: the band follows the chosen queue.
  await app.getByTestId('queue-series').selectOption('skill:backend');
  await expect(app.getByTestId('chart-wip')).toHaveAttribute('aria-label', 'Queue length over time');
  await expect(app.getByTestId('chart-wip').locator('svg')).toHaveAttribute('aria-label', 'items waiting over time');
  for (const chart of ['chart-ttr-split', 'chart-people']) {
    // One bar per (service or person, variant), each with its parts.
    expect(await app.getByTestId(chart).locator('.series').count()).toBeGreaterThanOrEqual(4);
    expect(await app.getByTestId(chart).locator('.series rect').count()).toBeGreaterThan(8);
  }
  // Cumulative flow: one diagram per variant, finished work plus at least one place in progress.
  for (const chart of ['chart-flow-0', 'chart-flow-1']) expect(await app.getByTestId(chart).locator('path.layer').count()).toBeGreaterThanOrEqual(3);
  const flow = app.getByTestId('chart-flow-1');
  await flow.scrollIntoViewIfNeeded();
  const flowBox = (await flow.boundingBox())!;
  await flow.hover({ position: { x: flowBox.width * 0.6, y: flowBox.height * 0.5 } });
  await expect(flow.locator('.chart-tooltip')).toContainText('Finished:');
  await expect(app.getByTestId('card-cross-functional-handoffsPerItem')).toContainText(/\[/);
  const lead = app.getByTestId('chart-lead');
  await lead.scrollIntoViewIfNeeded();
  const box = (await lead.boundingBox())!;
  await lead.hover({ position: { x: box.width * 0.3, y: box.height * 0.5 } });
  await expect(lead.locator('.chart-tooltip')).toHaveCSS('opacity', '1');
  await expect(lead.locator('.chart-tooltip')).toContainText('Walled:');
  await app.screenshot({ path: 'test-results/screenshots/results-light.png', fullPage: true });
});

test('the absence stress test ranks people by what their absence costs', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-results').click();
  await app.getByTestId('stress-weeks').fill('20');
  await app.getByTestId('stress-reps').fill('30');
  await app.getByTestId('stress-run').click();
  await expect(app.getByTestId('stress-table')).toBeVisible({ timeout: 30_000 });
  // Mel is the only one who can restore two of the three services.
  await expect(app.getByTestId('stress-table').locator('tbody tr').first()).toHaveAttribute('data-testid', 'stress-row-mel');
  await expect(app.getByTestId('stress-row-mel')).toContainText('Prediction API');
});

test('the cross-training advisor lists the most useful training first', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-results').click();
  // A replication count that is not a whole number above 1 cannot be run.
  await app.getByTestId('advisor-reps').fill('1');
  await expect(app.getByTestId('advisor-run')).toBeDisabled();
  await app.getByTestId('advisor-reps').fill('40');
  await app.getByTestId('advisor-run').click();
  await expect(app.getByTestId('advisor-table')).toBeVisible({ timeout: 60_000 });
  await expect(app.getByTestId('advisor-table').locator('tbody tr')).toHaveCount(6);
  // The best option shortens restores: its difference is negative.
  await expect(app.getByTestId('advisor-table').locator('tbody tr').first().locator('td').first()).toContainText('−');
});

test('a sensitivity sweep charts a metric against a dial for both structures', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-results').click();
  await app.getByTestId('sweep-parameter').selectOption('extraPeople');
  await app.getByTestId('sweep-reps').fill('20');
  await app.getByTestId('sweep-run').click();
  await expect(app.getByTestId('chart-sweep').locator('.series')).toHaveCount(2, { timeout: 60_000 });
  await expect(app.getByTestId('chart-sweep').locator('svg')).toHaveAttribute('aria-label', /Lead time p85/);
  // A dial that counts people labels whole numbers only.
  const ticks = await app.getByTestId('chart-sweep').locator('.axis-x .tick text').allTextContents();
  expect(ticks.filter((t) => t !== '').every((t) => /^\d+$/.test(t))).toBe(true);
  expect(ticks.filter((t) => t !== '').length).toBeGreaterThanOrEqual(3);
});

test('results kept with a scenario come back when it is opened, and say when the scenario has changed since', async ({ app, host }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.keyboard.press('Control+S');
  await app.getByTestId('save-as-name').fill('team');
  await app.getByTestId('save-as-save').click();
  await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);
  await app.getByTestId('tab-results').click();
  await app.getByTestId('run-reps').fill('30');
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 30_000 });
  const lead = await app.getByTestId('card-cross-functional-leadTimeP85').textContent();
  await app.getByTestId('run-keep').click();
  await expect(app.getByTestId('run-kept')).toBeVisible();
  expect(existsSync(path.join(host.scenarioDir, 'team.handoff-results.json'))).toBe(true);
  // An analysis made afterwards is not in the file yet: the app offers to keep again, and then keeps it too.
  await app.getByTestId('stress-reps').fill('10');
  await app.getByTestId('stress-run').click();
  await expect(app.getByTestId('stress-row-mel')).toBeVisible({ timeout: 60_000 });
  const stressRow = await app.getByTestId('stress-row-mel').textContent();
  await app.getByTestId('run-keep').click();
  await expect(app.getByTestId('run-kept')).toBeVisible();

  // Another document clears the results; reopening the file brings them back, to the digit.
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.new').click();
  await expect(app.getByTestId('summary-cards')).toHaveCount(0);
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-recent').filter({ hasText: 'team.handoff.json' }).click();
  await app.getByTestId('tab-results').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'restored');
  await expect(app.getByTestId('card-cross-functional-leadTimeP85')).toHaveText(lead!);
  await expect(app.getByTestId('run-changed')).toHaveCount(0);
  await expect(app.getByTestId('chart-flow-0').locator('path.layer').first()).toBeVisible();
  await expect(app.getByTestId('stress-row-mel')).toHaveText(stressRow!);
  await expect(app.getByTestId('run-kept')).toBeVisible();

  // Edited and saved after the run: the kept results are shown, marked as out of date.
  const file = path.join(host.scenarioDir, 'team.handoff.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"name": "Walled data team"', '"name": "Walled data team, later"'));
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.new').click();
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-recent').filter({ hasText: 'team.handoff.json' }).click();
  await app.getByTestId('tab-results').click();
  await expect(app.getByTestId('run-changed')).toBeVisible();
  await app.getByTestId('run-controls').screenshot({ path: 'test-results/screenshots/run-kept-changed.png' });
});
