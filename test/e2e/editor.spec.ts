import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/webHost';

async function connect(app: Page, personId: string, serviceId: string) {
  const from = app.locator(`.react-flow__node[data-id="person:${personId}"] .react-flow__handle`);
  const to = app.locator(`.react-flow__node[data-id="service:${serviceId}"] .react-flow__handle`);
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await app.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await app.mouse.down();
  await app.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await app.mouse.up();
}

test('draw a team from nothing, see the bus-factor risk appear and go away, undo, redo, save and reopen', async ({ app, host }) => {
  await app.getByTestId('welcome-new').click();
  await expect(app.getByTestId('empty-model')).toBeVisible();

  // Skills and people, in the skills matrix.
  await app.getByTestId('tab-skills').click();
  for (const skill of ['Data science', 'Backend']) {
    await app.getByTestId('matrix-new-skill').fill(skill);
    await app.getByTestId('matrix-add-skill').click();
  }
  const names = ['Dana', 'Mel', 'Sam'];
  for (const name of names) {
    await app.getByTestId('matrix-add-person').click();
    await app.getByTestId('person-name').fill(name);
    await app.getByTestId('person-name').blur();
  }
  await app.getByTestId('cell-person-1-data-science').fill('90');
  await app.getByTestId('cell-person-1-data-science').press('ArrowDown');
  await expect(app.getByTestId('cell-person-2-data-science')).toBeFocused();
  await app.keyboard.type('40');
  await app.getByTestId('cell-person-3-backend').fill('80');
  await app.getByTestId('cell-person-3-backend').press('Enter');
  await expect(app.getByTestId('count-people')).toHaveText('3');
  await expect(app.getByTestId('count-skills')).toHaveText('2');

  // Two services on the canvas; Dana owns the first by drawing the line.
  await app.getByTestId('tab-canvas').click();
  await app.getByTestId('add-service').click();
  await app.getByTestId('add-service').click();
  await app.getByTestId('auto-layout').click();
  await expect(app.getByTestId('busfactor-service-1')).toContainText('bus factor 0');
  await connect(app, 'person-1', 'service-1');
  await expect(app.getByTestId('busfactor-service-1')).toHaveText(/⚠\s*bus factor 1/);
  await expect(app.getByTestId('risk-status')).toContainText('depend on one person or none');

  // A second knower removes the risk once the (walled) structure lets them respond: as a second owner.
  await app.getByTestId('node-service-service-1').click();
  await expect(app.getByTestId('inspector-service')).toBeVisible();
  await expect(app.getByTestId('owner-person-1')).toBeChecked();
  await app.getByTestId('service-add-knower').selectOption('person-2');
  await expect(app.getByTestId('busfactor-service-1')).toHaveText(/⚠\s*bus factor 1/);
  await app.getByTestId('owner-person-2').check();
  await expect(app.getByTestId('busfactor-service-1')).toHaveText('bus factor 2');

  await app.getByTestId('menu-edit').click();
  await app.getByTestId('menuitem-edit.undo').click();
  await expect(app.getByTestId('busfactor-service-1')).toHaveText(/⚠\s*bus factor 1/);
  await app.getByTestId('menu-edit').click();
  await app.getByTestId('menuitem-edit.redo').click();
  await expect(app.getByTestId('busfactor-service-1')).toHaveText('bus factor 2');

  // Save, start over, reopen: the same model comes back.
  await app.keyboard.press('Control+S');
  await app.getByTestId('save-as-name').fill('drawn');
  await app.getByTestId('save-as-save').click();
  await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);
  const saved = JSON.parse(readFileSync(path.join(host.scenarioDir, 'drawn.handoff.json'), 'utf8'));
  expect(saved.people.map((p: { name: string }) => p.name)).toEqual(names);
  expect(saved.people[0].skills).toEqual({ 'data-science': 0.9 });
  expect(saved.people[2].skills).toEqual({ backend: 0.8 });
  expect(saved.services[0].owners).toEqual(['person-1', 'person-2']);
  expect(saved.services[0].knowledge).toEqual({ 'person-1': 0.8, 'person-2': 0.6 });

  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.new').click();
  await expect(app.getByTestId('count-people')).toHaveText('0');
  await app.keyboard.press('Control+O');
  await app.getByTestId('open-dialog-file').filter({ hasText: 'drawn' }).click();
  await app.getByTestId('open-dialog-open').click();
  await expect(app.getByTestId('count-people')).toHaveText('3');
  await expect(app.getByTestId('count-services')).toHaveText('2');
  await expect(app.getByTestId('busfactor-service-1')).toHaveText('bus factor 2');
  await expect(app.getByTestId('busfactor-service-2')).toContainText('bus factor 0');
});

test('rename by double-click, delete and duplicate with keys, and variants keep their own model', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('person-name-sam').dblclick();
  await app.getByTestId('person-name-sam-input').fill('Samira');
  await app.getByTestId('person-name-sam-input').press('Enter');
  await expect(app.getByTestId('person-name-sam')).toHaveText('Samira');

  await app.getByTestId('node-person-sam').click();
  await app.keyboard.press('Control+D');
  await expect(app.getByTestId('count-people')).toHaveText('4');
  await app.keyboard.press('Delete');
  await expect(app.getByTestId('count-people')).toHaveText('3');
  await app.getByTestId('node-person-mel').click();
  await app.keyboard.press('Control+C');
  await app.keyboard.press('Control+V');
  await expect(app.getByTestId('count-people')).toHaveText('4');
  await expect(app.getByTestId('left-panel')).toContainText('Mel (ML engineer) (copy)');
  await app.keyboard.press('Control+Z');
  await expect(app.getByTestId('count-people')).toHaveText('3');

  // A cross-functional variant, cross-trained: the base keeps its walls.
  await app.getByTestId('variant-menu').click();
  await app.getByTestId('cross-training').fill('0.6');
  await app.getByTestId('variant-cross-functional').click();
  await expect(app.getByTestId('variant-select')).toHaveValue('cross-functional-1');
  await expect(app.getByTestId('busfactor-recommendations')).toHaveText('bus factor 3');
  await app.getByTestId('tab-workload').click();
  await expect(app.getByTestId('mode-cross-functional')).toHaveAttribute('aria-checked', 'true');
  await app.getByTestId('variant-select').selectOption('');
  await expect(app.getByTestId('mode-walled')).toHaveAttribute('aria-checked', 'true');
  await app.getByTestId('tab-canvas').click();
  await expect(app.getByTestId('busfactor-recommendations')).toHaveText(/bus factor 1/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of the editor with an example, ${theme}`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: theme });
    await app.getByTestId('example-platform-teams').click();
    await app.getByTestId('node-service-search-ranking').click();
    await app.screenshot({ path: `test-results/screenshots/editor-${theme}.png` });
  });
}

test('the calendar and the assumptions are edited in the app: one undo step per field, per variant, with the errors said inline', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('tab-workload').click();

  // Typing a value is one step; undo gives back the example's.
  const handoff = app.getByTestId('handoff-base');
  await expect(handoff).toHaveValue('0.5');
  await handoff.fill('2');
  await handoff.blur();
  await app.keyboard.press('Control+Z');
  await expect(handoff).toHaveValue('0.5');

  // A variant changes its own absences; the base keeps its own.
  await app.getByTestId('variant-menu').click();
  await app.getByTestId('variant-cross-functional').click();
  await expect(app.getByTestId('variant-select')).toHaveValue('cross-functional-1');
  await app.getByTestId('sickness-per-year').fill('12');
  await app.getByTestId('sickness-per-year').blur();
  await app.getByTestId('variant-select').selectOption('');
  await expect(app.getByTestId('sickness-per-year')).toHaveValue('6');
  await app.getByTestId('variant-select').selectOption('cross-functional-1');
  await expect(app.getByTestId('sickness-per-year')).toHaveValue('12');

  // The calendar belongs to the whole scenario; a working day may not run past midnight.
  await app.getByTestId('calendar-day-start').fill('20:00');
  await expect(app.getByTestId('calendar-settings')).toContainText('A 8 h day from 20:00 ends after midnight; start by 16:00.');
  await app.getByTestId('calendar-day-start').fill('08:30');
  await expect(app.getByTestId('calendar-settings')).not.toContainText('ends after midnight');
  await app.getByTestId('variant-select').selectOption('');
  await expect(app.getByTestId('calendar-day-start')).toHaveValue('08:30');

  // Warm-up, in the scenario's inspector, must be shorter than the horizon.
  await app.getByTestId('run-warmup').fill('3000');
  await expect(app.getByTestId('inspector')).toContainText('Must be shorter than the horizon.');
});

test('the outline selects what is clicked, follows the variant shown, and a team has its Team API', async ({ app }) => {
  await app.getByTestId('example-platform-teams').click();
  await app.getByTestId('outline-teams-search').click();
  await expect(app.getByTestId('inspector-team')).toBeVisible();
  await expect(app.getByTestId('outline-teams-search')).toHaveAttribute('aria-current', 'true');
  await expect(app.locator('.react-flow__node[data-id="team:search"]')).toHaveClass(/selected/);
  await app.getByTestId('team-offers').fill('Search ranking as a service');
  await app.getByTestId('team-contact').fill('#search');
  await app.getByTestId('team-contact').blur();
  await app.getByTestId('outline-people-ana').click();
  await expect(app.getByTestId('inspector-person')).toBeVisible();
  await app.getByTestId('outline-teams-search').click();
  await expect(app.getByTestId('team-offers')).toHaveValue('Search ranking as a service');
  await app.keyboard.press('Control+Z');
  await expect(app.getByTestId('team-contact')).toHaveValue('');

  // A variant that adds a person: the outline shows the variant's people.
  await app.getByTestId('variant-menu').click();
  await app.getByTestId('variant-copy').click();
  await app.getByTestId('node-person-ana').click();
  await app.keyboard.press('Control+D');
  await expect(app.getByTestId('count-people')).toHaveText('9');
  await app.getByTestId('variant-select').selectOption('');
  await expect(app.getByTestId('count-people')).toHaveText('8');

  // A node out of sight is brought into view, at the same zoom.
  const canvas = (await app.getByTestId('editor-canvas').boundingBox())!;
  // Zoom in on the top right corner: the delivery platform, bottom left, goes out of sight.
  await app.mouse.move(canvas.x + canvas.width - 30, canvas.y + 80);
  for (let i = 0; i < 6; i++) await app.mouse.wheel(0, -300);
  const inView = async () => {
    // Nodes out of sight are not drawn at all.
    const node = app.locator('.react-flow__node[data-id="service:deploy-pipeline"]');
    if ((await node.count()) === 0) return false;
    const box = await node.boundingBox();
    return !!box && box.x + box.width / 2 > canvas.x && box.x + box.width / 2 < canvas.x + canvas.width && box.y + box.height / 2 > canvas.y && box.y + box.height / 2 < canvas.y + canvas.height;
  };
  await expect.poll(inView).toBe(false);
  await app.getByTestId('outline-services-deploy-pipeline').click();
  await expect.poll(inView).toBe(true);

  // A skill opens the skills matrix.
  await app.getByTestId('outline-skills-backend').click();
  await expect(app.getByTestId('tab-skills')).toHaveAttribute('aria-selected', 'true');
});

test('planned absences and a departure are set by date, on the scenario calendar', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await app.getByTestId('outline-people-mel').click();
  await app.getByTestId('person-add-absence').click();
  const row = app.getByTestId('absence-row').first();
  // The example's calendar starts on Monday 5 January 2026, 8 h a day, 5 days a week.
  await row.getByTestId('absence-from').fill('2026-03-02');
  await row.getByTestId('absence-to').fill('2026-03-13');
  await expect(row.getByTestId('absence-hours')).toHaveText('80 working hours, from hour 320 to 400');
  // Ending before it starts is refused with the reason; the absence keeps its days.
  await row.getByTestId('absence-to').fill('2026-02-27');
  await expect(row).toContainText('Ends before it starts');
  await expect(row.getByTestId('absence-hours')).toHaveText('80 working hours, from hour 320 to 400');
  // A departure on Friday 26 June: the end of working hour 1,000.
  await app.getByTestId('person-departure').fill('2026-06-26');
  await expect(app.getByTestId('inspector-person')).toContainText('Working hour 1000');
  await app.getByTestId('person-departure-clear').click();
  await expect(app.getByTestId('person-departure')).toHaveValue('');
});
