import { expect, test } from './support/webHost';

test('make a plan that moves two people, set the date it takes effect, and see when it pays for itself', async ({ app }) => {
  test.setTimeout(180_000);
  await app.setViewportSize({ width: 1280, height: 900 });
  await app.getByTestId('example-platform-teams').click();

  // The plan: a copy of the structure in which Gus and Hana leave the platform team for the stream-aligned teams.
  await app.getByTestId('variant-menu').click();
  await app.getByTestId('variant-copy').click();
  for (const [person, team] of [
    ['gus', 'search'],
    ['hana', 'pricing'],
  ] as const) {
    await app.getByTestId(`rf__node-person:${person}`).click();
    await app.getByTestId('person-team').selectOption(team);
  }
  await app.getByTestId('plan-toggle').click();
  const panel = app.getByTestId('plan-panel');
  await expect(panel).toContainText('Gus: Delivery platform -> Search');
  await expect(panel).toContainText('Hana: Delivery platform -> Pricing');

  await app.getByTestId('plan-toggle').click();

  // Run & results: the transition panel, with the plan picked and no date yet.
  await app.getByTestId('tab-results').click();
  const transition = app.getByRole('region', { name: 'Simulate the transition' });
  // The plan is the variant open in the editor.
  await expect(transition.getByLabel('Plan')).toHaveValue(/.+/);
  await expect(transition.getByLabel('Plan').locator('option:checked')).toHaveText('Variant');
  await expect(transition.getByRole('button', { name: 'Simulate the transition' })).toBeDisabled();
  // A date in the past of the run is refused, with the reason.
  await transition.getByLabel('Takes effect on').fill('2025-12-01');
  await expect(transition.getByRole('alert')).toContainText('which is not after the first day of the run, 2026-01-05');
  await expect(transition.getByRole('button', { name: 'Simulate the transition' })).toBeDisabled();
  await transition.getByLabel('Takes effect on').fill('2026-03-02');
  await expect(transition.getByRole('alert')).toHaveCount(0);
  await transition.getByLabel('Replications').fill('30');
  await transition.getByRole('button', { name: 'Simulate the transition' }).click();

  const sentence = transition.getByTestId('transition-sentence');
  await expect(sentence).toBeVisible({ timeout: 90_000 });
  await expect(sentence).toContainText(/Lead time: the reorganisation (pays for itself from week \d+ \[(\d+|beyond the horizon), (\d+|beyond the horizon)\]|does not pay for itself within the horizon)/);
  await expect(sentence).toContainText(/Time to restore: the reorganisation/);
  await expect(transition).toContainText('Transition to "');
  await expect(transition).toContainText('on 2026-03-02');
  // Both charts drawn: two arms (band + median each) and the date it takes effect marked.
  for (const m of ['lead', 'ttr']) {
    const chart = transition.getByTestId(`chart-transition-${m}`);
    await expect(chart.locator('g.series')).toHaveCount(2);
    await expect(chart.locator('g.series path.median').first()).toHaveAttribute('d', /^M/);
    await expect(chart.getByTestId('transition-marker-switch')).toContainText('takes effect 2026-03-02');
  }
  await transition.getByTestId('transition-result').scrollIntoViewIfNeeded();
  await app.screenshot({ path: 'test-results/screenshots/transition.png' });
  await transition.getByTestId('chart-transition-ttr').scrollIntoViewIfNeeded();
  await app.screenshot({ path: 'test-results/screenshots/transition-ttr.png' });
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect(app.locator('html')).toHaveAttribute('data-resolved-theme', 'dark');
  await app.waitForTimeout(400);
  await app.screenshot({ path: 'test-results/screenshots/transition-ttr-dark.png' });
  await app.emulateMedia({ colorScheme: 'light' });

  // The date is part of the scenario: undo takes it back out.
  await app.getByTestId('menu-edit').click();
  await app.getByRole('menuitem', { name: /Undo/ }).first().click();
  await expect(transition.getByLabel('Takes effect on')).toHaveValue('2025-12-01');

  // The run budget holds here too: over a horizon of 1,000,000 hours, 5,000 replications of both arms are refused with the reason; nothing starts.
  await app.getByTestId('tab-canvas').click();
  await app.getByTestId('canvas').click({ position: { x: 30, y: 400 } });
  await app.getByTestId('run-horizon').fill('1000000');
  await app.getByTestId('run-horizon').blur();
  await app.getByTestId('tab-results').click();
  await transition.getByLabel('Takes effect on').fill('2026-03-02');
  await transition.getByLabel('Replications').fill('5000');
  await transition.getByRole('button', { name: 'Simulate the transition' }).click();
  const refused = app.getByRole('dialog', { name: 'The transition cannot start' });
  await expect(refused).toContainText('the limit is 5 billion');
  await refused.getByRole('button', { name: 'Close' }).click();
  await expect(transition.getByRole('progressbar', { name: 'Transition progress' })).toHaveCount(0);
  await expect(transition.getByRole('button', { name: 'Simulate the transition' })).toBeEnabled();
});
