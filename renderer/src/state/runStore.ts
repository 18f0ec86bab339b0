import { create } from 'zustand';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { RunMeta } from '../../../simulation/run/keptResults';
import type { Scenario } from '../../../simulation/scenario/schema';

export type { RunMeta };

export type RunStatus =
  | { kind: 'idle' }
  | {
      kind: 'running';
      done: number;
      total: number;
      elapsedMs: number;
      events: number;
      /** Running until precise: the replications at the last checkpoint and the least precise headline figure then. */
      precision?: { replications: number; metric: string; halfWidthPct: number; targetPct: number } | null;
      /** The results shown are the run's so far (refined at each checkpoint), not a finished run's. */
      partial?: boolean;
    }
  | { kind: 'done'; seconds: number }
  /** Results kept with the scenario file, read back when it was opened; `changed`: the scenario differs from the one they were made from. */
  | { kind: 'restored'; keptAt: string; changed: boolean }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/**
 * What the user chose to compare, kept in the session so that switching
 * views or variants does not reset it: the variants picked (keys of
 * results/variantChoices), replications and seed as typed, and the saved
 * variants the document had when the choice was made (a variant made since
 * is added to the comparison).
 */
export interface RunChoice {
  picked: string[];
  reps: string;
  seed: string;
  known: string[];
  /** Run until precise (the default) rather than the fixed number of replications; `reps` is then the most. */
  precise: boolean;
  /** Targets as typed: 95% half-widths of the paired differences, in percentage points. */
  leadPct: string;
  ttrPct: string;
}

/** The choice for a document just opened: walled against cross-functional, its run settings, its variants known. */
export const initialChoice = (doc: Scenario | null): RunChoice => ({
  picked: ['walled', 'cross-functional'],
  reps: String(doc?.run.replications ?? 200),
  seed: String(doc?.run.seed ?? 1),
  known: doc?.variants.map((v) => v.id) ?? [],
  precise: true,
  leadPct: '2',
  ttrPct: '5',
});

/** Runs live in the session: the last finished one is shown until the next replaces it. */
export interface RunState {
  status: RunStatus;
  /** Where the shown results are kept beside the scenario file (null: not kept). */
  keptIn: string | null;
  /** The run the results shown come from (a run in progress or cancelled has not replaced it). */
  meta: RunMeta | null;
  result: RunResult | null;
  choice: RunChoice;
  set(patch: Partial<Pick<RunState, 'status' | 'meta' | 'result' | 'keptIn' | 'choice'>>): void;
}

export const useRunStore = create<RunState>()((set) => ({
  status: { kind: 'idle' },
  keptIn: null,
  meta: null,
  result: null,
  choice: initialChoice(null),
  set: (patch) => set(patch),
}));
