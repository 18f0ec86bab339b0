import { expect, test } from './support/webHost';

test.describe('17: analyses race instead of brute-forcing', () => {
  test('the stress test on the organisation of 50 shows the time left and the people still in the race, then ranks everyone', async ({ app }) => {
    test.setTimeout(300_000);
    await app.getByTestId('example-organisation-50').click();
    // Half a year rather than a whole one, so the test stays quick on a busy machine (the absence starts a tenth in).
    await app.getByTestId('run-horizon').fill('1000');
    await app.getByTestId('run-horizon').press('Tab');
    await app.getByTestId('tab-results').click();
    await app.getByTestId('stress-reps').fill('12');
    await app.getByRole('button', { name: 'Run stress test' }).click();
    const status = app.getByTestId('analysis-time-left');
    await expect(status).toHaveText(/(About \d+ s left|Less than a second left) · \d+ still in the race/, { timeout: 120_000 });
    await app.screenshot({ path: 'test-results/stress-racing-progress.png' });
    await expect(app.getByTestId('stress-table')).toBeVisible({ timeout: 180_000 });
    await expect(status).toHaveCount(0);
    // Everyone is ranked, those who left the race early too.
    await expect(app.getByTestId('stress-table').locator('tbody tr')).toHaveCount(50);
    const note = app.getByTestId('raced-note');
    if (await note.count()) await expect(note).toHaveText(/^\d+ of 50 people were clearly behind the leaders and stopped early/);
    await app.getByTestId('stress-test').screenshot({ path: 'test-results/stress-racing-done.png' });
  });

  test('a raced analysis can be cancelled: the button comes back and no table is shown', async ({ app }) => {
    await app.getByTestId('example-organisation-50').click();
    await app.getByTestId('tab-results').click();
    await app.getByTestId('stress-reps').fill('400');
    await app.getByRole('button', { name: 'Run stress test' }).click();
    await expect(app.getByTestId('analysis-time-left')).toBeVisible();
    await app.getByTestId('stress-test').getByRole('button', { name: 'Cancel' }).click();
    await expect(app.getByRole('button', { name: 'Run stress test' })).toBeEnabled();
    await expect(app.getByTestId('stress-table')).toHaveCount(0);
  });
});
