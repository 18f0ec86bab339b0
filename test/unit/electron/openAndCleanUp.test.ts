import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostServices } from '../../../electron/node/hostServices';
import { browserCommand, writeLaunchPage } from '../../../electron/web/openInBrowser';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-open-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('--open', () => {
  const url = 'http://127.0.0.1:4567/#token=abc123SECRET';

  it('gives the browser opener a private launch page, never the address with the token', async () => {
    const page = await writeLaunchPage(path.join(root, 'data'), url);
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const [cmd, args] = browserCommand(page, platform);
      expect([cmd, ...args].join(' ')).not.toContain('abc123SECRET');
      expect(args.join(' ')).toContain('open-web-host.html');
    }
    expect(await fs.readFile(page, 'utf8')).toContain(`url=${url}`);
    if (process.platform !== 'win32') expect((await fs.stat(page)).mode & 0o777).toBe(0o600);
  });

  it('replaces the page of an earlier launch', async () => {
    await writeLaunchPage(root, 'http://127.0.0.1:1/#token=old');
    const page = await writeLaunchPage(root, url);
    expect(await fs.readFile(page, 'utf8')).not.toContain('token=old');
  });
});

describe('leftover temporaries at start', () => {
  it('removes the temporary file of a save killed before it renamed, and keeps young ones and other files', async () => {
    const scenarioDir = path.join(root, 'scenarios');
    const dataDir = path.join(root, 'data');
    await fs.mkdir(path.join(dataDir, 'recovery'), { recursive: true });
    await fs.mkdir(scenarioDir, { recursive: true });
    const killed = path.join(scenarioDir, '.team.handoff.json.0123456789ab.tmp');
    const killedRecovery = path.join(dataDir, 'recovery', '.r-1.json.0123456789ab.tmp');
    const young = path.join(scenarioDir, '.other.handoff.json.ba9876543210.tmp');
    const keep = path.join(scenarioDir, '.notes.tmp');
    for (const f of [killed, killedRecovery, young, keep]) await fs.writeFile(f, 'x');
    const old = new Date(Date.now() - 5 * 60 * 1000);
    for (const f of [killed, killedRecovery, keep]) await fs.utimes(f, old, old);
    const services = createHostServices({ host: 'web', appVersion: '1', platform: 'linux', scenarioDir, dataDir });
    expect(await services.removeLeftoverTemps()).toBe(2);
    expect((await fs.readdir(scenarioDir)).sort()).toEqual(['.notes.tmp', '.other.handoff.json.ba9876543210.tmp']);
  });
});
