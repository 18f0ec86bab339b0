import { create } from 'zustand';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { RunMeta } from '../../../simulation/run/keptResults';

export type { RunMeta };

export type RunStatus =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; elapsedMs: number; events: number }
  | { kind: 'done'; seconds: number }
  /** Results kept with the scenario file, read back when it was opened; `changed`: the scenario differs from the one they were made from. */
  | { kind: 'restored'; keptAt: string; changed: boolean }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** Runs live in the session: the last finished one is shown until the next replaces it. */
export interface RunState {
  status: RunStatus;
  /** Where the shown results are kept beside the scenario file (null: not kept). */
  keptIn: string | null;
  meta: RunMeta | null;
  result: RunResult | null;
  set(patch: Partial<Pick<RunState, 'status' | 'meta' | 'result' | 'keptIn'>>): void;
}

export const useRunStore = create<RunState>()((set) => ({
  status: { kind: 'idle' },
  keptIn: null,
  meta: null,
  result: null,
  set: (patch) => set(patch),
}));
