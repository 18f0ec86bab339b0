import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostServices, type Dialogs } from '../../../electron/node/hostServices';

let root: string;
let scenarioDir: string;
let dataDir: string;
let outsideDir: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-safety-'));
  scenarioDir = path.join(root, 'scenarios');
  dataDir = path.join(root, 'data');
  outsideDir = path.join(root, 'outside');
  for (const d of [scenarioDir, outsideDir]) await fs.mkdir(d, { recursive: true });
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const services = (dialogs?: Dialogs) => createHostServices({ host: dialogs ? 'electron' : 'web', appVersion: '1', platform: 'linux', scenarioDir, dataDir, ...(dialogs ? { dialogs } : {}) });
const picking = (file: string): Dialogs => ({ pickOpenPath: async () => file, pickSavePath: async () => file, pickFolder: async () => null });

describe('symbolic link swaps', () => {
  it('refuses a file inside the scenario folder that was swapped for a link out after it was opened', async () => {
    const secret = path.join(outsideDir, 'secret.json');
    await fs.writeFile(secret, '{"token":"s3cret"}');
    const host = services();
    const saved = await host.writeScenario('team.handoff.json', '{}');
    expect((await host.readScenario(saved.path)).text).toBe('{}');
    await fs.unlink(saved.path);
    await fs.symlink(secret, saved.path);
    await expect(host.readScenario(saved.path)).rejects.toMatchObject({ code: 'forbidden-path' });
  });

  it('refuses a file the user picked outside the folder once it is swapped for a link elsewhere', async () => {
    const picked = path.join(outsideDir, 'picked.handoff.json');
    const secret = path.join(outsideDir, 'secret.json');
    await fs.writeFile(picked, '{}');
    await fs.writeFile(secret, '{"token":"s3cret"}');
    const host = services(picking(picked));
    expect(await host.pickOpenPath()).toBe(picked);
    expect((await host.readScenario(picked)).text).toBe('{}');
    await fs.unlink(picked);
    await fs.symlink(secret, picked);
    await expect(host.readScenario(picked)).rejects.toThrow(/now leads to .*secret\.json/);
  });

  it('remembers the files the user picked across a restart, and only those', async () => {
    const picked = path.join(outsideDir, 'picked.handoff.json');
    await fs.writeFile(picked, '{"formatVersion":1}');
    await services(picking(picked)).pickOpenPath();
    const restarted = services(picking(picked));
    expect((await restarted.readScenario(picked)).text).toBe('{"formatVersion":1}');
    await restarted.writeScenario(picked, '{}');
    await expect(restarted.readScenario(path.join(outsideDir, 'other.handoff.json'))).rejects.toMatchObject({ code: 'forbidden-path' });
  });

  it('keeps a file opened from the system (double-click) openable from Open Recent after a restart, and saveable for recovered work', async () => {
    const handed = path.join(outsideDir, 'handed.handoff.json');
    await fs.writeFile(handed, '{"formatVersion":1}');
    const first = services(picking(handed));
    await first.policy.grant(handed); // what the main process does with a path from argv / open-file / second-instance
    await first.readScenario(handed);
    const restarted = services(picking(handed));
    expect((await restarted.listRecent()).map((r) => r.path)).toContain(handed);
    expect((await restarted.readScenario(handed)).text).toBe('{"formatVersion":1}');
    await expect(restarted.writeScenario(handed, '{"formatVersion":1,"recovered":true}')).resolves.toMatchObject({ path: handed });
  });
});

describe('save conflicts', () => {
  it('refuses to save over a file changed on disk since it was read, and saves when it is unchanged', async () => {
    const host = services();
    const first = await host.writeScenario('team.handoff.json', '{"v":1}');
    const read = await host.readScenario(first.path);
    expect(read.sha256).toBe(first.sha256);
    const second = await host.writeScenario(first.path, '{"v":2}', read.sha256);
    await fs.writeFile(first.path, '{"edited":"elsewhere"}');
    await expect(host.writeScenario(first.path, '{"v":3}', second.sha256)).rejects.toMatchObject({ code: 'conflict' });
    expect(await fs.readFile(first.path, 'utf8')).toBe('{"edited":"elsewhere"}');
    // Overwriting on purpose (no hash) still works.
    await host.writeScenario(first.path, '{"v":3}');
    expect(await fs.readFile(first.path, 'utf8')).toBe('{"v":3}');
  });

  it('hashes the bytes on disk, so a file that is not valid UTF-8 is not taken for changed', async () => {
    const file = path.join(scenarioDir, 'latin1.handoff.json');
    await fs.writeFile(file, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    const host = services();
    const read = await host.readScenario(file);
    await expect(host.writeScenario(file, '{}', read.sha256)).resolves.toMatchObject({ name: 'latin1.handoff.json' });
  });
});
