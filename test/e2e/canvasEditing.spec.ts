import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/webHost';

type Box = { x: number; y: number; width: number; height: number };

/** Every person and service card on screen, by its key. */
async function cards(app: Page): Promise<Record<string, Box>> {
  const out: Record<string, Box> = {};
  for (const node of await app.locator('.react-flow__node-person, .react-flow__node-service').all()) out[(await node.getAttribute('data-id'))!] = (await node.boundingBox())!;
  return out;
}

async function teamBoxes(app: Page): Promise<Record<string, Box>> {
  const out: Record<string, Box> = {};
  for (const node of await app.locator('.react-flow__node-team').all()) out[(await node.getAttribute('data-id'))!] = (await node.boundingBox())!;
  return out;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function expectNoOverlap(boxes: Record<string, Box>) {
  const keys = Object.keys(boxes);
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) expect(overlap(boxes[keys[i]!]!, boxes[keys[j]!]!), `${keys[i]} and ${keys[j]} overlap`).toBe(false);
}

function expectUnmoved(before: Record<string, Box>, after: Record<string, Box>) {
  for (const [key, box] of Object.entries(before)) {
    expect(after[key], `${key} is still drawn`).toBeDefined();
    expect(Math.abs(after[key]!.x - box.x) + Math.abs(after[key]!.y - box.y), `${key} did not move`).toBeLessThan(1);
  }
}

/** Drags with the mouse from the centre of one element to a point. */
async function drag(app: Page, from: Locator, to: { x: number; y: number }, hold?: () => Promise<void>) {
  const a = (await from.boundingBox())!;
  await app.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await app.mouse.down();
  await app.mouse.move(to.x, to.y, { steps: 15 });
  await hold?.();
  await app.mouse.up();
}

test('1. adding people and services to an example never moves a card and never covers one; a variant shows the same places', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  const before = await cards(app);
  expect(Object.keys(before)).toHaveLength(6);
  await app.getByTestId('add-person').click();
  await expect(app.locator('.react-flow__node-person')).toHaveCount(4);
  const afterPerson = await cards(app);
  expectUnmoved(before, afterPerson);
  expectNoOverlap(afterPerson);
  await app.getByTestId('add-service').click();
  await expect(app.locator('.react-flow__node-service')).toHaveCount(4);
  const afterService = await cards(app);
  expectUnmoved(afterPerson, afterService);
  expectNoOverlap(afterService);
  // Renaming, a skill change: nothing moves either.
  await app.getByTestId('person-name-sam').dblclick();
  await app.getByTestId('person-name-sam-input').fill('Samira');
  await app.getByTestId('person-name-sam-input').press('Enter');
  expectUnmoved(afterService, await cards(app));
  // A variant draws its people where the base has them.
  await app.getByTestId('variant-menu').click();
  await app.getByTestId('variant-copy').click();
  await expect(app.getByTestId('variant-select')).not.toHaveValue('');
  expectUnmoved(afterService, await cards(app));
});

test('2. a new scenario: + Service, + Person, + Person land apart, and none moves when the next is added', async ({ app }) => {
  await app.getByTestId('welcome-new').click();
  await app.getByTestId('add-service').click();
  const one = await cards(app);
  await app.getByTestId('add-person').click();
  const two = await cards(app);
  await app.getByTestId('add-person').click();
  const three = await cards(app);
  expect(Object.keys(three)).toHaveLength(3);
  expectUnmoved(one, two);
  expectUnmoved(two, three);
  expectNoOverlap(three);
  // All three are in view, near the middle, not scattered.
  const pane = (await app.getByTestId('editor-canvas').boundingBox())!;
  for (const box of Object.values(three)) {
    expect(box.x).toBeGreaterThan(pane.x);
    expect(box.x + box.width).toBeLessThan(pane.x + pane.width);
  }
});

test('3. a line from a person let go on the middle of a service card links them, and the card is marked while dragging', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  // Dana does not know the core platform module yet.
  await expect(app.locator('.react-flow__edge[aria-label*="Dana (data scientist)"][aria-label*="Core platform prediction module"]')).toHaveCount(0);
  const card = app.getByTestId('node-service-core-platform-module');
  const box = (await card.boundingBox())!;
  await drag(app, app.locator('.react-flow__node[data-id="person:dana"] .react-flow__handle'), { x: box.x + box.width / 2, y: box.y + box.height / 2 + 5 }, async () => {
    await expect(app.locator('.react-flow__node[data-id="service:core-platform-module"]')).toHaveAttribute('data-drop-target', 'true');
  });
  await expect(app.locator('[data-drop-target]')).toHaveCount(0);
  await expect(app.locator('.react-flow__edge[aria-label^="Dana (data scientist) knows Core platform prediction module"]')).toHaveCount(1);
  // Walled: only the owner may restore it, so knowing the service does not add to its bus factor (issue 14, item 7).
  await expect(app.getByTestId('busfactor-core-platform-module')).toHaveText('⚠ bus factor 1');
});

test('4. dragging a person into another team changes their team in one undo step, and team boxes never overlap', async ({ app }) => {
  await app.getByTestId('example-platform-teams').click();
  const teams = await teamBoxes(app);
  expectNoOverlap(teams);
  const person = 'ana';
  const from = `person:${person}`;
  await app.getByTestId(`node-person-${person}`).click();
  const teamBefore = await app.getByTestId('person-team').inputValue();
  const target = Object.entries(teams).find(([key]) => key !== `team:${teamBefore}`)!;
  const targetId = target[0].slice('team:'.length);
  const t = target[1];
  const others = await cards(app);
  delete others[from];
  // Let go in the target box's lower right corner, over empty space inside it.
  await drag(app, app.getByTestId(`node-person-${person}`), { x: t.x + t.width - 60, y: t.y + t.height - 20 });
  await app.getByTestId(`node-person-${person}`).click();
  await expect(app.getByTestId('person-team')).toHaveValue(targetId);
  expectNoOverlap(await teamBoxes(app));
  expectUnmoved(others, await cards(app));
  // One undo: back in the old team, where they were.
  await app.keyboard.press('Control+Z');
  await app.getByTestId(`node-person-${person}`).click();
  await expect(app.getByTestId('person-team')).toHaveValue(teamBefore);

  // Dragged out of its box next to another team's, a card's own box does not grow over that team.
  const boxes = await teamBoxes(app);
  const other = Object.entries(boxes).find(([key]) => key !== `team:${teamBefore}`)![1];
  await drag(app, app.getByTestId(`node-person-${person}`), { x: other.x - 10, y: other.y + other.height / 2 });
  await expect(app.getByTestId('person-team')).toHaveValue(teamBefore);
  expectNoOverlap(await teamBoxes(app));
});

test('5. long names wrap and can be read whole on hover and by a screen reader; zoomed out, the cards say their names', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  const long = 'Samantha Worthington-Kowalczyk (senior software engineer)';
  await app.getByTestId('person-name-sam').dblclick();
  await app.getByTestId('person-name-sam-input').fill(long);
  await app.getByTestId('person-name-sam-input').press('Enter');
  const label = app.getByTestId('person-name-sam');
  await expect(label).toHaveAttribute('title', long);
  // Two lines, not one cut line.
  const lineHeight = await label.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await label.boundingBox())!.height).toBeGreaterThan(1.5 * lineHeight);
  await expect(app.locator('.react-flow__node[data-id="person:sam"]')).toHaveAttribute('aria-label', new RegExp(`^Person: ${long.replace(/[()]/g, '\\$&')}`));

  // The organisation of 50, fitted: names drawn large instead of blank boxes.
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-example-organisation-50').click();
  await app.getByTestId('confirm-discard-yes').click();
  await expect(app.getByTestId('editor-canvas')).toHaveAttribute('data-detail', 'overview');
  await expect(app.getByTestId('editor-canvas')).toHaveAttribute('data-labels', 'names');
  const short = app.locator('.react-flow__node-person .node-short').first();
  await expect(short).toBeVisible();
  expect((await short.boundingBox())!.height).toBeGreaterThanOrEqual(7);
  const title = app.locator('.react-flow__node-team .team-title').first();
  expect((await title.boundingBox())!.height).toBeGreaterThanOrEqual(9);
});

test('6. the legend says what lines and colours mean; find (Ctrl+F) filters, selects and brings into view', async ({ app }) => {
  await app.getByTestId('example-platform-teams').click();
  await app.getByRole('button', { name: 'Legend' }).click();
  const legend = app.getByRole('region', { name: 'Legend' });
  for (const text of ['owns the service (solid)', 'knows the service (dashed)', 'thicker', 'Stream-aligned team', 'Platform team', 'collaboration', 'X-as-a-service', 'facilitating']) await expect(legend).toContainText(text);
  await app.getByRole('button', { name: 'Legend' }).click();
  await expect(legend).toHaveCount(0);

  // Zoom far in on a corner so most of the organisation is out of sight.
  const canvas = (await app.getByTestId('editor-canvas').boundingBox())!;
  await app.mouse.move(canvas.x + 60, canvas.y + canvas.height - 60);
  for (let i = 0; i < 6; i++) await app.mouse.wheel(0, -300);
  await app.getByTestId('editor-canvas').click({ position: { x: 5, y: canvas.height / 2 } });
  await app.keyboard.press('Control+F');
  const find = app.getByRole('searchbox', { name: /Find people, services/ });
  await expect(find).toBeFocused();
  await find.fill('search ranking');
  await expect(app.getByTestId('section-people')).toHaveCount(0);
  await expect(app.getByTestId('count-services')).toHaveText(/^1 of \d+$/);
  await find.press('Enter');
  const node = app.locator('.react-flow__node[data-id="service:search-ranking"]');
  await expect(node).toHaveClass(/selected/);
  await expect
    .poll(async () => {
      const b = await node.boundingBox();
      return !!b && b.x > canvas.x && b.x + b.width < canvas.x + canvas.width && b.y > canvas.y && b.y + b.height < canvas.y + canvas.height;
    })
    .toBe(true);
  // People are found by their skills too.
  await find.fill('operations');
  await expect(app.getByTestId('section-people')).toBeVisible();
  await find.fill('zzz');
  await expect(app.getByTestId('outline-no-match')).toBeVisible();
});

test('7. Edit and View menus, F2, Escape, the shortcut sheet, New from example at any time, and recent paths read left to right', async ({ app, host }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('menu-edit').click();
  const edit = app.getByRole('menu');
  for (const item of ['Undo', 'Redo', 'Cut', 'Copy', 'Paste', 'Duplicate', 'Delete', 'Select All', 'Rename', 'Find...']) await expect(edit.getByRole('menuitem', { name: new RegExp(`^${item.replace('.', '\\.')}`) })).toBeVisible();
  await app.keyboard.press('Escape');
  await app.getByTestId('menu-edit').click();
  await app.getByRole('menuitem', { name: /^Select All/ }).click();
  await expect(app.locator('.react-flow__node.selected')).toHaveCount(6);
  await app.keyboard.press('Escape');
  await expect(app.locator('.react-flow__node.selected')).toHaveCount(0);

  // Cut and paste a person through the menu.
  await app.getByTestId('node-person-mel').click();
  await app.getByTestId('menu-edit').click();
  await app.getByRole('menuitem', { name: /^Cut/ }).click();
  await expect(app.getByTestId('count-people')).toHaveText('2');
  await app.getByTestId('menu-edit').click();
  await app.getByRole('menuitem', { name: /^Paste/ }).click();
  await expect(app.getByTestId('count-people')).toHaveText('3');
  await expect(app.getByTestId('left-panel')).toContainText('Mel (ML engineer)');

  // F2 renames the selected node.
  await app.getByTestId('node-person-dana').click();
  await app.keyboard.press('F2');
  await app.getByTestId('person-name-dana-input').fill('Dana S.');
  await app.getByTestId('person-name-dana-input').press('Enter');
  await expect(app.getByTestId('person-name-dana')).toHaveText('Dana S.');

  // View: zoom in and out, fit, overview.
  const zoom = async () => Number(/scale\(([\d.]+)\)/.exec((await app.locator('.react-flow__viewport').getAttribute('style'))!)![1]);
  const start = await zoom();
  await app.getByTestId('menu-view').click();
  await app.getByRole('menuitem', { name: /^Zoom In/ }).click();
  await expect.poll(zoom).toBeGreaterThan(start);
  await app.getByTestId('menu-view').click();
  await app.getByRole('menuitem', { name: /^Overview/ }).click();
  await expect(app.getByTestId('editor-canvas')).toHaveAttribute('data-detail', 'overview');
  await app.getByTestId('menu-view').click();
  await app.getByRole('menuitem', { name: /^Fit to Window/ }).click();
  await expect(app.getByTestId('editor-canvas')).toHaveAttribute('data-detail', 'full');

  // ? lists the shortcuts.
  await app.getByTestId('editor-canvas').click({ position: { x: 5, y: 300 } });
  await app.keyboard.press('?');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('F2');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  // New from example from the File menu, with an edited scenario open.
  await app.getByTestId('menu-file').click();
  await app.getByRole('menuitem', { name: 'Platform team and stream-aligned teams' }).click();
  await app.getByTestId('confirm-discard-yes').click();
  await expect(app.getByTestId('outline-teams-search')).toBeVisible();

  // The recent list (on the start screen) shows the path as it is written, from its leading slash.
  await app.keyboard.press('Control+S');
  await app.getByTestId('save-as-name').fill('mine');
  await app.getByTestId('save-as-save').click();
  await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);
  await app.reload();
  const recentPath = app.getByTestId('recent-path').first();
  await expect(recentPath).toBeVisible();
  const text = (await recentPath.textContent())!;
  expect(text.startsWith(host.scenarioDir.slice(0, 5))).toBe(true);
  expect(text.startsWith('/')).toBe(true);
  expect(text.endsWith('mine.handoff.json')).toBe(true);
  expect(await recentPath.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
});

test('8. the skills matrix is in percent like the canvas, and out-of-range input is said inline, never clamped', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-skills').click();
  const cell = app.getByRole('textbox', { name: 'Dana (data scientist), Data science, percent' });
  await expect(cell).toHaveValue('90');
  await cell.fill('75');
  await cell.press('Enter');
  await app.getByTestId('tab-canvas').click();
  await expect(app.getByTestId('node-person-dana')).toContainText('Data science 75');
  await app.getByTestId('tab-skills').click();
  await cell.fill('150');
  await expect(app.getByRole('alert')).toHaveText('150% is above 100%; 75% kept');
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await cell.fill('1.5');
  await expect(app.getByRole('alert')).toHaveCount(0);
  await cell.press('Tab');
  await app.getByTestId('tab-canvas').click();
  // 1.5 is 1.5%, not 100% and not 1.
  await expect(app.getByTestId('node-person-dana')).toContainText('Data science 2');
  await app.getByTestId('node-person-dana').click();
  await expect(app.getByRole('textbox', { name: 'Level in Data science, percent' })).toHaveValue('1.5');
});

test('13. "Make cross-functional" by default trains people to the level at which they can restore, and says what the level means; a skill nobody has is a risk', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await expect(app.getByTestId('busfactor-recommendations')).toHaveText(/bus factor 1/);
  await app.getByTestId('variant-menu').click();
  await expect(app.getByTestId('cross-training-meaning')).toContainText('From 50% someone counts as able to restore a service');
  await app.getByTestId('cross-training').fill('0.3');
  await expect(app.getByTestId('cross-training-meaning')).toContainText('warnings stay');
  await app.getByTestId('cross-training').fill('0.5');
  await app.getByTestId('variant-cross-functional').click();
  for (const id of ['recommendations', 'prediction-api', 'core-platform-module']) await expect(app.getByTestId(`busfactor-${id}`)).toHaveText('bus factor 3');

  // Back on the base: Mel leaves, nobody has ML engineering any more.
  await app.getByTestId('variant-select').selectOption('');
  await app.getByTestId('node-person-mel').click();
  await app.keyboard.press('Delete');
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('risk-unheld-ml-engineering')).toContainText('Nobody has ML engineering');
});

test('14. the owner box and the add-knower list have names; focus stays on the canvas after Delete; lines are labelled by names', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await expect(app.locator('.react-flow__edge[aria-label^="Mel (ML engineer) owns Recommendation service"]')).toHaveCount(1);
  await app.getByTestId('node-service-core-platform-module').click();
  await expect(app.getByRole('checkbox', { name: 'Sam (software engineer) owns Core platform prediction module' })).toBeChecked();
  await app.getByRole('combobox', { name: 'Someone else who knows Core platform prediction module' }).selectOption({ label: 'Dana (data scientist)' });
  await expect(app.getByRole('textbox', { name: "Dana (data scientist)'s knowledge of Core platform prediction module, percent" })).toHaveValue('60');
  await app.getByTestId('node-person-sam').click();
  await app.keyboard.press('Delete');
  await expect(app.getByTestId('count-people')).toHaveText('2');
  await expect(app.getByRole('region', { name: 'Canvas' })).toBeFocused();
  expect(await app.evaluate(() => document.activeElement === document.body)).toBe(false);
  // The keys still work: undo brings Sam back.
  await app.keyboard.press('Control+Z');
  await expect(app.getByTestId('count-people')).toHaveText('3');
});
