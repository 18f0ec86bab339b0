import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostError } from '../../../electron/api/contract';
import { removeStaleTemps, STALE_TEMP_MS, writeFileAtomic, type AtomicWriteFs } from '../../../electron/node/atomicWrite';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-atomic-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const realFs: AtomicWriteFs = { open: fs.open, rename: fs.rename, unlink: fs.unlink };
const errno = (code: string) => Object.assign(new Error(code), { code });

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, leaving no temporary file', async () => {
    const target = path.join(dir, 'a.handoff.json');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, 'second');
    expect(await fs.readFile(target, 'utf8')).toBe('second');
    expect(await fs.readdir(dir)).toEqual(['a.handoff.json']);
  });

  it('leaves the old file intact when the rename fails, and says why', async () => {
    const target = path.join(dir, 'a.handoff.json');
    await fs.writeFile(target, 'old');
    const failing: AtomicWriteFs = { ...realFs, rename: async () => Promise.reject(errno('ENOSPC')) };
    const err = await writeFileAtomic(target, 'new', failing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('disk-full');
    expect((err as HostError).message).toContain(target);
    expect((err as HostError).message).toContain('disk is full');
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['a.handoff.json']);
  });

  it('leaves the old file intact when writing the data fails midway', async () => {
    const target = path.join(dir, 'a.handoff.json');
    await fs.writeFile(target, 'old');
    const failing: AtomicWriteFs = {
      ...realFs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        return Object.assign(handle, { sync: async () => Promise.reject(errno('EIO')) });
      }) as typeof fs.open,
    };
    await expect(writeFileAtomic(target, 'new', failing)).rejects.toMatchObject({ code: 'io-error' });
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['a.handoff.json']);
  });

  it('reports a folder that is gone', async () => {
    const target = path.join(dir, 'missing', 'a.handoff.json');
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('reports permission denied', async () => {
    const denied: AtomicWriteFs = { ...realFs, open: (async () => Promise.reject(errno('EACCES'))) as typeof fs.open };
    await expect(writeFileAtomic(path.join(dir, 'a.json'), 'x', denied)).rejects.toThrow(/a\.json: permission denied\./);
  });
});

describe('removeStaleTemps', () => {
  it('removes temporary files a killed save left behind, but not recent ones or other files', async () => {
    const target = path.join(dir, 'a.handoff.json');
    const old = path.join(dir, '.a.handoff.json.0123456789ab.tmp');
    const fresh = path.join(dir, '.a.handoff.json.ba9876543210.tmp');
    const other = path.join(dir, '.b.handoff.json.0123456789ab.tmp');
    for (const f of [target, old, fresh, other]) await fs.writeFile(f, 'x');
    const past = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    await fs.utimes(old, past, past);
    await fs.utimes(other, past, past);
    expect(await removeStaleTemps(target)).toBe(1);
    expect((await fs.readdir(dir)).sort()).toEqual(['.a.handoff.json.ba9876543210.tmp', '.b.handoff.json.0123456789ab.tmp', 'a.handoff.json']);
  });
});
