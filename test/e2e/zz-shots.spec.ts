import { expect, test } from './support/webHost';

for (const theme of ['light', 'dark']) {
  test(`shots ${theme}`, async ({ app }) => {
    test.setTimeout(240_000);
    await app.setViewportSize({ width: 1180, height: 900 });
    await app.evaluate((t) => localStorage.setItem('handoff.theme', t), theme);
    await app.reload();
    await app.getByTestId('example-walled-data-team').click();
    await app.getByTestId('variant-menu').click();
    await app.getByTestId('variant-cross-functional').click();
    await app.getByTestId('tab-results').click();
    await app.getByTestId('run-reps').fill('60');
    await app.getByTestId('run-start').click();
    await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });
    await app.getByTestId('stress-reps').fill('20');
    await app.getByTestId('stress-weeks').fill('20');
    await app.getByTestId('stress-run').click();
    await expect(app.getByTestId('stress-table')).toBeVisible({ timeout: 60_000 });
    await app.getByTestId('advisor-reps').fill('10');
    await app.getByTestId('advisor-run').click();
    await expect(app.getByTestId('advisor-table')).toBeVisible({ timeout: 60_000 });
    await app.getByTestId('sweep-reps').fill('5');
    await app.getByTestId('sweep-run').click();
    await expect(app.getByTestId('chart-sweep').locator('.series')).toHaveCount(2, { timeout: 60_000 });
    await app.getByTestId('tab-skills').click();
    const cell = app.getByTestId('skills-matrix').locator('input.matrix-cell').first();
    await cell.fill('1');
    await cell.press('Tab');
    await app.getByTestId('tab-results').click();
    await app.waitForTimeout(500);
    const view = app.getByTestId('results-view');
    await view.screenshot({ path: `/tmp/shots-results/results-${theme}.png` });
    await app.getByTestId('summary-cards').screenshot({ path: `/tmp/shots-results/cards-${theme}.png` });
    await app.getByTestId('run-controls').screenshot({ path: `/tmp/shots-results/controls-${theme}.png` });
    for (const id of ['panel-lead', 'panel-ttr', 'panel-ttr-split', 'panel-people', 'stress-test', 'advisor', 'sweep']) await app.getByTestId(id).screenshot({ path: `/tmp/shots-results/${id}-${theme}.png` });
  });
}
