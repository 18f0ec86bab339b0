import { formatDateTime } from '../../../simulation/report/format';
import { precisionTarget } from '../../../simulation/run/precision';
import { METRIC_INFO } from '../../../simulation/run/metricInfo';
import { useAppServices } from '../app/AppServices';
import { keepResultsWithScenario } from '../runs/keptResults';
import { cancelRun, startRun } from '../runs/runActions';
import { startWithinBudget } from '../runs/runGate';
import { useChangedSince } from '../runs/staleness';
import { useDocumentStore } from '../state/documentStore';
import { useRunStore, type RunChoice } from '../state/runStore';
import { pickedVariants, toggleVariant, variantChoices } from './variantChoices';

/** What to compare, how many replications, and Run / Cancel with progress. The choices live in the run store, so they survive switching views. */
export function RunControls() {
  const { info } = useAppServices();
  const doc = useDocumentStore((s) => s.doc);
  const status = useRunStore((s) => s.status);
  const choice = useRunStore((s) => s.choice);
  const setChoice = (next: Partial<RunChoice>) => useRunStore.getState().set({ choice: { ...useRunStore.getState().choice, ...next } });
  const choices = variantChoices(doc);
  const picked = pickedVariants(choice, choices);
  const { reps, seed, precise, leadPct, ttrPct } = choice;
  const repsN = Number(reps);
  const seedN = Number(seed);
  const pctOk = (text: string) => text.trim() !== '' && Number(text) > 0 && Number(text) <= 100;
  const precisionValid = !precise || (pctOk(leadPct) && pctOk(ttrPct) && repsN >= 2);
  const valid = Number.isInteger(repsN) && repsN >= 1 && repsN <= 100_000 && Number.isInteger(seedN) && seedN >= 0 && seedN <= 4294967295 && picked.length > 0 && precisionValid;
  const running = status.kind === 'running';
  // In the order picked: the first is the baseline.
  const selected = picked.map((k) => choices.find((c) => c.key === k)!);

  return (
    <div className="run-controls" data-testid="run-controls">
      <div className="run-variants" role="group" aria-label="Compare">
        <span className="field-label">Compare (first is the baseline{selected[0] ? `: ${selected[0].label}` : ''})</span>
        <div className="chip-picker">
          {choices.map((c) => (
            <button key={c.key} type="button" className="chip-toggle" aria-pressed={picked.includes(c.key)} data-testid={`run-variant-${c.key}`} disabled={running} onClick={() => useRunStore.getState().set({ choice: toggleVariant(useRunStore.getState().choice, choices, c.key) })}>
              {c.label}
            </button>
          ))}
        </div>
      </div>
      <label className="field run-field run-precise">
        <span className="field-label">Stop when precise</span>
        <input type="checkbox" data-testid="run-precise" checked={precise} disabled={running} onChange={(e) => setChoice({ precise: e.target.checked })} />
      </label>
      {precise && (
        <>
          <label className="field run-field" title="Stop when every lead-time difference's 95% interval is within this many percentage points">
            <span className="field-label">Lead time ± points</span>
            <input className="input" data-testid="run-lead-pct" value={leadPct} disabled={running} aria-invalid={!pctOk(leadPct)} onChange={(e) => setChoice({ leadPct: e.target.value })} />
          </label>
          <label className="field run-field" title="Stop when every time-to-restore difference's 95% interval is within this many percentage points">
            <span className="field-label">Time to restore ± points</span>
            <input className="input" data-testid="run-ttr-pct" value={ttrPct} disabled={running} aria-invalid={!pctOk(ttrPct)} onChange={(e) => setChoice({ ttrPct: e.target.value })} />
          </label>
        </>
      )}
      <label className="field run-field">
        <span className="field-label">{precise ? 'Replications, at most' : 'Replications'}</span>
        <input className="input" data-testid="run-reps" value={reps} disabled={running} aria-invalid={!(Number.isInteger(repsN) && repsN >= 1)} onChange={(e) => setChoice({ reps: e.target.value })} />
      </label>
      <label className="field run-field">
        <span className="field-label">Seed</span>
        <input className="input" data-testid="run-seed" value={seed} disabled={running} onChange={(e) => setChoice({ seed: e.target.value })} />
      </label>
      {running ? (
        <button type="button" className="btn btn-danger btn-lg" data-testid="run-cancel" onClick={cancelRun}>
          Cancel
        </button>
      ) : (
        <button type="button" className="btn btn-primary btn-lg" data-testid="run-start" disabled={!valid || !doc} onClick={() => {
            const variants = selected.map((c) => c.spec);
            startWithinBudget('The run', variants, repsN, () =>
              void startRun(
                {
                  variants,
                  replications: repsN,
                  seed: seedN,
                  ...(precise ? { precision: precisionTarget(repsN, Number(leadPct), Number(ttrPct), Math.min(30, repsN)) } : {}),
                },
                info.appVersion,
              ),
            );
          }}>
          Run
        </button>
      )}
      <RunProgress />
      <KeepResults />
    </div>
  );
}

/** Keeps the results shown in a file beside the scenario, so opening it again shows them. */
function KeepResults() {
  const { host } = useAppServices();
  const status = useRunStore((s) => s.status);
  const hasResult = useRunStore((s) => s.result !== null);
  const keptIn = useRunStore((s) => s.keptIn);
  const file = useDocumentStore((s) => s.file);
  if (!hasResult || (status.kind !== 'done' && status.kind !== 'restored')) return null;
  if (keptIn) {
    return (
      <span className="run-kept" data-testid="run-kept" title={keptIn}>
        Kept with the scenario
      </span>
    );
  }
  return (
    <button
      type="button"
      className="btn"
      data-testid="run-keep"
      disabled={!file}
      title={file ? `Write these results beside ${file.name}` : 'Save the scenario first: results are kept beside its file'}
      onClick={() => void keepResultsWithScenario(host)}
    >
      Keep with scenario
    </button>
  );
}

function RunProgress() {
  const status = useRunStore((s) => s.status);
  const meta = useRunStore((s) => s.meta);
  const hasResult = useRunStore((s) => s.result !== null);
  const changed = useChangedSince(meta?.scenario);
  if (status.kind === 'idle') return null;
  if (status.kind === 'running') {
    const elapsed = status.elapsedMs / 1000;
    const rate = status.done / Math.max(elapsed, 0.001);
    const left = rate > 0 ? (status.total - status.done) / rate : NaN;
    return (
      <div className="run-progress" data-testid="run-progress">
        <progress max={status.total} value={status.done} />
        {status.precision !== undefined && (
          <span data-testid="run-precision-text">
            {status.precision === null
              ? 'Running until precise: first estimates after the first replications… '
              : status.precision.metric
                ? `${status.precision.replications} replications: least precise ${status.precision.metric} ±${status.precision.halfWidthPct.toFixed(1)} points (target ±${status.precision.targetPct}) · `
                : `${status.precision.replications} replications · `}
          </span>
        )}
        <span data-testid="run-progress-text">
          {status.done} / {status.total} replications · {rate.toFixed(0)}/s · {formatRate(status.events / Math.max(elapsed, 0.001))} events/s
          {Number.isFinite(left) && status.precision === undefined ? ` · ${left.toFixed(0)} s left` : ''}
        </span>
      </div>
    );
  }
  const stale = hasResult && (changed || (status.kind === 'restored' && status.changed));
  return (
    <div className="run-progress" data-testid="run-status" data-kind={status.kind}>
      {status.kind === 'done' && (
        <span>
          Finished in {status.seconds.toFixed(1)} s<StoppingNote />
        </span>
      )}
      {status.kind === 'restored' && `Results kept on ${formatDateTime(status.keptAt)}`}
      {status.kind === 'cancelled' && (hasResult && meta ? `Cancelled: the results below are still those of the run of ${formatDateTime(meta.startedAt)}` : 'Cancelled')}
      {status.kind === 'error' && <span className="field-error">{status.message}</span>}
      {stale && (
        <strong className="run-changed" data-testid="run-changed">
          {' '}
          · the scenario has changed since: run again to update them
        </strong>
      )}
    </div>
  );
}

/** 1234567 -> "1.2 M", 45600 -> "45.6 k". */
function formatRate(x: number): string {
  if (!(x > 0)) return '0';
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)} M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)} k`;
  return x.toFixed(0);
}

/** How many replications the run took and why it stopped (run until precise), or that the count was fixed. */
function StoppingNote() {
  const stopping = useRunStore((s) => s.result?.stopping);
  if (!stopping) return null;
  const worst = stopping.worst ? `least precise ${METRIC_INFO[stopping.worst.metric].label} ±${stopping.worst.halfWidthPct.toFixed(1)} points` : '';
  const text =
    stopping.mode === 'fixed'
      ? `: a fixed ${stopping.replications} replications`
      : stopping.reason === 'precise'
        ? `: ${stopping.replications} replications, every headline figure within its target (${worst})`
        : `: stopped at the most replications, ${stopping.replications}, before every figure was within its target (${worst}); raise the replications to go further`;
  return (
    <span data-testid="run-stopping" data-reason={stopping.reason} className={stopping.reason === 'maximum' ? 'run-changed' : undefined}>
      {text}
    </span>
  );
}
