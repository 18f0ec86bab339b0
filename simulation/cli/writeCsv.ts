import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../run/runScenario';
import { csvTables } from '../report/csvTables';

/** Writes one CSV file per table into `dir` (created if needed); returns the file names. */
export async function writeCsv(result: RunResult, dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const tables = csvTables(result);
  for (const [name, text] of Object.entries(tables)) await fs.writeFile(path.join(dir, name), text);
  return Object.keys(tables);
}
