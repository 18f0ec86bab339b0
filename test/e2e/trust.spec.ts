import { expect, test } from './support/webHost';

test('result cards and the sensitivity sweep say when figures cannot be trusted', async ({ app }) => {
  await app.setViewportSize({ width: 1180, height: 900 });
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-results').click();
  await app.getByTestId('run-reps').fill('30');
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });
  // Items left unfinished at the end are counted next to the lead times, and the card says what to watch for.
  await expect(app.getByTestId('card-walled-unfinished')).toContainText('Items not finished by the end');
  await expect(app.getByTestId('card-walled-unrestored')).toContainText('Incidents not restored by the end');
  await expect(app.getByTestId('summary-walled-warnings')).toContainText(/warm-up looks too short|not finished by the end/);
  await app.getByTestId('summary-cards').screenshot({ path: '/tmp/diag-cards.png' });

  // Work arriving twice as fast: a structure that does not settle is named at those points.
  await app.getByTestId('sweep-parameter').selectOption('arrivalRate');
  await app.getByTestId('sweep').getByRole('textbox', { name: 'To', exact: true }).fill('2');
  await app.getByTestId('sweep-reps').fill('10');
  await app.getByTestId('sweep-run').click();
  await expect(app.getByTestId('chart-sweep').locator('.series')).toHaveCount(2, { timeout: 90_000 });
  await expect(app.getByTestId('sweep-warnings')).toContainText(/does not settle at .*x: those points grow with the length of the run/);
  await app.getByTestId('sweep').screenshot({ path: '/tmp/diag-sweep.png' });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.getByTestId('summary-cards').screenshot({ path: '/tmp/diag-cards-dark.png' });
  await app.getByTestId('sweep').screenshot({ path: '/tmp/diag-sweep-dark.png' });
});
