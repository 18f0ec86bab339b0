import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../run/runScenario';
import { csvTables } from '../report/csvTables';
import { fsReason, UsageError } from './cliErrors';

/**
 * Writes one CSV file per table into `dir` (created if needed); returns the
 * file names. Text cells are neutralised against formula injection by
 * `csvTables` (see csvText.ts); a folder that cannot be made or written is a
 * one-line {@link UsageError}.
 */
export async function writeCsv(result: RunResult, dir: string): Promise<string[]> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`--csv: cannot make the folder ${dir}: ${fsReason(e)}`);
  }
  const tables = csvTables(result);
  for (const [name, text] of Object.entries(tables)) {
    const file = path.join(dir, name);
    await fs.writeFile(file, text).catch((e: unknown) => {
      throw new UsageError(`--csv: cannot write ${file}: ${fsReason(e)}`);
    });
  }
  return Object.keys(tables);
}
