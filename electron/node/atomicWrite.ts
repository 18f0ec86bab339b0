import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsError } from './errors';

/** Steps of an atomic write, exposed so tests can make any of them fail. */
export interface AtomicWriteFs {
  open: typeof fs.open;
  rename: typeof fs.rename;
  unlink: typeof fs.unlink;
}

const realFs: AtomicWriteFs = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

/**
 * Writes `data` to `target` so that the target is always either the old file
 * or the complete new one: the data goes to a temporary file beside the
 * target, is flushed to disk, and is renamed over the target. On any failure
 * the temporary file is removed, the old file is left as it was, and a
 * HostError says why (disk full, permission denied, folder gone...).
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, io: AtomicWriteFs = realFs): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof fs.open>> | undefined;
  try {
    handle = await io.open(temp, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await io.rename(temp, target);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await io.unlink(temp).catch(() => undefined);
    throw fsError(err, 'save', target);
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable where the platform allows it (not Windows). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on a folder; the file itself is already safe.
  }
}

/** Temporary files older than this are left over from a save that was killed. */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Removes temporary files a killed save left beside `target` (never one
 * younger than {@link STALE_TEMP_MS}, which may belong to a save in progress).
 * Returns how many were removed; failures are ignored.
 */
export function removeStaleTemps(target: string, now = Date.now()): Promise<number> {
  return removeStaleTempsIn(path.dirname(target), STALE_TEMP_MS, now, `.${path.basename(target)}.`);
}

/** How old a temporary file must be to be taken for left over when a host starts (a save writes and renames in well under this). */
export const STARTUP_STALE_TEMP_MS = 30 * 1000;

/**
 * Removes the temporary files of atomic saves in `dir` (those of any file,
 * or of the files whose temporaries start with `prefix`) whose last write is
 * more than `maxAgeMs` ago. Returns how many were removed; failures are ignored.
 */
export async function removeStaleTempsIn(dir: string, maxAgeMs: number, now = Date.now(), prefix = '.'): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\..+\.[0-9a-f]{12}\.tmp$/.test(name)) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (stat?.isFile() && now - stat.mtimeMs > maxAgeMs) {
      await fs.unlink(file).then(() => removed++, () => undefined);
    }
  }
  return removed;
}
