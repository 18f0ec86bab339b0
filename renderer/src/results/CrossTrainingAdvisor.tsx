import { useState } from 'react';
import { crossTrainingVariants, rankTraining } from '../../../simulation/analysis/crossTraining';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import { useDocumentStore } from '../state/documentStore';
import { signedDiff as diff } from '../../../simulation/report/format';
import { NotSteadyMark } from './TrustWarnings';
import { AnalysisRunButton, useAnalysisRun } from './useAnalysisRun';

const STRUCTURES: { key: string; label: string; spec: VariantSpec }[] = [
  { key: 'cross-functional', label: 'cross-functional (anyone who knows it may restore it)', spec: { kind: 'preset', preset: 'cross-functional' } },
  { key: 'base', label: 'the structure as drawn', spec: { kind: 'base' } },
];

/** Which training would help most: each teammate learning each service one person (or nobody) can restore. */
export function CrossTrainingAdvisor() {
  const doc = useDocumentStore((s) => s.doc);
  const [structure, setStructure] = useState('cross-functional');
  const [repsText, setReps] = useState('50');
  const reps = Number(repsText);
  const validReps = Number.isInteger(reps) && reps >= 2 && reps <= 2000;
  const { state, start: run, setDone } = useAnalysisRun('training');
  const start = async () => {
    if (!doc) return;
    const chosen = STRUCTURES.find((s) => s.key === structure)!;
    const variants = crossTrainingVariants(doc, chosen.spec);
    const value = (gains: ReturnType<typeof rankTraining>) => ({ structure: chosen.label, replications: reps, seed: doc.run.seed, gains });
    if (variants.length === 1) return setDone(value([]));
    await run(variants, reps, doc.run.seed, (result) => value(rankTraining(result)));
  };
  return (
    <section className="chart-card" data-testid="advisor">
      <header className="chart-head">
        <h3>Cross-training advisor: which training helps most?</h3>
      </header>
      <p className="empty-hint">For every service only one person (or nobody) can restore, each teammate in turn learns it; every option runs the same replications (same seeds), so the gains are paired.</p>
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
        <label className="field run-field">
          <span className="field-label">Replications</span>
          <input className="input" data-testid="advisor-reps" value={repsText} aria-invalid={!validReps} onChange={(e) => setReps(e.target.value)} />
        </label>
        <AnalysisRunButton state={state} label="Find the best training" testId="advisor-run" disabled={!doc || doc.people.length === 0 || !validReps} onStart={() => void start()} />
      </div>
      {state.kind === 'done' &&
        (state.value.gains.length === 0 ? (
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
              {state.value.gains.slice(0, 8).map((r) => (
                <tr key={r.option}>
                  <th scope="row">
                    {r.option} <NotSteadyMark caveat={r.caveat ?? null} />
                  </th>
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

