import type { Page } from '@playwright/test';
import { expect, test } from './support/webHost';

/** Opens the walled data team and runs the default comparison with a few replications. */
async function runWalledTeam(app: Page, reps = '30') {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-results').click();
  await app.getByTestId('run-reps').fill(reps);
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });
}

test.describe('9: results say when they are out of date', () => {
  test('editing a skill level after a run marks the results as stale; undoing the edit clears the mark', async ({ app }) => {
    await runWalledTeam(app);
    await expect(app.getByTestId('results-stale')).toHaveCount(0);
    await app.getByTestId('tab-skills').click();
    // "1" is a valid level whether the matrix reads fractions or percentages, and differs from Sam's.
    const cell = app.getByTestId('skills-matrix').locator('input.matrix-cell').first();
    await cell.fill('1');
    await cell.press('Tab');
    await app.getByTestId('tab-results').click();
    await expect(app.getByTestId('results-stale')).toContainText('The scenario has changed since this run');
    await expect(app.getByTestId('run-changed')).toBeVisible();
    // The cards are still the old run's, marked: nothing is thrown away.
    await expect(app.getByTestId('summary-walled')).toBeVisible();
    await app.keyboard.press('Control+Z');
    await expect(app.getByTestId('results-stale')).toHaveCount(0);
    await expect(app.getByTestId('run-changed')).toHaveCount(0);
  });

  test('a cancelled run leaves the previous results and their time in place, and says so', async ({ app }) => {
    await runWalledTeam(app);
    const meta = await app.getByTestId('run-meta').textContent();
    const lead = await app.getByTestId('card-cross-functional-leadTimeP85').textContent();
    // A new minute on the clock would show in the time of a run started now.
    await app.clock.install();
    await app.clock.fastForward('02:00:00');
    await app.getByTestId('run-reps').fill('20000');
    await app.getByTestId('run-start').click();
    await expect(app.getByTestId('run-progress-text')).toBeVisible();
    await app.getByTestId('run-cancel').click();
    await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'cancelled');
    await expect(app.getByTestId('run-status')).toContainText('Cancelled: the results below are still those of the run of');
    await expect(app.getByTestId('run-meta')).toHaveText(meta!);
    await expect(app.getByTestId('card-cross-functional-leadTimeP85')).toHaveText(lead!);
  });
});
