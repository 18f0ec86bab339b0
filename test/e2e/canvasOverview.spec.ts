import type { Page } from '@playwright/test';
import { expect, test } from './support/webHost';

const canvas = (app: Page) => app.getByTestId('editor-canvas');

/** Zooms out with the canvas's own button until it draws the overview. */
async function zoomOutToOverview(app: Page) {
  for (let i = 0; i < 12 && (await canvas(app).getAttribute('data-detail')) !== 'overview'; i++) await app.locator('.react-flow__controls-zoomout').click();
  await expect(canvas(app)).toHaveAttribute('data-detail', 'overview');
}

test('zoomed out, the canvas draws an overview in which nodes can still be selected, dragged and renamed, and zooming in brings the detail back', async ({ app }) => {
  await app.getByTestId('example-walled-data-team').click();
  await expect(canvas(app)).toHaveAttribute('data-detail', 'full');
  await expect(app.getByTestId('person-name-sam')).toBeVisible();
  await expect(app.locator('.react-flow__edge')).toHaveCount(6);

  await zoomOutToOverview(app);
  // No names, skills or badges; the risks (every service has one knower, only Mel has ML
  // engineering) are still there, as colour.
  await expect(app.getByTestId('person-name-sam')).toBeHidden();
  await expect(app.getByTestId('busfactor-recommendations')).toBeHidden();
  const border = (testId: string) => app.getByTestId(testId).evaluate((el) => getComputedStyle(el).borderTopColor);
  await expect(app.getByTestId('node-service-recommendations')).toHaveAttribute('data-risk', 'single');
  expect(await border('node-service-recommendations')).not.toBe(await border('node-person-sam'));
  expect(await border('node-person-mel')).not.toBe(await border('node-person-sam'));
  expect(await border('node-person-dana')).toBe(await border('node-person-sam'));
  // Lines: ownership only, drawn by the overview rather than as React Flow edges.
  await expect(app.locator('.react-flow__edge')).toHaveCount(0);
  await expect(app.locator('[data-testid="overview-lines"] .overview-line-owner')).toHaveCount(3);
  await expect(app.locator('[data-testid="overview-lines"] .overview-line-knows')).toHaveCount(0);

  // Selecting a person shows it selected, opens it in the inspector and draws what it knows.
  await app.getByTestId('node-person-sam').click();
  await expect(app.getByTestId('node-person-sam')).toHaveAttribute('data-selected', 'true');
  await expect(app.getByTestId('inspector-person')).toBeVisible();
  await expect(app.locator('[data-testid="overview-lines"] .overview-line-knows')).toHaveCount(2);
  await app.getByTestId('node-service-recommendations').click({ modifiers: ['Shift'] });
  await expect(app.getByTestId('node-service-recommendations')).toHaveAttribute('data-selected', 'true');
  await expect(app.getByTestId('node-person-sam')).toHaveAttribute('data-selected', 'true');

  // Dragging in the overview moves the node and its lines, as one undo step.
  const line = app.locator('[data-testid="overview-lines"] [data-id="k:mel:recommendations"]');
  const lineBefore = await line.getAttribute('d');
  const mel = app.locator('.react-flow__node[data-id="person:mel"]');
  const before = (await mel.boundingBox())!;
  await app.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await app.mouse.down();
  await app.mouse.move(before.x + before.width / 2 + 60, before.y + before.height / 2 + 30, { steps: 8 });
  await app.mouse.up();
  const after = (await mel.boundingBox())!;
  expect(after.x - before.x).toBeGreaterThan(40);
  expect(await line.getAttribute('d')).not.toBe(lineBefore);
  await app.keyboard.press('Control+Z');
  await expect.poll(async () => (await mel.boundingBox())!.x).toBeCloseTo(before.x, -1);
  await expect(line).toHaveAttribute('d', lineBefore!);

  // Rename from the context menu: the canvas comes close enough to show the name being edited.
  await app.getByTestId('node-person-dana').click({ button: 'right' });
  await app.getByTestId('ctx-rename').click();
  await expect(canvas(app)).toHaveAttribute('data-detail', 'full');
  await expect(app.getByTestId('person-name-dana-input')).toBeFocused();
  await app.getByTestId('person-name-dana-input').fill('Danielle');
  await app.getByTestId('person-name-dana-input').press('Enter');
  await expect(app.getByTestId('person-name-dana')).toHaveText('Danielle');

  // Zoomed in again: names and React Flow's edges are back, the overview's lines gone.
  await expect(app.getByTestId('person-name-sam')).toBeVisible();
  await expect(app.getByTestId('busfactor-recommendations')).toBeVisible();
  await expect(app.locator('[data-testid="overview-lines"]')).toHaveCount(0);
  await expect(app.locator('.react-flow__edge').first()).toBeAttached();
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of the overview, ${theme}`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: theme });
    await app.getByTestId('example-platform-teams').click();
    await zoomOutToOverview(app);
    await app.getByTestId('node-service-search-ranking').click();
    await app.screenshot({ path: `test-results/screenshots/overview-${theme}.png` });
  });
}
