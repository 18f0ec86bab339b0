/**
 * The real desktop app, launched through Playwright's Electron driver. Skipped
 * (reported as skipped) where no Electron binary is installed, as on machines
 * that cannot download it; the binary is found without loading the `electron`
 * package, which would try to download it.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary } from '../../electron/node/electronBinary';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const binary = findElectronBinary(projectRoot);

test.describe('desktop app', () => {
  test.skip(binary === null, 'No Electron binary installed here (ELECTRON_SKIP_BINARY_DOWNLOAD or no network).');

  test('opens a secure window whose page reaches the host only through the preload API', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'handoff-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [projectRoot, `--user-data-dir=${userData}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('app-shell')).toBeVisible();
      expect(page.url()).toBe('app://handoff/index.html');

      const surface = await page.evaluate(() => ({
        hasRequire: typeof (globalThis as { require?: unknown }).require,
        hasProcess: typeof (globalThis as { process?: unknown }).process,
        api: Object.keys((window as unknown as { handoff: object }).handoff).sort(),
      }));
      // Context isolation and no Node integration: the page sees neither require nor process.
      expect(surface.hasRequire).toBe('undefined');
      expect(surface.hasProcess).toBe('undefined');
      expect(surface.api).toContain('readScenario');
      expect(surface.api).not.toContain('invoke');

      const info = await page.evaluate(() => (window as unknown as { handoff: { info(): Promise<unknown> } }).handoff.info());
      expect(info).toMatchObject({ ok: true, value: { host: 'electron', nativeDialogs: true } });

      const opened = await page.evaluate(() => window.open('https://example.com'));
      expect(opened).toBeNull();
    } finally {
      await app.close();
    }
  });
});
