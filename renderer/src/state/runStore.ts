import { create } from 'zustand';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import type { Scenario } from '../../../simulation/scenario/schema';

export interface RunMeta {
  scenarioName: string;
  /** The scenario as it was run (a report embeds it, whatever was edited since). */
  scenario: Scenario;
  /** SHA-256 of the scenario file's text (serializeScenario) at the start of the run. */
  scenarioHash: string;
  appVersion: string;
  startedAt: string;
  finishedAt: string | null;
  variants: VariantSpec[];
  replications: number;
  seed: number;
  workers: number;
}

export type RunStatus =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number; elapsedMs: number }
  | { kind: 'done'; seconds: number }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** Runs live in the session: the last finished one is shown until the next replaces it. */
export interface RunState {
  status: RunStatus;
  meta: RunMeta | null;
  result: RunResult | null;
  set(patch: Partial<Pick<RunState, 'status' | 'meta' | 'result'>>): void;
}

export const useRunStore = create<RunState>()((set) => ({
  status: { kind: 'idle' },
  meta: null,
  result: null,
  set: (patch) => set(patch),
}));
