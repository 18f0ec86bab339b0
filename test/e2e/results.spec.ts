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

test.describe('10: the comparison and the analyses follow the variants the user makes', () => {
  test('a variant just made is selected in Compare; the choices and replications survive switching variants and views', async ({ app }) => {
    await app.getByTestId('example-walled-data-team').click();
    await app.getByTestId('tab-results').click();
    await app.getByTestId('run-reps').fill('40');
    await app.getByTestId('run-variant-walled').click();
    await expect(app.getByTestId('run-variant-walled')).toHaveAttribute('aria-pressed', 'false');

    await app.getByTestId('variant-menu').click();
    await app.getByTestId('variant-cross-functional').click();
    const made = await app.getByTestId('variant-select').inputValue();
    expect(made).not.toBe('');
    await app.getByTestId('variant-select').selectOption('');
    await app.getByTestId('tab-canvas').click();
    await app.getByTestId('tab-results').click();
    await expect(app.getByTestId(`run-variant-${made}`)).toHaveAttribute('aria-pressed', 'true');
    await expect(app.getByTestId('run-variant-cross-functional')).toHaveAttribute('aria-pressed', 'true');
    await expect(app.getByTestId('run-variant-walled')).toHaveAttribute('aria-pressed', 'false');
    await expect(app.getByTestId('run-reps')).toHaveValue('40');
    await app.getByTestId('variant-select').selectOption(made);
    await expect(app.getByTestId('run-reps')).toHaveValue('40');
    await expect(app.getByTestId(`run-variant-${made}`)).toHaveAttribute('aria-pressed', 'true');

    await app.getByTestId('run-start').click();
    await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });
    await expect(app.getByTestId(`summary-${made}`)).toBeVisible();
  });

  test('the stress test, the advisor and the sweep run on a variant the user made', async ({ app }) => {
    await app.getByTestId('example-walled-data-team').click();
    await app.getByTestId('variant-menu').click();
    await app.getByTestId('variant-copy').click();
    const made = await app.getByTestId('variant-select').inputValue();
    const name = (await app.getByTestId('variant-select').locator('option:checked').textContent())!;
    await app.getByTestId('tab-results').click();

    await app.getByTestId('stress-variant').selectOption(made);
    await app.getByTestId('stress-reps').fill('10');
    await app.getByTestId('stress-run').click();
    await expect(app.getByTestId('stress-table')).toBeVisible({ timeout: 60_000 });
    await expect(app.getByTestId('stress-test')).toContainText(`On ${name}`);

    await app.getByTestId('advisor-variant').selectOption(made);
    await app.getByTestId('advisor-reps').fill('10');
    await app.getByTestId('advisor-run').click();
    await expect(app.getByTestId('advisor-table')).toBeVisible({ timeout: 60_000 });
    await expect(app.getByTestId('advisor')).toContainText(`Under ${name}`);

    await app.getByTestId('sweep-variant-walled').click();
    await app.getByTestId('sweep-variant-cross-functional').click();
    await app.getByTestId(`sweep-variant-${made}`).click();
    await app.getByTestId('sweep-reps').fill('5');
    await app.getByTestId('sweep-run').click();
    await expect(app.getByTestId('chart-sweep').locator('.series')).toHaveCount(1, { timeout: 60_000 });
    await expect(app.getByTestId('sweep')).toContainText(`${name} (band: 95% interval)`);
  });
});

/** The tick labels of a chart's x axis, as numbers. */
async function xTicks(app: Page, testId: string): Promise<number[]> {
  const texts = await app.getByTestId(testId).locator('.axis-x .tick text').allTextContents();
  return texts.filter((t) => t !== '').map(Number);
}

/** Ticks are evenly spaced at 1, 2 or 5 times a power of ten. */
function expectOneTwoFive(ticks: number[]) {
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  expect(ticks.every(Number.isFinite), ticks.join(', ')).toBe(true);
  const step = ticks[1]! - ticks[0]!;
  for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeCloseTo(step, 9);
  const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
  expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6), `step ${step}`).toBe(true);
}

test.describe('11: one time-unit policy on the scenario calendar', () => {
  test('cards, axes and tables say their unit, ticks fall on 1-2-5 steps, throughput and flow efficiency read as they should', async ({ app }) => {
    await runWalledTeam(app, '40');
    const card = (metric: string) => app.getByTestId(`card-cross-functional-${metric}`);
    for (const metric of ['leadTimeMean', 'leadTimeP50', 'leadTimeP85', 'ttrMean', 'ttrP95']) await expect(card(metric)).toContainText(/\d (h|days|weeks) ±/);
    await expect(card('throughputPerWeek')).toContainText(/items\/week ±/);
    await expect(card('flowEfficiency')).toContainText(/\d+(\.\d+)?% ±/);
    await expect(app.getByTestId('summary-cards')).toContainText('working days of 8 h or working weeks of 5 days');
    for (const chart of ['chart-lead', 'chart-ttr']) {
      await expect(app.getByTestId(chart).locator('.axis-label, text').filter({ hasText: /, (hours|working days|working weeks)$/ })).toHaveCount(1);
      expectOneTwoFive(await xTicks(app, chart));
    }
    expectOneTwoFive(await xTicks(app, 'chart-ttr-split'));
    await expect(app.getByTestId('results-view')).not.toContainText(/[-−]0\.00\b/);

    // A 6-hour working day: the same hours read as more days, and the note says so.
    await app.getByTestId('tab-workload').click();
    await app.getByTestId('calendar-hours').fill('6');
    await app.getByTestId('calendar-hours').press('Tab');
    await app.getByTestId('tab-results').click();
    await app.getByTestId('run-start').click();
    await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });
    await expect(app.getByTestId('summary-cards')).toContainText('working days of 6 h or working weeks of 5 days');
  });
});

test.describe('12: results say what the intervals mean', () => {
  test('cards show means and verdicts, explain ± and brackets on hover', async ({ app }) => {
    await runWalledTeam(app, '60');
    await expect(app.getByTestId('card-walled-leadTimeMean')).toBeVisible();
    await expect(app.getByTestId('card-walled-ttrMean')).toBeVisible();
    // Cross-functional shortens lead time clearly in the walled data team.
    const p85 = app.getByTestId('card-cross-functional-leadTimeP85');
    await expect(p85.getByTestId('verdict')).toHaveText('clearly lower');
    await expect(p85.getByTestId('verdict')).toHaveAttribute('data-tone', 'better');
    const green = await p85.getByTestId('verdict').evaluate((el) => getComputedStyle(el).color);
    const plain = await app.getByTestId('card-cross-functional-leadTimeP85').locator('dt').evaluate((el) => getComputedStyle(el).color);
    expect(green).not.toBe(plain);
    await expect(app.getByTestId('card-walled-leadTimeP85').getByTestId('verdict')).toHaveCount(0);
    await expect(p85.locator('.summary-value')).toHaveAttribute('title', /± half the width of its 95% confidence interval/);
    await expect(p85.locator('.summary-diff')).toHaveAttribute('title', /95% confidence interval of the paired difference/);
    for (const row of await app.getByTestId('summary-cross-functional').locator('.summary-row').all()) {
      if (await row.locator('.summary-diff').count()) await expect(row.getByTestId('verdict')).toHaveText(/^(clearly lower|clearly higher|no clear difference)$/);
    }
  });

  test('the stress test ranks by the metric picked and says a verdict on every row', async ({ app }) => {
    await app.getByTestId('example-walled-data-team').click();
    await app.getByTestId('tab-results').click();
    await app.getByTestId('stress-weeks').fill('20');
    await app.getByTestId('stress-reps').fill('20');
    await app.getByTestId('stress-run').click();
    await expect(app.getByTestId('stress-table')).toBeVisible({ timeout: 60_000 });
    await expect(app.getByTestId('stress-table').locator('thead')).toContainText('Time to restore, mean, in');
    await expect(app.getByTestId('stress-table').locator('thead th').nth(1)).toContainText('(ranked by)');
    const rows = app.getByTestId('stress-table').locator('tbody tr');
    for (const row of await rows.all()) await expect(row.getByTestId('verdict').first()).toHaveText(/^(clearly lower|clearly higher|no clear difference)$/);
    /** The mean of the lead-time differences, in the order shown. */
    const leadDiffs = async () =>
      (await rows.locator('td:nth-of-type(2) > span:first-child').allTextContents()).map((t) => Number(t.split(' ')[0]!.replace('−', '-').replace('+', '')));
    await app.getByTestId('stress-rank').selectOption('lead');
    await expect(app.getByTestId('stress-table').locator('thead th').nth(2)).toContainText('(ranked by)');
    const diffs = await leadDiffs();
    expect(diffs.length).toBeGreaterThan(1);
    for (let i = 1; i < diffs.length; i++) expect(diffs[i]!).toBeLessThanOrEqual(diffs[i - 1]!);
  });

  test("the advisor's suggestion becomes a variant in one click, selected in Compare", async ({ app }) => {
    await app.getByTestId('example-walled-data-team').click();
    await app.getByTestId('tab-results').click();
    await app.getByTestId('advisor-reps').fill('10');
    await app.getByTestId('advisor-run').click();
    await expect(app.getByTestId('advisor-table')).toBeVisible({ timeout: 60_000 });
    const first = app.getByTestId('advisor-table').locator('tbody tr').first();
    await expect(first.getByTestId('verdict').first()).toHaveText(/^(clearly lower|clearly higher|no clear difference)$/);
    const option = (await first.getByTestId('advisor-option').textContent())!;
    await first.getByRole('button', { name: /Apply as a variant/ }).click();
    await expect(app.getByTestId('variant-select').locator('option', { hasText: option })).toHaveCount(1);
    const id = await app.getByTestId('variant-select').locator('option', { hasText: option }).getAttribute('value');
    await expect(app.getByTestId(`run-variant-${id}`)).toHaveAttribute('aria-pressed', 'true');
    // One undo step takes it away again.
    await app.keyboard.press('Control+Z');
    await expect(app.getByTestId('variant-select').locator('option', { hasText: option })).toHaveCount(0);
  });

  test("the sweep marks today's value of the dial", async ({ app }) => {
    await app.getByTestId('example-walled-data-team').click();
    await app.getByTestId('tab-results').click();
    await app.getByTestId('sweep-reps').fill('5');
    await app.getByTestId('sweep-run').click();
    await expect(app.getByTestId('chart-sweep').locator('.series')).toHaveCount(2, { timeout: 60_000 });
    await expect(app.getByTestId('sweep-today')).toContainText('today: 1×');
    await expect(app.getByTestId('sweep-today-legend')).toContainText('Today: 1×');
    // The line stands where the axis reads 1×.
    const tick = app.getByTestId('chart-sweep').locator('.axis-x .tick').filter({ hasText: /^1×$/ });
    const tickBox = (await tick.boundingBox())!;
    const lineBox = (await app.getByTestId('sweep-today').locator('line').boundingBox())!;
    expect(Math.abs(lineBox.x - (tickBox.x + tickBox.width / 2))).toBeLessThan(2);
  });
});

test('14: dates read the same everywhere ("5 Dec 2026, 06:47")', async ({ app }) => {
  await runWalledTeam(app);
  await expect(app.getByTestId('run-meta')).toContainText(/run on \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d\d:\d\d$/);
  await app.getByTestId('run-reps').fill('20000');
  await app.getByTestId('run-start').click();
  await app.getByTestId('run-cancel').click();
  await expect(app.getByTestId('run-status')).toContainText(/of \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/);
  await expect(app.getByTestId('results-view')).not.toContainText(/\d{1,2}\/\d{1,2}\/\d{4}|[AP]M\b/);
});
