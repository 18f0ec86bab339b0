import { sha256Hex } from '../../../simulation/report/embed';
import { RunCancelled } from '../../../simulation/run/runCoordinator';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { Scenario } from '../../../simulation/scenario/schema';
import type { ScalarMetric } from '../../../simulation/run/scalarMetrics';
import type { RacedCount } from '../../../simulation/report/types';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { cancelRun, runAnalysis, runRaceAnalysis } from '../runs/runActions';
import { startWithinBudget } from '../runs/runGate';
import { useAnalysisStore, type AnalysisKey, type AnalysisState, type AnalysisValues } from '../state/analysisStore';
import { useChangedSince } from '../runs/staleness';
import { useDocumentStore } from '../state/documentStore';
import { variantChoices } from './variantChoices';

export type { AnalysisState };

/** How each analysis is named in the run-budget dialog. */
const ANALYSIS_NAMES: Record<AnalysisKey, string> = { absence: 'The stress test', training: 'The training advisor', sweep: 'The sweep', transition: 'The transition' };

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
  type Summarise = (result: RunResult, raced?: RacedCount) => AnalysisValues[K];
  /** `scenario`: the open scenario as the analysis measures it (default: as it is). */
  type Race = { metric: ScalarMetric; better?: 'higher' | 'lower'; forkAt?: number; scenario?: Scenario };
  // Within the run budget only (at the most replications it may take): a sweep or stress test of an absurd rate asks or is refused before it starts.
  const start = (variants: VariantSpec[], replications: number, seed: number, summarise: Summarise, race?: Race) =>
    new Promise<void>((resolve) => {
      if (startWithinBudget(ANALYSIS_NAMES[key], variants, replications, () => void run(variants, replications, seed, summarise, race).then(resolve), race?.scenario) !== 'ok') resolve();
    });
  /**
   * Runs `variants` (the baseline first) and summarises the result; with `race`, the candidates are raced on
   * `race.metric` (see simulation/analysis/racing.ts) and `summarise` is told how many left the race early.
   */
  const run = async (variants: VariantSpec[], replications: number, seed: number, summarise: Summarise, race?: Race) => {
    const startedAt = performance.now();
    set({ kind: 'running', done: 0, total: variants.length * replications, elapsedMs: 0 });
    try {
      const ranOn = useDocumentStore.getState().doc ?? undefined;
      const hash = await scenarioHash();
      let value: AnalysisValues[K];
      if (race) {
        const { scenario, ...racing } = race;
        const raced = await runRaceAnalysis(
          {
            variants,
            seed,
            maxReplications: replications,
            ...racing,
            onProgress: (done, total, left) => set({ kind: 'running', done, total, elapsedMs: performance.now() - startedAt, racing: left }),
          },
          scenario,
        );
        const dropped = raced.race.candidates.filter((c) => c.outcome !== 'finished').length;
        value = summarise(raced.result, { candidates: raced.race.candidates.length, dropped });
      } else {
        const result = await runAnalysis(variants, replications, seed, (done, total) => set({ kind: 'running', done, total, elapsedMs: performance.now() - startedAt }));
        value = summarise(result);
      }
      set({ kind: 'done', value, scenarioHash: hash, ...(ranOn ? { ranOn } : {}) });
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
          <progress max={state.total} value={state.done} aria-label="Progress" />
          <AnalysisTimeLeft state={state} />
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

/** Time left while an analysis runs, from the pace so far (shown once a few replications have come back), and a race's candidates still in. */
function AnalysisTimeLeft({ state }: { state: Extract<AnalysisState<unknown>, { kind: 'running' }> }) {
  const elapsed = state.elapsedMs ?? 0;
  // The first replications are slow (the workers compile the model and warm up), so the pace is read only after a twentieth.
  const known = state.done >= Math.min(state.total, Math.max(10, state.total / 20)) && elapsed > 0;
  const left = known ? Math.max(0, ((state.total - state.done) * elapsed) / state.done / 1000) : null;
  return (
    <span className="analysis-progress" role="status" data-testid="analysis-time-left">
      {left === null ? 'Starting…' : left < 1 ? 'Less than a second left' : `About ${Math.ceil(left)} s left`}
      {state.racing !== undefined ? ` · ${state.racing} still in the race` : ''}
    </span>
  );
}

/** Said under a raced analysis: candidates that stopped early have fewer replications, so wider intervals. */
export function RacedNote({ raced, what }: { raced: RacedCount | undefined; what: string }) {
  if (!raced || raced.dropped === 0) return null;
  return (
    <p className="table-note" data-testid="raced-note">
      {raced.dropped} of {raced.candidates} {what} were clearly behind the leaders and stopped early: their figures come from fewer replications (wider intervals).
    </p>
  );
}
