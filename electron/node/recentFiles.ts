import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RecentEntry } from '../api/contract';
import { readJsonOr, writeJson } from './jsonStore';

/** How many files the recent list keeps. */
export const RECENT_LIMIT = 10;

interface StoredEntry {
  path: string;
  openedAt: string;
}

const isStored = (v: unknown): v is StoredEntry[] =>
  Array.isArray(v) && v.every((e) => typeof e?.path === 'string' && typeof e?.openedAt === 'string');

/** The most-recently-used list of scenario files, kept in the host's data folder. */
export class RecentFiles {
  private readonly file: string;

  constructor(private readonly dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.file = path.join(dataDir, 'recent.json');
  }

  /** Newest first; files that have gone are kept but marked `exists: false`. */
  async list(): Promise<RecentEntry[]> {
    const stored = await readJsonOr<StoredEntry[]>(this.file, [], isStored);
    return Promise.all(
      stored.map(async (e) => ({
        path: e.path,
        name: path.basename(e.path),
        openedAt: e.openedAt,
        exists: await fs.stat(e.path).then((s) => s.isFile(), () => false),
      })),
    );
  }

  /** Puts `filePath` at the top of the list. */
  async touch(filePath: string): Promise<void> {
    const stored = await readJsonOr<StoredEntry[]>(this.file, [], isStored);
    const next = [{ path: filePath, openedAt: this.now().toISOString() }, ...stored.filter((e) => e.path !== filePath)];
    await writeJson(this.dataDir, this.file, next.slice(0, RECENT_LIMIT));
  }

  async forget(filePath: string): Promise<RecentEntry[]> {
    const stored = await readJsonOr<StoredEntry[]>(this.file, [], isStored);
    await writeJson(this.dataDir, this.file, stored.filter((e) => e.path !== filePath));
    return this.list();
  }
}
