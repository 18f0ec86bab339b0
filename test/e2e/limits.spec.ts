import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/webHost';

const example = path.resolve(import.meta.dirname, '../../simulation/examples/walled-data-team.handoff.json');

test('a recent file with a 200-character name does not cover the File menu: Open... stays clickable', async ({ app, host }) => {
  const longName = `${'quarterly-platform-reorganisation-'.repeat(6)}`.slice(0, 200);
  writeFileSync(path.join(host.scenarioDir, `${longName}.handoff.json`), readFileSync(example, 'utf8'));
  await app.getByTestId('welcome-open').click();
  await app.getByTestId('open-dialog-file').filter({ hasText: longName.slice(0, 40) }).click();
  await app.getByTestId('open-dialog-open').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Walled data team');

  await app.getByTestId('menu-file').click();
  const recent = app.getByTestId('menuitem-recent').first();
  await expect(recent).toBeVisible();
  // The whole name is there on hover, the item itself is cut short within the window.
  await expect(recent).toHaveAttribute('title', new RegExp(`${longName}\\.handoff\\.json$`));
  const box = (await recent.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(app.viewportSize()!.width);
  expect(box.width).toBeLessThan(520);
  await app.getByRole('menu').screenshot({ path: '/tmp/h2/recent-menu.png' });
  await app.getByRole('menuitem', { name: 'Open...' }).click();
  await expect(app.getByTestId('open-dialog')).toBeVisible();

  // The welcome screen's recent list cuts the name too.
  await app.keyboard.press('Escape');
  await app.reload();
  const listed = app.getByTestId('recent-list').getByRole('button').first();
  await expect(listed).toHaveAttribute('title', new RegExp(`${longName}\\.handoff\\.json$`));
  const listBox = (await app.getByTestId('recent-list').boundingBox())!;
  expect((await listed.boundingBox())!.width).toBeLessThanOrEqual(listBox.width + 1);
  await app.getByTestId('recent-list').screenshot({ path: '/tmp/h2/recent-welcome.png' });
  await app.getByTestId('welcome-open').click();
  await expect(app.getByTestId('open-dialog')).toBeVisible();
});
