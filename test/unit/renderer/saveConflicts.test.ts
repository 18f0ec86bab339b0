import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostApi, RecoveryRecord } from '../../../electron/api/contract';
import { createHostServices } from '../../../electron/node/hostServices';
import { retryDelayMs } from '../../../renderer/src/files/autosaveStatus';
import { createFileActions, userMessage } from '../../../renderer/src/files/fileActions';
import { orphanedRecords, windowId } from '../../../renderer/src/files/liveWindows';
import { useDocumentStore } from '../../../renderer/src/state/documentStore';
import { useSessionStore } from '../../../renderer/src/state/sessionStore';
import { HostError } from '../../../electron/api/contract';

const EXAMPLE = path.resolve(import.meta.dirname, '../../../simulation/examples/walled-data-team.handoff.json');

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-conflict-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function setUp() {
  const services = createHostServices({ host: 'web', appVersion: '1', platform: 'linux', scenarioDir: path.join(root, 'scenarios'), dataDir: path.join(root, 'data') });
  const host = { ...services, onMenuCommand: () => () => undefined } as unknown as HostApi;
  const files = createFileActions({ host, info: { host: 'web', appVersion: '1', platform: 'linux', scenarioDir: path.join(root, 'scenarios'), nativeDialogs: false }, documents: useDocumentStore, session: useSessionStore.getState });
  return { host, files };
}

describe('save conflicts', () => {
  it('asks before overwriting a file changed on disk since it was opened, and overwrites when told to', async () => {
    const { files } = setUp();
    const file = path.join(root, 'scenarios', 'team.handoff.json');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.copyFile(EXAMPLE, file);
    expect(await files.openPath(file)).toBe(true);
    const outside = (await fs.readFile(file, 'utf8')).replace('"Walled data team"', '"Edited elsewhere"');
    await fs.writeFile(file, outside);

    expect(await files.save()).toBe(false);
    const dialog = useSessionStore.getState().dialog;
    expect(dialog.kind).toBe('saveConflict');
    expect(await fs.readFile(file, 'utf8')).toBe(outside);

    if (dialog.kind !== 'saveConflict') throw new Error('no dialog');
    useSessionStore.getState().closeDialog();
    dialog.onOverwrite();
    await expect.poll(() => fs.readFile(file, 'utf8')).toContain('"Walled data team"');
    // Saved by us: the next save goes through without asking.
    expect(await files.save()).toBe(true);
  });

  it('saves without asking when the file is as it was opened', async () => {
    const { files } = setUp();
    const file = path.join(root, 'scenarios', 'same.handoff.json');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.copyFile(EXAMPLE, file);
    await files.openPath(file);
    useSessionStore.getState().closeDialog();
    expect(await files.save()).toBe(true);
    expect(useSessionStore.getState().dialog.kind).toBe('none');
  });
});

describe('messages the user can act on', () => {
  it('drops the API method and argument names and says the size limit in terms of the scenario', () => {
    expect(userMessage(new HostError({ code: 'bad-arguments', message: 'writeScenario: argument 1: the text is larger than 50 MB' }))).toBe(
      'the scenario is larger than 50 MB, the most Handoff can save. Remove incident logs or variants you no longer need, then save again.',
    );
    // The limit is bytes on disk: a text within 50 million characters can still be over it, and says its size.
    expect(userMessage(new HostError({ code: 'bad-arguments', message: 'writeScenario: argument 1: the text is 50.3 MB as a file, larger than 50 MB' }))).toBe(
      'the scenario is 50.3 MB, larger than 50 MB, the most Handoff can save. Remove incident logs or variants you no longer need, then save again.',
    );
    expect(userMessage(new HostError({ code: 'too-large', message: 'The request body is 120 MB; the limit is 101 MB.' }))).toBe(
      'the scenario is larger than 50 MB, the most Handoff can save. Remove incident logs or variants you no longer need, then save again.',
    );
    expect(userMessage(new HostError({ code: 'not-found', message: 'Could not open /x: the file or its folder does not exist.' }))).toBe('Could not open /x: the file or its folder does not exist.');
  });
});

describe('recovery records and live windows', () => {
  const record = (id: string, owner?: string): RecoveryRecord => ({ id, documentPath: null, title: id, text: '{}', updatedAt: '2026-01-01T00:00:00Z', ...(owner ? { windowId: owner } : {}) });

  it('offers crashed work and this window own work, never the live work of another open window', async () => {
    const other = new BroadcastChannel('handoff-windows');
    other.onmessage = (e: MessageEvent<{ ask?: string }>) => {
      if (e.data.ask === 'alive') other.postMessage({ alive: 'w-other-tab' });
    };
    try {
      const offered = await orphanedRecords([record('a', 'w-other-tab'), record('b', 'w-crashed-tab'), record('c', windowId()), record('d')], 200);
      expect(offered.map((r) => r.id)).toEqual(['b', 'c', 'd']);
    } finally {
      other.close();
    }
  });

  it('retries a failed autosave after growing waits, at most every 30 seconds', () => {
    expect([1, 2, 3, 4, 5, 10].map(retryDelayMs)).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
