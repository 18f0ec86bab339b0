import { sha256Hex } from '../../../simulation/report/embed';
import { RunCancelled } from '../../../simulation/run/runCoordinator';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { cancelRun, runAnalysis } from '../runs/runActions';
import { useAnalysisStore, type AnalysisKey, type AnalysisState, type AnalysisValues } from '../state/analysisStore';
import { useDocumentStore } from '../state/documentStore';

export type { AnalysisState };

/**
 * Runs an analysis's variants on the worker pool and keeps its state in the
 * analysis store: progress while running, the summarised result when done
 * (with the hash of the scenario it ran on), or the error. Cancelling
 * returns to idle.
 */
export function useAnalysisRun<K extends AnalysisKey>(key: K) {
  const state = useAnalysisStore((s) => s.states[key]) as AnalysisState<AnalysisValues[K]>;
  const set = (st: AnalysisState<AnalysisValues[K]>) => useAnalysisStore.getState().set(key, st);
  const scenarioHash = async () => {
    const doc = useDocumentStore.getState().doc;
    return doc ? sha256Hex(serializeScenario(doc)) : '';
  };
  const start = async (variants: VariantSpec[], replications: number, seed: number, summarise: (result: RunResult) => AnalysisValues[K]) => {
    set({ kind: 'running', done: 0, total: variants.length * replications });
    try {
      const hash = await scenarioHash();
      const result = await runAnalysis(variants, replications, seed, (done, total) => set({ kind: 'running', done, total }));
      set({ kind: 'done', value: summarise(result), scenarioHash: hash });
    } catch (err) {
      set(err instanceof RunCancelled ? { kind: 'idle' } : { kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return { state, start, setDone: async (value: AnalysisValues[K]) => set({ kind: 'done', value, scenarioHash: await scenarioHash() }) };
}

/** The analysis's button, or Cancel with progress while it runs, and its error if it failed. */
export function AnalysisRunButton({ state, label, testId, disabled, onStart }: { state: AnalysisState<unknown>; label: string; testId: string; disabled: boolean; onStart(): void }) {
  return (
    <>
      {state.kind === 'running' ? (
        <>
          <button type="button" className="btn btn-danger" onClick={cancelRun}>
            Cancel
          </button>
          <progress max={state.total} value={state.done} />
        </>
      ) : (
        <button type="button" className="btn btn-primary" data-testid={testId} disabled={disabled} onClick={onStart}>
          {label}
        </button>
      )}
      {state.kind === 'error' && <span className="field-error">{state.message}</span>}
    </>
  );
}
