import { expect, test } from './support/webHost';

test('the stress test measures the weeks an absence touches, so one person away for 4 weeks shows', async ({ app }) => {
  test.setTimeout(120_000);
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-results').click();
  await app.getByTestId('stress-weeks').fill('4');
  await app.getByTestId('stress-reps').fill('40');
  await app.getByTestId('stress-run').click();
  const table = app.getByTestId('stress-table');
  await expect(table).toBeVisible({ timeout: 90_000 });
  await expect(app.getByTestId('stress-test').locator('.table-note').first()).toContainText('measured from when the absence starts to 4 weeks after it ends');
  // Mel and Sam each own a service alone. Measured over the weeks the absence touches, each one's four weeks away
  // restores their service at least twice as slowly. Over the whole year the same absence is diluted about
  // twelvefold: restores take hours longer instead of days, and Sam's service no longer shows as stopping.
  await expect(table.locator('tbody tr', { hasText: 'Mel' })).toContainText('Prediction API');
  await expect(table.locator('tbody tr', { hasText: 'Sam' })).toContainText('Core platform prediction module');
  await app.getByTestId('stress-test').screenshot({ path: 'test-results/stress-window.png' });
});
