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

test('a compared structure that leaves a stage to nobody says which, on its card, instead of blaming the whole team', async ({ app }) => {
  await app.setViewportSize({ width: 1180, height: 900 });
  // The reorganisation example is walled with its operations engineers named for each service; made
  // cross-functional as it stands, Pricing has nobody at the least skill level (0.3) in operations.
  await app.getByTestId('example-reorganisation').click();
  await app.getByTestId('tab-results').click();
  await app.getByTestId('run-reps').fill('20');
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });
  const cross = app.getByTestId('summary-cross-functional-warnings');
  await expect(cross.locator('li').first()).toHaveText(
    "Nobody in the team is qualified for the operations stage of Price engine at level 30 or more (the structure's least skill level), so its work never finishes",
  );
  await expect(cross).toContainText(/does not settle: .* bottleneck: items pile up in the Operations stage without being queued for anyone/);
  await expect(cross).not.toContainText('not one queue, the whole team');
  // The walled structure, where named specialists take those stages, has no such sentence.
  await expect(app.getByTestId('summary-walled')).not.toContainText('Nobody in the team is qualified');
  await cross.scrollIntoViewIfNeeded();
  await cross.screenshot({ path: 'test-results/stalled-stage-card.png' });
});
