import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { expect, test } from './support/webHost';
import { glyphs, pageNumbered, pdfText } from '../support/pdfText';

const SECTIONS = ['question', 'headline', 'model', 'assumptions', 'charts', 'analyses', 'limits', 'reproducibility'];
const CARD_METRICS = ['leadTimeP50', 'leadTimeP85', 'leadTimeP95', 'ttrP50', 'ttrP95', 'throughputPerWeek', 'incidentsWaitedForAbsent', 'handoffsPerItem', 'reworkPerItem', 'flowEfficiency'];
const num = (x: number) => (!Number.isFinite(x) ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

test('a comparison exports as HTML, PDF and CSV that match the app, its charts as SVG and PNG, and the report opens as its scenario', async ({ app, host, browser }) => {
  test.setTimeout(240_000);
  const exports = path.join(host.scenarioDir, 'exports');
  const newFile = async (ending: string, before: string[]) => {
    await expect.poll(() => (existsSync(exports) ? readdirSync(exports).filter((f) => f.endsWith(ending) && !before.includes(f)) : []).length, { timeout: 60_000 }).toBe(1);
    return path.join(exports, readdirSync(exports).find((f) => f.endsWith(ending) && !before.includes(f))!);
  };
  const listed = () => (existsSync(exports) ? readdirSync(exports) : []);

  await app.getByTestId('example-walled-data-team').click();
  // A name of its own, so finding it again after opening the report shows the report's scenario came back.
  await app.getByTestId('scenario-name').fill('Walled data team, spring review');
  await app.getByTestId('tab-results').click();

  // Without a run there is nothing to report, and the dialog says so.
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.export').click();
  await expect(app.getByTestId('report-no-run')).toBeVisible();
  await expect(app.getByTestId('report-export')).toBeDisabled();
  await app.keyboard.press('Escape');

  await app.getByTestId('run-reps').fill('20');
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });
  await app.getByTestId('stress-weeks').fill('20');
  await app.getByTestId('stress-reps').fill('10');
  await app.getByTestId('stress-run').click();
  await expect(app.getByTestId('stress-table')).toBeVisible({ timeout: 60_000 });
  const cards: Record<string, string> = {};
  for (const v of ['walled', 'cross-functional']) {
    for (const m of CARD_METRICS) cards[`${v}/${m}`] = (await app.getByTestId(`card-${v}-${m}`).locator('.summary-value').textContent())!;
  }

  // HTML
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.export').click();
  await expect(app.getByTestId('report-contents')).toContainText('with the absence stress test');
  await app.getByTestId('report-title').fill('Walls or one team?');
  await app.getByTestId('report-export').click();
  await expect(app.getByTestId('report-dialog')).toHaveCount(0);
  const htmlFile = await newFile('.html', []);
  expect(path.basename(htmlFile)).toBe('Walls or one team report.html');
  const html = readFileSync(htmlFile, 'utf8');

  // The report reads with no network and no JavaScript, and shows every section.
  const offline = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 1400 } });
  const page = await offline.newPage();
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html, { waitUntil: 'load' });
  for (const id of SECTIONS) await expect(page.locator(`[data-section="${id}"]`), id).toBeVisible();
  await expect(page.locator('h1')).toHaveText('Walls or one team?');
  await expect(page.getByTestId('report-question')).toContainText('What does the wall cost');
  for (const chart of ['report-chart-lead-histogram', 'report-chart-lead-cdf', 'report-chart-ttr-histogram', 'report-chart-ttr-split', 'report-chart-people', 'report-chart-queue-wip', 'report-chart-flow-0', 'report-chart-flow-1', 'report-structure']) {
    await expect(page.getByTestId(chart)).toBeVisible();
  }
  expect(await page.getByTestId('report-chart-lead-histogram').locator('.series rect').count()).toBeGreaterThan(10);
  await expect(page.getByTestId('report-absence').locator('tbody tr').first()).toContainText('Mel');
  for (const v of ['walled', 'cross-functional']) {
    for (const m of CARD_METRICS) await expect(page.getByTestId(`report-card-${v}`).locator(`[data-metric="${m}"] .value`), `${v} ${m}`).toHaveText(cards[`${v}/${m}`]!);
  }
  const hash = (await page.getByTestId('report-hash').textContent())!;
  await page.screenshot({ path: 'test-results/report/report-top.png' });
  expect(requests, 'the report fetches nothing').toEqual([]);
  await offline.close();

  // PDF, printed by the host's Chromium: the expected pages, as PNGs to look at.
  let before = listed();
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.export').click();
  await app.getByTestId('report-format-pdf').click();
  await app.getByTestId('report-export').click();
  const pdfFile = await newFile('.pdf', before);
  expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))![1]);
  // Cover and headline; model (2 pages: picture and tables); assumptions; results (3); analyses; limits; reproducibility.
  expect(pages).toBeGreaterThanOrEqual(9);
  expect(pages).toBeLessThanOrEqual(14);
  // Page numbers and figures compared in any spacing: extractors differ in how they space glyphs.
  expect(pageNumbered(pdfFile, 1, pages)).toBe(true);
  expect(pageNumbered(pdfFile, pages, pages)).toBe(true);
  expect(glyphs(pdfText(pdfFile))).toContain(glyphs(cards['cross-functional/leadTimeP85']!));
  const pngDir = 'test-results/report/pdf-pages';
  rmSync(pngDir, { recursive: true, force: true });
  mkdirSync(pngDir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, path.join(pngDir, 'page')]);
  expect(readdirSync(pngDir)).toHaveLength(pages);

  // CSV: one file per table, all in one new folder, parsing, and matching the cards.
  const tablesDir = path.join(exports, 'Walled data team, spring review tables');
  const tables = () => (existsSync(tablesDir) ? readdirSync(tablesDir) : []);
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.export').click();
  await app.getByTestId('report-format-csv').click();
  await app.getByTestId('report-export').click();
  await expect.poll(() => tables().filter((f) => f.endsWith('.csv')).length, { timeout: 30_000 }).toBe(7);
  await expect(app.getByText('Exported 7 CSV files into Walled data team, spring review tables')).toBeVisible();
  // Named after the title, which starts as the scenario's name.
  const csv = (table: string) => readFileSync(path.join(tablesDir, `Walled data team, spring review ${table}.csv`), 'utf8');
  const summary = Papa.parse<Record<string, string>>(csv('summary'), { header: true, skipEmptyLines: true });
  expect(summary.errors).toEqual([]);
  for (const v of ['walled', 'cross-functional']) {
    for (const m of CARD_METRICS) {
      const row = summary.data.find((r) => r.variant === v && r.metric === m)!;
      // The CSV is in hours and shares; the cards write times in the row's unit of the calendar (8 h days, 5-day weeks) and shares as percentages.
      const shown = cards[`${v}/${m}`]!;
      const per = row.unit === 'h' ? { h: 1, days: 8, weeks: 40 }[shown.split(' ')[1]!]! : row.unit === 'share' ? 1 / 100 : 1;
      const suffix = row.unit === 'h' ? ` ${shown.split(' ')[1]}` : row.unit === 'share' ? '%' : row.unit === 'items/week' ? ' items/week' : '';
      const expected = `${num(Number(row.mean) / per)}${suffix}${row.ci95_half_width ? ` ±${num(Number(row.ci95_half_width) / per)}` : ''}`;
      expect(expected, `${v} ${m}`).toBe(shown);
    }
  }
  const reps = Papa.parse<Record<string, string>>(csv('replications'), { header: true, skipEmptyLines: true });
  expect(reps.meta.fields).toContain('lead_time_p85_h');
  expect(reps.data).toHaveLength(40);

  // One chart as SVG and PNG, from its menu.
  before = listed();
  await app.getByTestId('chart-menu-lead-time').click();
  await app.getByTestId('chart-save-svg-lead-time').click();
  const svg = readFileSync(await newFile('.svg', before), 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain('Lead time (histogram)');
  expect(svg).toContain('Cross-functional');
  expect(svg).toContain('fill="rgb(0, 114, 178)"');
  before = listed();
  await app.getByTestId('chart-menu-lead-time').click();
  await app.getByTestId('chart-save-png-lead-time').click();
  const png = readFileSync(await newFile('.png', before));
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBeGreaterThan(800);

  // Opening the report restores the exact scenario it was made from.
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.open').click();
  await app.getByTestId('confirm-discard-yes').click();
  await app.getByTestId('open-dialog-file').filter({ hasText: 'Walls or one team report.html' }).click();
  await app.getByTestId('open-dialog-open').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Walled data team, spring review');
  await expect(app.getByTestId('unsaved-marker')).toBeVisible();
  await app.keyboard.press('Control+S');
  await app.getByTestId('save-as-name').fill('restored');
  await app.getByTestId('save-as-save').click();
  await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);
  const restored = readFileSync(path.join(host.scenarioDir, 'restored.handoff.json'), 'utf8');
  expect(createHash('sha256').update(restored).digest('hex')).toBe(hash);
});
