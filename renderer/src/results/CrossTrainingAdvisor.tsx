import { useState } from 'react';
import { crossTrainingVariants, rankTraining, type TrainingGain } from '../../../simulation/analysis/crossTraining';
import { RunCancelled } from '../../../simulation/run/runCoordinator';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import { cancelRun, runAnalysis } from '../runs/runActions';
import { useDocumentStore } from '../state/documentStore';
import { signedDiff as diff } from './format';

type State = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; ranked: TrainingGain[] } | { kind: 'error'; message: string };

const STRUCTURES: { key: string; label: string; spec: VariantSpec }[] = [
  { key: 'cross-functional', label: 'cross-functional (anyone who knows it may restore it)', spec: { kind: 'preset', preset: 'cross-functional' } },
  { key: 'base', label: 'the structure as drawn', spec: { kind: 'base' } },
];

/** Which training would help most: each teammate learning each service one person (or nobody) can restore. */
export function CrossTrainingAdvisor() {
  const doc = useDocumentStore((s) => s.doc);
  const [structure, setStructure] = useState('cross-functional');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const start = async () => {
    if (!doc) return;
    const base = STRUCTURES.find((s) => s.key === structure)!.spec;
    const variants = crossTrainingVariants(doc, base);
    if (variants.length === 1) return setState({ kind: 'done', ranked: [] });
    const reps = 50;
    setState({ kind: 'running', done: 0, total: variants.length * reps });
    try {
      const result = await runAnalysis(variants, reps, doc.run.seed, (done, total) => setState({ kind: 'running', done, total }));
      setState({ kind: 'done', ranked: rankTraining(result) });
    } catch (err) {
      setState(err instanceof RunCancelled ? { kind: 'idle' } : { kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <section className="chart-card" data-testid="advisor">
      <header className="chart-head">
        <h3>Cross-training advisor: which training helps most?</h3>
      </header>
      <p className="empty-hint">For every service only one person (or nobody) can restore, each teammate in turn learns it; 50 replications each, same seeds.</p>
      <div className="stress-controls">
        <label className="field">
          <span className="field-label">Under</span>
          <select className="input" value={structure} onChange={(e) => setStructure(e.target.value)}>
            {STRUCTURES.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {state.kind === 'running' ? (
          <>
            <button type="button" className="btn btn-danger" onClick={cancelRun}>
              Cancel
            </button>
            <progress max={state.total} value={state.done} />
          </>
        ) : (
          <button type="button" className="btn btn-primary" data-testid="advisor-run" disabled={!doc || doc.people.length === 0} onClick={() => void start()}>
            Find the best training
          </button>
        )}
        {state.kind === 'error' && <span className="field-error">{state.message}</span>}
      </div>
      {state.kind === 'done' &&
        (state.ranked.length === 0 ? (
          <p data-testid="advisor-none">Every service can already be restored by at least two people.</p>
        ) : (
          <table className="data-table" data-testid="advisor-table">
            <thead>
              <tr>
                <th>Training</th>
                <th>Time to restore, mean</th>
                <th>Time to restore p95</th>
                <th>Incidents waiting for someone absent</th>
              </tr>
            </thead>
            <tbody>
              {state.ranked.slice(0, 8).map((r) => (
                <tr key={r.option}>
                  <th scope="row">{r.option}</th>
                  <td>{diff(r.ttrMean?.difference, 'h')}</td>
                  <td>{diff(r.ttrP95?.difference, 'h')}</td>
                  <td>{diff(r.waitedForAbsent?.difference, '')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}

