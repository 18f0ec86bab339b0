import { useState } from 'react';
import { absenceStressVariants, rankAbsences } from '../../../simulation/analysis/absenceStress';
import { useDocumentStore } from '../state/documentStore';
import { signedDiff as diff } from '../../../simulation/report/format';
import { NotSteadyMark } from './TrustWarnings';
import { AnalysisRunButton, useAnalysisRun } from './useAnalysisRun';

/**
 * "He who has one has none": each person in turn away for some weeks, on the
 * same seeds; people ranked by how much longer restores and changes take
 * without them, and the services that stop.
 */
export function AbsenceStressTest() {
  const doc = useDocumentStore((s) => s.doc);
  const [weeks, setWeeks] = useState('4');
  const [reps, setReps] = useState('50');
  const { state, start: run } = useAnalysisRun('absence');
  const w = Number(weeks);
  const n = Number(reps);
  const valid = Number.isInteger(w) && w >= 1 && w <= 52 && Number.isInteger(n) && n >= 2 && n <= 2000 && (doc?.people.length ?? 0) > 0;

  const start = async () => {
    if (!doc) return;
    const hoursPerWeek = doc.calendar.hoursPerDay * doc.calendar.daysPerWeek;
    // The absence starts a tenth into the run, so there is time before it to have knowledge and work in flight.
    const variants = absenceStressVariants(doc, { kind: 'base' }, { start: Math.round(doc.run.horizonHours / 10 / hoursPerWeek) * hoursPerWeek, weeks: w });
    await run(variants, n, doc.run.seed, (result) => ({ weeks: w, replications: n, seed: doc.run.seed, impacts: rankAbsences(result) }));
  };

  return (
    <section className="chart-card" data-testid="stress-test">
      <header className="chart-head">
        <h3>Absence stress test: who can the team not do without?</h3>
      </header>
      <p className="empty-hint">Each person in turn is away (the scenario as drawn, same seeds for everyone); people are ranked by how much longer restores take without them.</p>
      <div className="stress-controls">
        <label className="field run-field">
          <span className="field-label">Weeks away</span>
          <input className="input" data-testid="stress-weeks" value={weeks} onChange={(e) => setWeeks(e.target.value)} />
        </label>
        <label className="field run-field">
          <span className="field-label">Replications</span>
          <input className="input" data-testid="stress-reps" value={reps} onChange={(e) => setReps(e.target.value)} />
        </label>
        <AnalysisRunButton state={state} label="Run stress test" testId="stress-run" disabled={!valid} onStart={() => void start()} />
      </div>
      {state.kind === 'done' && (
        <table className="data-table" data-testid="stress-table">
          <thead>
            <tr>
              <th>Away</th>
              <th>Time to restore, mean</th>
              <th>Lead time, mean</th>
              <th>Incidents waiting for them</th>
              <th>Services that stop (restores at least twice as slow)</th>
            </tr>
          </thead>
          <tbody>
            {state.value.impacts.map((r) => (
              <tr key={r.personId} data-testid={`stress-row-${r.personId}`}>
                <th scope="row">
                  {r.person} <NotSteadyMark caveat={r.caveat ?? null} />
                </th>
                <td>{diff(r.ttrMean?.difference, 'h')}</td>
                <td>{diff(r.leadTimeMean?.difference, 'h')}</td>
                <td>{diff(r.waitedForAbsent?.difference, '')}</td>
                <td>{r.stoppedServices.join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

