import { promises as fs } from 'node:fs';
import path from 'node:path';
import { HostError, MAX_TEXT_BYTES, type KeptResults, type SavedFile } from '../api/contract';
import type { AccessPolicy } from './accessPolicy';
import { removeStaleTemps, writeFileAtomic } from './atomicWrite';
import { fsError } from './errors';

/** File name ending of the results kept beside a scenario. */
export const RESULTS_EXTENSION = '.handoff-results.json';

/** `team.handoff.json` -> `team.handoff-results.json` (any other `.json` gets the ending added in its place). */
export function resultsPathFor(scenarioPath: string): string {
  return scenarioPath.replace(/(\.handoff)?\.json$/i, '') + RESULTS_EXTENSION;
}

/**
 * Results kept with a scenario live in a file beside it. The renderer names
 * the scenario, never the results file: the scenario path must pass the
 * access policy, and the results path is derived from it, so only files with
 * this one ending next to a scenario the user may open can be touched.
 */
export async function readKeptResults(policy: AccessPolicy, scenarioPath: string): Promise<KeptResults | null> {
  const scenario = await policy.check(scenarioPath, 'read');
  const file = resultsPathFor(scenario);
  let stat;
  try {
    stat = await fs.lstat(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsError(err, 'open', file);
  }
  // A link could lead anywhere; the app only ever writes plain files here.
  if (!stat.isFile()) throw new HostError({ code: 'forbidden-path', message: `Could not open ${file}: it is not a plain file.` });
  if (stat.size > MAX_TEXT_BYTES) {
    throw new HostError({ code: 'too-large', message: `Could not open ${file}: it is ${(stat.size / 1024 / 1024).toFixed(0)} MB, more than the ${MAX_TEXT_BYTES / 1024 / 1024} MB allowed.` });
  }
  try {
    return { path: file, text: await fs.readFile(file, 'utf8'), modifiedAt: stat.mtime.toISOString() };
  } catch (err) {
    throw fsError(err, 'open', file);
  }
}

export async function writeKeptResults(policy: AccessPolicy, scenarioPath: string, text: string, now: () => Date): Promise<SavedFile> {
  const scenario = await policy.check(scenarioPath, 'write');
  const file = resultsPathFor(scenario);
  await writeFileAtomic(file, text);
  await removeStaleTemps(file);
  return { path: file, name: path.basename(file), savedAt: now().toISOString() };
}
