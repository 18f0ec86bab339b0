import { useState } from 'react';
import { RunCancelled } from '../../../simulation/run/runCoordinator';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import { cancelRun, runAnalysis } from '../runs/runActions';

export type AnalysisState<T> = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; value: T } | { kind: 'error'; message: string };

/**
 * Runs an analysis's variants on the worker pool and keeps its state:
 * progress while running, the summarised result when done, or the error.
 * Cancelling returns to idle.
 */
export function useAnalysisRun<T>() {
  const [state, setState] = useState<AnalysisState<T>>({ kind: 'idle' });
  const start = async (variants: VariantSpec[], replications: number, seed: number, summarise: (result: RunResult) => T) => {
    setState({ kind: 'running', done: 0, total: variants.length * replications });
    try {
      const result = await runAnalysis(variants, replications, seed, (done, total) => setState({ kind: 'running', done, total }));
      setState({ kind: 'done', value: summarise(result) });
    } catch (err) {
      setState(err instanceof RunCancelled ? { kind: 'idle' } : { kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return { state, start, setDone: (value: T) => setState({ kind: 'done', value }) };
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
