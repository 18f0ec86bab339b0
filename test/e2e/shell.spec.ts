import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/webHost';

test('the shell renders with its panels and a start screen', async ({ app }) => {
  await expect(app.getByTestId('titlebar')).toContainText('Handoff');
  await expect(app.getByTestId('left-panel')).toBeVisible();
  await expect(app.getByTestId('inspector')).toBeVisible();
  await expect(app.getByTestId('statusbar')).toContainText('No scenario open');
  await expect(app.getByTestId('welcome')).toContainText('New scenario');
  await expect(app.getByTestId('app-version')).toContainText('Handoff 0.1.0');
  // The font and styles came from the app itself (no unstyled HTML).
  const fontFamily = await app.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(fontFamily).toContain('Inter Variable');
});

test('New, Save, edit, Open round-trips a scenario through the web host to disk and back', async ({ app, host }) => {
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.new').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Untitled scenario');
  await expect(app.getByTestId('doc-file')).toHaveText('not saved yet');

  await app.getByTestId('scenario-name').fill('Walled data team');
  await app.getByTestId('scenario-description').fill('What if she had not been the only one who knew that service?');
  await expect(app.getByTestId('unsaved-marker')).toBeVisible();
  await expect(app).toHaveTitle('• Walled data team — Handoff');

  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.save').click();
  const nameInput = app.getByTestId('save-as-name');
  await expect(nameInput).toHaveValue('Walled data team.handoff.json');
  await nameInput.fill('walled');
  await app.getByTestId('save-as-save').click();
  await expect(app.getByTestId('notice-success')).toContainText('Saved walled.handoff.json');
  await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);
  await expect(app.getByTestId('doc-file')).toHaveText('walled.handoff.json');

  const file = path.join(host.scenarioDir, 'walled.handoff.json');
  const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  expect(onDisk).toMatchObject({
    formatVersion: 3,
    name: 'Walled data team',
    description: 'What if she had not been the only one who knew that service?',
    people: [],
    services: [],
  });
  expect(Object.keys(onDisk)[0]).toBe('formatVersion');

  // Change the file on disk, then open it: what appears must come from disk.
  writeFileSync(file, JSON.stringify({ ...onDisk, name: 'Edited outside Handoff' }, null, 2));
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.new').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Untitled scenario');
  await app.keyboard.press('Control+O');
  await expect(app.getByTestId('open-dialog')).toBeVisible();
  await app.getByTestId('open-dialog-file').filter({ hasText: 'walled.handoff.json' }).click();
  await app.getByTestId('open-dialog-open').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Edited outside Handoff');
  await expect(app.getByTestId('scenario-description')).toHaveValue('What if she had not been the only one who knew that service?');
  await expect(app.getByTestId('scenario-path')).toHaveText(file);
});

test('unsaved changes are not dropped without asking', async ({ app }) => {
  await app.getByTestId('welcome-new').click();
  await app.getByTestId('scenario-name').fill('Precious work');
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.new').click();
  await expect(app.getByTestId('confirm-discard')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByTestId('doc-title')).toHaveText('Precious work');
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.new').click();
  await app.getByTestId('confirm-discard-yes').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Untitled scenario');
});

test('undo and redo of a typed name are one step each', async ({ app }) => {
  await app.getByTestId('welcome-new').click();
  const name = app.getByTestId('scenario-name');
  await name.fill('');
  await name.pressSequentially('Platform team');
  await name.blur();
  await expect(app.getByTestId('doc-title')).toHaveText('Platform team');
  await app.getByTestId('menu-edit').click();
  await app.getByTestId('menuitem-edit.undo').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Untitled scenario');
  await expect(app.getByTestId('unsaved-marker')).toHaveCount(0);
  await app.getByTestId('menu-edit').click();
  await app.getByTestId('menuitem-edit.redo').click();
  await expect(app.getByTestId('doc-title')).toHaveText('Platform team');
});

test('a file that is not a scenario is refused with a reason and the open work stays', async ({ app, host }) => {
  writeFileSync(path.join(host.scenarioDir, 'broken.handoff.json'), '{"formatVersion": 1, "name": ');
  await app.getByTestId('welcome-new').click();
  await app.getByTestId('scenario-name').fill('Keep me');
  await app.getByTestId('menu-file').click();
  await app.getByTestId('menuitem-file.open').click();
  await app.getByTestId('confirm-discard-yes').click();
  await app.getByTestId('open-dialog-file').filter({ hasText: 'broken' }).click();
  await app.getByTestId('open-dialog-open').click();
  await expect(app.getByTestId('notice-error')).toContainText('broken.handoff.json was not opened');
  await expect(app.getByTestId('notice-error')).toContainText('not valid JSON');
  await expect(app.getByTestId('doc-title')).toHaveText('Keep me');
});

test('the API refuses calls without the token, and pages carry a strict CSP', async ({ host, request, page }) => {
  const noToken = await request.post(`${host.origin}/api/listRecent`, { data: { args: [] } });
  expect(noToken.status()).toBe(401);
  expect((await noToken.json()).error.code).toBe('unauthorized');

  const index = await request.get(`${host.origin}/`);
  const csp = index.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');

  await page.goto(host.origin + '/');
  await expect(page.getByTestId('startup-error')).toContainText('#token=');
});

test('the built web host does not load Electron', () => {
  const out = path.resolve(import.meta.dirname, '../../out/main');
  const bundle = readFileSync(path.join(out, 'web-server.js'), 'utf8');
  expect(bundle).not.toMatch(/from\s*["']electron["']|require\(["']electron["']\)/);
  expect(existsSync(path.join(out, 'index.js'))).toBe(true);
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshot of the shell, ${theme}`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: theme });
    await app.screenshot({ path: `test-results/screenshots/welcome-${theme}.png` });
    await app.getByTestId('welcome-new').click();
    await app.getByTestId('scenario-name').fill('Walled data team');
    await app.getByTestId('scenario-description').fill('What happens to time to restore if the three of us become cross-functional?');
    const bg = await app.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // Dark backgrounds are dark, light ones light: the theme follows the OS.
    const [r, g, b] = bg.match(/\d+/g)!.map(Number) as [number, number, number];
    const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    if (theme === 'dark') expect(luminance).toBeLessThan(0.2);
    else expect(luminance).toBeGreaterThan(0.8);
    await app.screenshot({ path: `test-results/screenshots/shell-${theme}.png` });
  });
}
