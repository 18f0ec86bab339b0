import { expect, test } from './support/webHost';

test('a run stops when its figures are precise, shows estimates as it goes, and says why it stopped; a fixed count stays available', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-results').click();
  // Run until precise is the default: loose targets so that it stops well before the most replications.
  await expect(app.getByTestId('run-precise')).toBeChecked();
  await app.getByTestId('run-lead-pct').fill('10');
  await app.getByTestId('run-ttr-pct').fill('30');
  await app.getByTestId('run-reps').fill('400');
  const progress: string[] = [];
  await app.exposeFunction('recordProgress', (text: string) => progress.push(text));
  await app.evaluate(() => {
    const seen = new MutationObserver(() => {
      const t = document.querySelector('[data-testid="run-precision-text"]')?.textContent;
      if (t) (window as unknown as { recordProgress: (t: string) => void }).recordProgress(t);
    });
    seen.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });
  const stopping = app.getByTestId('run-stopping');
  await expect(stopping).toHaveAttribute('data-reason', 'precise');
  const n = Number(/: (\d+) replications, every headline figure within its target/.exec((await stopping.textContent()) ?? '')?.[1]);
  expect(n).toBeGreaterThanOrEqual(30);
  expect(n).toBeLessThan(400);
  // While it ran, the precision reached so far was shown.
  expect(progress.some((t) => /replications: least precise .* ±[\d.]+ points \(target ±\d+\)/.test(t))).toBe(true);
  await expect(app.getByTestId('summary-cross-functional')).toBeVisible();

  // The same count, fixed: the same figures (a precise run is reproduced by its count).
  const p50 = await app.getByTestId('card-cross-functional-leadTimeP50').locator('.summary-value').textContent();
  await app.getByTestId('run-precise').uncheck();
  await app.getByTestId('run-reps').fill(String(n));
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });
  await expect(app.getByTestId('run-stopping')).toHaveAttribute('data-reason', 'fixed');
  await expect(app.getByTestId('card-cross-functional-leadTimeP50').locator('.summary-value')).toHaveText(p50!);

  // A target it cannot reach within the most replications says so.
  await app.getByTestId('run-precise').check();
  await app.getByTestId('run-lead-pct').fill('0.1');
  await app.getByTestId('run-reps').fill('40');
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });
  await expect(app.getByTestId('run-stopping')).toHaveAttribute('data-reason', 'maximum');
  await expect(app.getByTestId('run-stopping')).toContainText('stopped at the most replications, 40');
});
