import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/webHost';

test('an example opens, unsaved edits survive a reload through recovery, and the restored work saves and reopens', async ({ app, host }) => {
  await app.getByTestId('example-walled-data-team').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Walled data team');
  await expect(app.getByTestId('count-people')).toHaveText('3');
  await expect(app.getByTestId('count-services')).toHaveText('3');
  await app.getByTestId('scenario-name').fill('Walled data team, after the retro');
  await expect(app.getByTestId('unsaved-marker')).toBeVisible();

  // The autosave lands in the host's recovery folder within a few seconds.
  const recoveryDir = path.join(host.dataDir, 'recovery');
  await expect.poll(() => readdirSafe(recoveryDir).length, { timeout: 10_000 }).toBe(1);

  app.on('dialog', (dialog) => void dialog.accept());
  await app.reload();
  await expect(app.getByTestId('recover-dialog')).toBeVisible();
  await expect(app.getByTestId('recover-record')).toContainText('Walled data team, after the retro');
  await app.getByTestId('recover-restore').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Walled data team, after the retro');
  await expect(app.getByTestId('unsaved-marker')).toBeVisible();
  await expect(app.getByTestId('count-people')).toHaveText('3');

  await app.keyboard.press('Control+S');
  await app.getByTestId('save-as-name').fill('after-retro');
  await app.getByTestId('save-as-save').click();
  await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);
  const file = path.join(host.scenarioDir, 'after-retro.handoff.json');
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { name: string; people: unknown[]; services: { id: string }[] };
  expect(saved.name).toBe('Walled data team, after the retro');
  expect(saved.people).toHaveLength(3);
  expect(saved.services.map((s) => s.id)).toEqual(['recommendations', 'prediction-api', 'core-platform-module']);
  // Saved work needs no recovery any more.
  await expect.poll(() => readdirSafe(recoveryDir).length).toBe(0);

  await app.reload();
  await expect(app.getByTestId('recover-dialog')).toHaveCount(0);
  // Reopen from File > recent files.
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-recent').filter({ hasText: 'after-retro.handoff.json' }).click();
  await expect(app.getByTestId('doc-title')).toHaveText('Walled data team, after the retro');
  await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);
});

test('files that are not scenarios, or from a newer Handoff, are refused with the reason and leave the open work alone', async ({ app, host }) => {
  writeFileSync(path.join(host.scenarioDir, 'newer.handoff.json'), JSON.stringify({ formatVersion: 99, name: 'From the future' }));
  writeFileSync(
    path.join(host.scenarioDir, 'bad-refs.handoff.json'),
    readFileSync(path.resolve(import.meta.dirname, '../../simulation/examples/walled-data-team.handoff.json'), 'utf8')
      .replace('"owners": [\n        "mel"', '"owners": [\n        "nobody"')
      .replace('"data-science": 0.9', '"data-science": 1.4'),
  );
  await app.getByTestId('example-platform-teams').click();
  const title = 'Platform team serving stream-aligned teams';
  await expect(app.getByTestId('doc-title')).toHaveText(title);

  for (const [name, expected] of [
    ['newer', /newer version of Handoff \(format 99; this version reads formats up to 3\)/],
    ['bad-refs', /owners\[0\]: "nobody" is not a person of this scenario/],
  ] as const) {
    await app.getByTestId('welcome-open').or(app.getByTestId('menu-file')).first().click();
    if (await app.getByTestId('menuitem-file.open').isVisible()) await app.getByTestId('menuitem-file.open').click();
    await app.getByTestId('open-dialog-file').filter({ hasText: name }).click();
    await app.getByTestId('open-dialog-open').click();
    await expect(app.getByTestId('notice-error').last()).toContainText(expected);
    await expect(app.getByTestId('doc-title')).toHaveText(title);
  }
  await expect(app.getByTestId('notice-error').last()).toContainText('people[0].skills.data-science: level 1.4 is above 1');
});

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
}
