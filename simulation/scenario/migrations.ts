import { emptyScenario } from './defaults';
import { migrateLogsToInstants } from './migrateLogs';

/**
 * Steps that bring an older file up to the current format, one version at a
 * time: `migrations[n]` turns a version-n document into version n+1. Every
 * version ever written has a step here and a test file in test/fixtures.
 */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 (the first release) held only a name and a description.
  // The name is copied, not passed to emptyScenario: a name the schema refuses (empty, too long) is then reported as `name: ...` like any other problem.
  1: (doc) => ({
    ...structuredClone(emptyScenario()),
    name: typeof doc.name === 'string' ? doc.name : 'Untitled scenario',
    description: typeof doc.description === 'string' ? doc.description : '',
    formatVersion: 2,
  }),
  // Version 2 kept recorded incidents in working hours from the scenario's start; version 3 keeps their real times.
  2: (doc) => ({ ...migrateLogsToInstants(doc), formatVersion: 3 }),
};

export const OLDEST_FORMAT_VERSION = 1;

/** Migrates a parsed document of an older version to the current one; newer or unknown versions are left alone. */
export function migrate(doc: Record<string, unknown>, to: number): { doc: Record<string, unknown>; from: number } {
  const from = doc.formatVersion as number;
  let current = doc;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) break;
    current = step(current);
  }
  return { doc: current, from };
}
