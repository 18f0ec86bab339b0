import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/webHost';

const ORG = path.resolve(import.meta.dirname, '../../simulation/examples/org');

async function shoot(app: Page, name: string): Promise<void> {
  // The app follows the system theme unless told otherwise.
  for (const theme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: theme });
    await expect(app.locator('html')).toHaveAttribute('data-resolved-theme', theme);
    await app.waitForTimeout(400); // let the colour transitions finish
    await app.screenshot({ path: `test-results/screenshots/org-${name}-${theme}.png` });
  }
  await app.emulateMedia({ colorScheme: 'light' });
}

test('import the sample catalog and git history into an empty scenario, run it, then see a plan that moves two people as a diff', async ({ app }) => {
  // A run, eight screenshots and a dozen steps: well over a minute on a busy machine.
  test.setTimeout(180_000);
  await app.setViewportSize({ width: 1180, height: 860 });
  await app.getByTestId('welcome-new').click();
  await expect(app.getByTestId('empty-model')).toBeVisible();

  await app.getByTestId('menu-file').click();
  await app.getByRole('menuitem', { name: 'Import organisation...' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import an organisation' });
  await expect(dialog.getByTestId('org-git-command')).toContainText('git log --numstat');
  await shoot(app, 'files');
  await dialog.getByTestId('org-import-files').setInputFiles([path.join(ORG, 'catalog-info.yaml'), path.join(ORG, 'git-history.txt')]);

  // Mapping: each file recognised; folders suggested as the catalog's services; Gus's two emails are one author.
  await expect(dialog.getByTestId('org-import-files-read')).toContainText('catalog-info.yaml: Backstage catalog (YAML)');
  await expect(dialog.getByTestId('org-import-files-read')).toContainText('git-history.txt: Git history');
  await expect(dialog.getByLabel('Service of services/recommender')).toHaveValue('Recommender');
  await expect(dialog.getByLabel('Service of docs')).toHaveValue('');
  const gus = dialog.getByTestId('org-authors').getByRole('row', { name: /Gus Keller/ });
  await expect(gus).toContainText('gus@shop.example, gus.keller@gmail.com');
  await expect(dialog.getByLabel('Gus Keller is')).toHaveValue('gus-keller');
  // Olga is not in the catalog (she left): left out unless the user says otherwise.
  await expect(dialog.getByLabel('Olga Former is')).toHaveValue('');
  await expect(dialog.getByTestId('org-import-tally')).toContainText('3 teams, 8 people, 5 services; 0 problems');
  // The docs folder is worth a service of its own here: the tally follows.
  await dialog.getByLabel('Service of docs').fill('Handbook');
  await expect(dialog.getByTestId('org-import-tally')).toContainText('3 teams, 8 people, 6 services');
  await dialog.getByLabel('Service of docs').fill('');
  await expect(dialog.getByTestId('org-import-tally')).toContainText('3 teams, 8 people, 5 services');
  await shoot(app, 'mapping');

  await dialog.getByTestId('org-import-next').click();
  const summary = dialog.getByTestId('org-import-summary');
  await expect(summary).toContainText('3 teams, 8 people, 5 services');
  await expect(dialog.getByTestId('org-changes')).toContainText('Add team Recommendations ML (complicated-subsystem)');
  await expect(dialog.getByTestId('org-changes')).toContainText('Add Recommender (Recommendations ML; owners: Gus Keller');
  await expect(dialog.getByTestId('org-notes')).toContainText('Olga Former (4 commits)');
  await shoot(app, 'review');
  await dialog.getByTestId('org-import-commit').click();
  await expect(dialog).toHaveCount(0);

  // Drawable: the teams, people and services are on the canvas, with who knows what.
  await expect(app.locator('.react-flow__node-person')).toHaveCount(8);
  await expect(app.locator('.react-flow__node-service')).toHaveCount(5);
  await expect(app.locator('.react-flow__node-team')).toHaveCount(3);
  await expect(app.getByTestId('rf__node-person:gus-keller')).toBeVisible();
  // Knowledge as a line (a React Flow edge, or the overview's line when the fitted view is zoomed out).
  await expect(app.locator('[data-testid="rf__edge-k:gus-keller:recommender"], .overview-line[data-id="k:gus-keller:recommender"]')).toHaveCount(1);
  // One undo step takes it all back; redo brings it again.
  await app.getByTestId('menu-edit').click();
  await app.getByRole('menuitem', { name: 'Undo' }).click();
  await expect(app.locator('.react-flow__node-person')).toHaveCount(0);
  await app.getByTestId('menu-edit').click();
  await app.getByRole('menuitem', { name: 'Redo' }).click();
  await expect(app.locator('.react-flow__node-person')).toHaveCount(8);
  await app.screenshot({ path: 'test-results/screenshots/org-canvas.png' });

  // Runnable: a short run gives a time to restore.
  await app.getByTestId('tab-results').click();
  await app.getByTestId('run-reps').fill('20');
  await app.getByTestId('run-start').click();
  await expect(app.getByTestId('run-status')).toHaveAttribute('data-kind', 'done', { timeout: 60_000 });

  // The plan: a variant that moves two people; What changes lists the moves and marks them on the canvas.
  await app.getByTestId('tab-canvas').click();
  await app.getByTestId('variant-menu').click();
  await app.getByTestId('variant-copy').click();
  for (const [person, team] of [
    ['ana-lima', 'data-platform'],
    ['hana-sato', 'checkout'],
  ] as const) {
    await app.getByTestId(`rf__node-person:${person}`).click();
    await app.getByTestId('person-team').selectOption(team);
  }
  await app.getByTestId('plan-toggle').click();
  const panel = app.getByTestId('plan-panel');
  await expect(panel).toContainText('Ana Lima: Checkout -> Data Platform');
  await expect(panel).toContainText('Hana Sato: Recommendations ML -> Checkout');
  await expect(panel).toContainText('Checkout loses its only knower of Checkout API: Ana Lima');
  await expect(panel.getByRole('heading', { name: /People/ })).toContainText('2');
  // Marked on the canvas: the moved person has an outline; someone who stays does not.
  const outline = (id: string) => app.getByTestId(`rf__node-${id}`).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(await outline('person:ana-lima')).toBe('solid');
  expect(await outline('person:ben-okafor')).toBe('none');
  await shoot(app, 'diff');
  // Compared with itself (the variant against itself): nothing to list, nothing marked.
  await panel.getByTestId('plan-against').selectOption({ index: 1 });
  await expect(panel.getByTestId('plan-same')).toBeVisible();
  expect(await outline('person:ana-lima')).toBe('none');
});

test('import a people file into an existing scenario: a bad row listed by line and reason, fixed, and the changes previewed', async ({ app }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'handoff-org-'));
  const csv = path.join(dir, 'hr-export.csv');
  writeFileSync(csv, ['Employee,Squad,Expertise,FTE', 'Dana (data scientist),Data team,Data science:0.95,1', 'Zoe Quinn,Data team,ML engineering:0.7,150%', 'Ravi Shah,Platform,Backend:high,0.8'].join('\n'));
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('menu-file').click();
  await app.getByRole('menuitem', { name: 'Import organisation...' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import an organisation' });
  await dialog.getByTestId('org-import-files').setInputFiles(csv);
  // Columns guessed from their headers.
  await expect(dialog.getByLabel('Column for name')).toHaveValue('Employee');
  await expect(dialog.getByLabel('Column for availability')).toHaveValue('FTE');
  await expect(dialog.getByTestId('org-import-tally')).toContainText('2 problems');
  await dialog.getByTestId('org-import-next').click();

  const problems = dialog.getByTestId('org-problems');
  await expect(problems.getByRole('row', { name: /availability/ })).toContainText('"150%" must be above 0 and at most 1');
  await expect(problems.getByRole('row', { name: /availability/ })).toContainText('3');
  await expect(problems.getByRole('row', { name: /skills/ })).toContainText('"Backend:high" is not skill:level');
  await dialog.getByLabel('Fix line 3 availability').fill('60%');
  await dialog.getByLabel('Fix line 4 skills').fill('Backend (Scala, Ruby):0.8');
  await expect(dialog.getByTestId('org-problem-count')).toHaveText('0');
  // The rows stay in the table with their fix, so the field typed in does not vanish.
  await expect(dialog.getByLabel('Fix line 3 availability')).toHaveValue('60%');
  const changes = dialog.getByTestId('org-changes');
  await expect(changes).toContainText('Change Dana (data scientist): Data science 0.9 -> 0.95');
  await expect(changes).toContainText('Add Zoe Quinn (Data team)');
  await expect(changes).toContainText('Add team Platform (stream-aligned, assumed)');
  await expect(changes).not.toContainText('Add skill');
  await shoot(app, 'fix');
  await dialog.getByTestId('org-import-commit').click();
  await expect(dialog).toHaveCount(0);
  await expect(app.getByTestId('rf__node-person:zoe-quinn')).toHaveCount(1);
  await app.getByTestId('rf__node-person:zoe-quinn').click();
  await expect(app.getByTestId('inspector-person')).toContainText('0.6');
  rmSync(dir, { recursive: true, force: true });
});
