import { create } from 'zustand';
import type { ReportAnalyses } from '../../../simulation/report/types';
import type { Scenario } from '../../../simulation/scenario/schema';

/** What each analysis on the results screen keeps: its result with what it was asked. */
export type AnalysisValues = { [K in keyof ReportAnalyses]-?: NonNullable<ReportAnalyses[K]> };
export type AnalysisKey = keyof AnalysisValues;

export type AnalysisState<T> =
  | { kind: 'idle' }
  /** `total` is the most replications there can be (it falls as a race drops candidates); `elapsedMs` when `done` was reached gives the time left; `racing` the candidates still in a race. */
  | { kind: 'running'; done: number; total: number; elapsedMs?: number; racing?: number }
  | {
      kind: 'done';
      value: T;
      /** SHA-256 of the scenario it ran on, so a report includes it only with a run of the same scenario. */
      scenarioHash: string;
      /** The scenario it ran on, when run in this session (to say when the scenario has changed since). */
      ranOn?: Scenario;
    }
  | { kind: 'error'; message: string };

interface AnalysisStore {
  states: { [K in AnalysisKey]: AnalysisState<AnalysisValues[K]> };
  set<K extends AnalysisKey>(key: K, state: AnalysisState<AnalysisValues[K]>): void;
  /** What the user typed or picked in each analysis's controls (by field name), kept while views and variants change. */
  inputs: Record<string, string>;
  setInput(name: string, value: string): void;
}

/**
 * The last result of each analysis (absence stress test, cross-training,
 * sensitivity sweep), kept in the session rather than in the component, so it
 * survives switching views and can go into a report.
 */
export const useAnalysisStore = create<AnalysisStore>()((set) => ({
  states: { absence: { kind: 'idle' }, training: { kind: 'idle' }, sweep: { kind: 'idle' }, transition: { kind: 'idle' } },
  set: (key, state) => set((s) => ({ states: { ...s.states, [key]: state } })),
  inputs: {},
  setInput: (name, value) => set((s) => ({ inputs: { ...s.inputs, [name]: value } })),
}));

/** An analysis control's value in the session (`fallback` until the user sets it) and its setter. */
export function useAnalysisInput(name: string, fallback: string): [string, (value: string) => void] {
  const value = useAnalysisStore((s) => s.inputs[name]);
  return [value ?? fallback, (v) => useAnalysisStore.getState().setInput(name, v)];
}

/** The finished analyses that ran on the scenario with this hash (the run's), for a report. */
export function analysesFor(scenarioHash: string, states = useAnalysisStore.getState().states): ReportAnalyses {
  const out: ReportAnalyses = {};
  for (const key of Object.keys(states) as AnalysisKey[]) {
    const st = states[key];
    if (st.kind === 'done' && st.scenarioHash === scenarioHash) (out as Record<AnalysisKey, unknown>)[key] = st.value;
  }
  return out;
}
