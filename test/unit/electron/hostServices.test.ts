import { existsSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecoveryRecord } from '../../../electron/api/contract';
import { dispatch } from '../../../electron/node/dispatch';
import { createHostServices } from '../../../electron/node/hostServices';
import { RECENT_LIMIT } from '../../../electron/node/recentFiles';

let root: string;
let scenarioDir: string;
let dataDir: string;
const makeServices = () =>
  createHostServices({ host: 'web', appVersion: '1.2.3', platform: 'linux', scenarioDir, dataDir, now: () => new Date('2026-11-22T10:00:00Z') });

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-services-'));
  scenarioDir = path.join(root, 'scenarios');
  dataDir = path.join(root, 'data');
  await fs.mkdir(scenarioDir, { recursive: true });
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('host services', () => {
  it('writes a scenario to disk and reads it back, adding it to the recent list', async () => {
    const services = makeServices();
    const saved = await services.writeScenario('team.handoff.json', '{"formatVersion":1}\n');
    expect(saved).toMatchObject({ path: path.join(scenarioDir, 'team.handoff.json'), name: 'team.handoff.json', savedAt: '2026-11-22T10:00:00.000Z' });
    expect(await fs.readFile(saved.path, 'utf8')).toBe('{"formatVersion":1}\n');
    const read = await services.readScenario(saved.path);
    expect(read.text).toBe('{"formatVersion":1}\n');
    expect(read.name).toBe('team.handoff.json');
    const recent = await services.listRecent();
    expect(recent.map((r) => r.path)).toEqual([saved.path]);
    expect(recent[0]!.exists).toBe(true);
  });

  it('keeps the recent list newest first, without duplicates, and at most RECENT_LIMIT long', async () => {
    const services = makeServices();
    for (let i = 0; i < RECENT_LIMIT + 3; i++) await services.writeScenario(`s${i}.handoff.json`, '{}');
    await services.readScenario('s0.handoff.json');
    const recent = await services.listRecent();
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent[0]!.name).toBe('s0.handoff.json');
    expect(new Set(recent.map((r) => r.path)).size).toBe(RECENT_LIMIT);
  });

  it('marks recent files that have gone', async () => {
    const services = makeServices();
    const saved = await services.writeScenario('gone.handoff.json', '{}');
    await fs.unlink(saved.path);
    expect((await services.listRecent())[0]).toMatchObject({ path: saved.path, exists: false });
    expect(await services.forgetRecent(saved.path)).toEqual([]);
  });

  it('survives a damaged recent list', async () => {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(path.join(dataDir, 'recent.json'), '{not json');
    expect(await makeServices().listRecent()).toEqual([]);
  });

  it('lists only scenario files in the scenario folder, newest first', async () => {
    const services = makeServices();
    await fs.writeFile(path.join(scenarioDir, 'a.handoff.json'), '{}');
    await fs.writeFile(path.join(scenarioDir, 'notes.txt'), 'x');
    await fs.utimes(path.join(scenarioDir, 'a.handoff.json'), new Date('2026-01-01'), new Date('2026-01-01'));
    await fs.writeFile(path.join(scenarioDir, 'b.handoff.json'), '{}');
    expect((await services.listScenarioFiles()).map((f) => f.name)).toEqual(['b.handoff.json', 'a.handoff.json']);
  });

  it('refuses to open a file over the size limit with a clear message', async () => {
    const services = makeServices();
    const big = path.join(scenarioDir, 'big.handoff.json');
    const handle = await fs.open(big, 'w');
    await handle.truncate(200 * 1024 * 1024);
    await handle.close();
    await expect(services.readScenario(big)).rejects.toThrow(/it is 200 MB, and a scenario may be at most 50 MB/);
  });

  it('says which file does not exist', async () => {
    await expect(makeServices().readScenario('nope.handoff.json')).rejects.toThrow(/nope\.handoff\.json: the file or its folder does not exist/);
  });

  it('keeps recovery records until cleared, newest first, and skips damaged ones', async () => {
    const services = makeServices();
    const record = (id: string, updatedAt: string): RecoveryRecord => ({ id, documentPath: null, title: id, text: '{}', updatedAt });
    await services.writeRecovery(record('doc-a', '2026-11-22T09:00:00Z'));
    await services.writeRecovery(record('doc-b', '2026-11-22T09:30:00Z'));
    await fs.writeFile(path.join(dataDir, 'recovery', 'doc-c.json'), '{"id": "doc-c", "te');
    expect((await services.listRecovery()).map((r) => r.id)).toEqual(['doc-b', 'doc-a']);
    expect(await services.clearRecovery('doc-b')).toEqual({ removed: true });
    expect(await services.clearRecovery('doc-b')).toEqual({ removed: false });
    expect((await services.listRecovery()).map((r) => r.id)).toEqual(['doc-a']);
  });

  it('exports into the exports folder without overwriting an earlier export (web host)', async () => {
    const services = makeServices();
    const first = await services.exportFile({ suggestedName: 'report.html', content: '<p>1</p>', encoding: 'utf8' });
    const second = await services.exportFile({ suggestedName: 'report.html', content: 'AQID', encoding: 'base64' });
    expect(first!.path).toBe(path.join(scenarioDir, 'exports', 'report.html'));
    expect(second!.path).toBe(path.join(scenarioDir, 'exports', 'report (2).html'));
    expect([...(await fs.readFile(second!.path))]).toEqual([1, 2, 3]);
  });

  it('exports several files into one new folder, never into an earlier one (web host)', async () => {
    const services = makeServices();
    const request = { folderName: 'Team tables', files: [{ name: 'a.csv', content: 'x,y\n1,2\n', encoding: 'utf8' as const }, { name: 'b.png', content: 'AQID', encoding: 'base64' as const }] };
    const first = await services.exportFolder(request);
    const second = await services.exportFolder(request);
    expect(first!.folder.path).toBe(path.join(scenarioDir, 'exports', 'Team tables'));
    expect(second!.folder.path).toBe(path.join(scenarioDir, 'exports', 'Team tables (2)'));
    expect(first!.files.map((f) => f.path)).toEqual([path.join(first!.folder.path, 'a.csv'), path.join(first!.folder.path, 'b.png')]);
    expect(await fs.readFile(path.join(second!.folder.path, 'a.csv'), 'utf8')).toBe('x,y\n1,2\n');
    expect([...(await fs.readFile(path.join(second!.folder.path, 'b.png')))]).toEqual([1, 2, 3]);
  });

  it('exports into the folder the user picks, in a new folder there, and does nothing when they cancel (desktop host)', async () => {
    const picked = path.join(root, 'picked');
    await fs.mkdir(picked);
    let answer: string | null = picked;
    const services = createHostServices({
      host: 'electron',
      appVersion: '1',
      platform: 'linux',
      scenarioDir,
      dataDir,
      dialogs: { pickOpenPath: async () => null, pickSavePath: async () => null, pickFolder: async () => answer },
    });
    const request = { folderName: 'Run tables', files: [{ name: 'summary.csv', content: 'a\n', encoding: 'utf8' as const }] };
    const done = await services.exportFolder(request);
    expect(done!.files[0]!.path).toBe(path.join(picked, 'Run tables', 'summary.csv'));
    answer = null;
    expect(await services.exportFolder(request)).toBeNull();
    expect(await fs.readdir(picked)).toEqual(['Run tables']);
  });

  it('uses native dialogs when the host has them, and grants the chosen path', async () => {
    const outside = path.join(root, 'elsewhere', 'picked.handoff.json');
    await fs.mkdir(path.dirname(outside));
    const services = createHostServices({
      host: 'electron',
      appVersion: '1',
      platform: 'linux',
      scenarioDir,
      dataDir,
      dialogs: { pickOpenPath: async () => outside, pickSavePath: async () => outside, pickFolder: async () => null },
    });
    expect((await services.info()).nativeDialogs).toBe(true);
    expect(await services.pickSavePath('x.handoff.json')).toBe(outside);
    await services.writeScenario(outside, '{}');
    expect(await fs.readFile(outside, 'utf8')).toBe('{}');
  });
});

describe('dispatch (argument validation for both hosts)', () => {
  it('rejects an unknown method', async () => {
    expect(await dispatch(makeServices(), 'deleteEverything', [])).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: 'There is no host method called "deleteEverything".' },
    });
  });

  it('rejects missing, extra and wrongly typed arguments, naming the argument', async () => {
    const services = makeServices();
    const missing = await dispatch(services, 'readScenario', []);
    expect(missing).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    const wrongType = await dispatch(services, 'writeScenario', ['a.handoff.json', 42]);
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) expect(wrongType.error.message).toMatch(/^writeScenario: argument 1: /);
    const extra = await dispatch(services, 'listRecent', ['surprise']);
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    const badId = await dispatch(services, 'clearRecovery', ['../../etc/passwd']);
    expect(badId).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
  });

  it('refuses a folder export with a file name that climbs out of the folder, or two files of the same name', async () => {
    const services = makeServices();
    const file = (name: string) => ({ name, content: 'x', encoding: 'utf8' });
    const climbing = await dispatch(services, 'exportFolder', [{ folderName: 'tables', files: [file('../evil.csv')] }]);
    expect(climbing).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    const twice = await dispatch(services, 'exportFolder', [{ folderName: 'tables', files: [file('a.csv'), file('A.csv')] }]);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toContain('two files have the same name');
    const outOfFolder = await dispatch(services, 'exportFolder', [{ folderName: '..', files: [file('a.csv')] }]);
    expect(outOfFolder).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(existsSync(path.join(scenarioDir, 'exports', 'tables'))).toBe(false);
  });

  it('rejects a path with a NUL character and a path outside the folder', async () => {
    const services = makeServices();
    expect(await dispatch(services, 'readScenario', ['a\0.json'])).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(await dispatch(services, 'readScenario', ['/etc/passwd'])).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
  });

  it('returns the value of a good call', async () => {
    expect(await dispatch(makeServices(), 'info', [])).toEqual({
      ok: true,
      value: { host: 'web', appVersion: '1.2.3', platform: 'linux', scenarioDir, nativeDialogs: false },
    });
  });
});
