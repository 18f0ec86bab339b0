import { promises as fs } from 'node:fs';
import path from 'node:path';
import { recoveryRecordSchema, type RecoveryRecord } from '../api/contract';
import { writeFileAtomic } from './atomicWrite';

/**
 * Autosaved, unsaved work: one file per open document in `<dataDir>/recovery`.
 * A record is written every few seconds while there are unsaved edits and
 * removed when the document is saved or its changes are discarded, so a
 * record that is still there at start-up means work was lost by a crash.
 */
export class RecoveryStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'recovery');
  }

  private fileFor(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  async write(record: RecoveryRecord): Promise<{ updatedAt: string }> {
    await fs.mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileFor(record.id), JSON.stringify(record));
    return { updatedAt: record.updatedAt };
  }

  /** All records, newest first. Damaged records are skipped, not fatal. */
  async list(): Promise<RecoveryRecord[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const records: RecoveryRecord[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      try {
        const parsed = recoveryRecordSchema.safeParse(JSON.parse(await fs.readFile(path.join(this.dir, name), 'utf8')));
        if (parsed.success) records.push(parsed.data);
      } catch {
        // A record cut short by the crash it was meant to survive: skip it.
      }
    }
    return records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async clear(id: string): Promise<{ removed: boolean }> {
    try {
      await fs.unlink(this.fileFor(id));
      return { removed: true };
    } catch {
      return { removed: false };
    }
  }
}
