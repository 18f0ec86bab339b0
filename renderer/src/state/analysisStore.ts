import { create } from 'zustand';
import type { ReportAnalyses } from '../../../simulation/report/types';

/** What each analysis on the results screen keeps: its result with what it was asked. */
export type AnalysisValues = { [K in keyof ReportAnalyses]-?: NonNullable<ReportAnalyses[K]> };
export type AnalysisKey = keyof AnalysisValues;

export type AnalysisState<T> =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; value: T; /** SHA-256 of the scenario it ran on, so a report includes it only with a run of the same scenario. */ scenarioHash: string }
  | { kind: 'error'; message: string };

interface AnalysisStore {
  states: { [K in AnalysisKey]: AnalysisState<AnalysisValues[K]> };
  set<K extends AnalysisKey>(key: K, state: AnalysisState<AnalysisValues[K]>): void;
}

/**
 * The last result of each analysis (absence stress test, cross-training,
 * sensitivity sweep), kept in the session rather than in the component, so it
 * survives switching views and can go into a report.
 */
export const useAnalysisStore = create<AnalysisStore>()((set) => ({
  states: { absence: { kind: 'idle' }, training: { kind: 'idle' }, sweep: { kind: 'idle' } },
  set: (key, state) => set((s) => ({ states: { ...s.states, [key]: state } })),
}));

/** The finished analyses that ran on the scenario with this hash (the run's), for a report. */
export function analysesFor(scenarioHash: string, states = useAnalysisStore.getState().states): ReportAnalyses {
  const out: ReportAnalyses = {};
  for (const key of Object.keys(states) as AnalysisKey[]) {
    const st = states[key];
    if (st.kind === 'done' && st.scenarioHash === scenarioHash) (out as Record<AnalysisKey, unknown>)[key] = st.value;
  }
  return out;
}
