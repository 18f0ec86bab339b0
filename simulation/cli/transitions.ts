import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Scenario } from '../scenario/schema';
import { transitionCsv } from '../transition/csv';
import { TRANSITION_NOTE, transitionHeading, transitionLines } from '../transition/describe';
import { runTransition } from '../transition/runTransition';
import { summarizeTransition, type TransitionSummary } from '../transition/summary';
import { fsReason, UsageError } from './cliErrors';

/**
 * Runs the transition of every saved variant that has one (the plan taking
 * effect at its date, against staying as is, on the same seeds), in this
 * thread, with `replications` replications and run seed `seed`.
 */
export function runTransitions(scenario: Scenario, replications: number, seed: number, onProgress?: (text: string) => void): TransitionSummary[] {
  const seeded: Scenario = { ...scenario, run: { ...scenario.run, seed } };
  return scenario.variants
    .filter((v) => v.transition)
    .map((v) => {
      const run = runTransition(seeded, v.id, { replications, onProgress: (done, total) => onProgress?.(`transition to ${v.name}: ${done}/${total} replications`) });
      return summarizeTransition(run, seed);
    });
}

/** The summary's transition paragraph: heading, one line per measure, and how to read it. */
export function formatTransitions(summaries: readonly TransitionSummary[]): string {
  return summaries.map((s) => `\n${transitionHeading(s)}\n${transitionLines(s).map((l) => `  ${l}\n`).join('')}  (${TRANSITION_NOTE})\n`).join('');
}

/** Writes `transition-<variant id>.csv` per transition into `dir` (already made); returns the file names. */
export async function writeTransitionCsv(scenario: Scenario, summaries: readonly TransitionSummary[], dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const s of summaries) {
    const id = scenario.variants.find((v) => v.name === s.variantName)?.id ?? 'variant';
    const name = `transition-${id}.csv`;
    const file = path.join(dir, name);
    await fs.writeFile(file, transitionCsv(s, scenario.calendar)).catch((e: unknown) => {
      throw new UsageError(`--csv: cannot write ${file}: ${fsReason(e)}`);
    });
    names.push(name);
  }
  return names;
}
