import { sha256Hex } from '../../../simulation/report/embed';
import { RunCancelled } from '../../../simulation/run/runCoordinator';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { cancelRun, runAnalysis } from '../runs/runActions';
import { startWithinBudget } from '../runs/runGate';
import { useAnalysisStore, type AnalysisKey, type AnalysisState, type AnalysisValues } from '../state/analysisStore';
import { useChangedSince } from '../runs/staleness';
import { useDocumentStore } from '../state/documentStore';
import { variantChoices } from './variantChoices';

export type { AnalysisState };

/** How each analysis is named in the run-budget dialog. */
const ANALYSIS_NAMES: Record<AnalysisKey, string> = { absence: 'The stress test', training: 'The training advisor', sweep: 'The sweep' };

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
  // Within the run budget only: a sweep or stress test of an absurd rate asks or is refused before it starts.
  const start = (variants: VariantSpec[], replications: number, seed: number, summarise: (result: RunResult) => AnalysisValues[K]) =>
    new Promise<void>((resolve) => {
      if (startWithinBudget(ANALYSIS_NAMES[key], variants, replications, () => void run(variants, replications, seed, summarise).then(resolve)) !== 'ok') resolve();
    });
  const run = async (variants: VariantSpec[], replications: number, seed: number, summarise: (result: RunResult) => AnalysisValues[K]) => {
    set({ kind: 'running', done: 0, total: variants.length * replications });
    try {
      const ranOn = useDocumentStore.getState().doc ?? undefined;
      const hash = await scenarioHash();
      const result = await runAnalysis(variants, replications, seed, (done, total) => set({ kind: 'running', done, total }));
      set({ kind: 'done', value: summarise(result), scenarioHash: hash, ...(ranOn ? { ranOn } : {}) });
    } catch (err) {
      set(err instanceof RunCancelled ? { kind: 'idle' } : { kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  const setDone = async (value: AnalysisValues[K]) => {
    const ranOn = useDocumentStore.getState().doc ?? undefined;
    set({ kind: 'done', value, scenarioHash: await scenarioHash(), ...(ranOn ? { ranOn } : {}) });
  };
  return { state, start, setDone };
}

/** Said under an analysis whose scenario has been edited since it ran. */
export function AnalysisStale({ state }: { state: AnalysisState<unknown> }) {
  const changed = useChangedSince(state.kind === 'done' ? state.ranOn : undefined);
  if (!changed) return null;
  return (
    <p className="results-stale" role="status" data-testid="analysis-stale">
      The scenario has changed since this analysis ran: run it again to update it.
    </p>
  );
}

/** A structure to run an analysis on: the base as drawn, walled, cross-functional or any saved variant. */
export function VariantSelect({ value, onChange, testId, label = 'On' }: { value: string; onChange(key: string): void; testId: string; label?: string }) {
  const doc = useDocumentStore((s) => s.doc);
  const choices = variantChoices(doc);
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select className="input" data-testid={testId} value={choices.some((c) => c.key === value) ? value : 'base'} onChange={(e) => onChange(e.target.value)}>
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.key === 'base' ? 'The structure as drawn' : c.label}
          </option>
        ))}
      </select>
    </label>
  );
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
