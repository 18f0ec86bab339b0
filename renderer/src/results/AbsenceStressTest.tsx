import { absenceStressVariants, defaultAbsenceWindow, rankAbsences, sortImpacts, stressWindowScenario, type AbsenceRanking } from '../../../simulation/analysis/absenceStress';
import { absenceTable } from '../../../simulation/report/analysisTables';
import { BRACKETS_HELP, DEFAULT_WORKING_TIME } from '../../../simulation/report/format';
import { useAnalysisInput, useAnalysisStore } from '../state/analysisStore';
import { useDocumentStore } from '../state/documentStore';
import { DiffTableCell } from './DiffTableCell';
import { AnalysisRunButton, AnalysisStale, RacedNote, useAnalysisRun, VariantSelect } from './useAnalysisRun';
import { variantChoices } from './variantChoices';

const RANKINGS: { key: AbsenceRanking; label: string }[] = [
  { key: 'ttr', label: 'time to restore' },
  { key: 'lead', label: 'lead time' },
];
import { NotSteadyMark } from './TrustWarnings';

/**
 * "He who has one has none": each person in turn away for some weeks, on the
 * same seeds, on any structure; people ranked by how much longer restores
 * (or changes) take without them, and the services that stop.
 */
export function AbsenceStressTest() {
  const doc = useDocumentStore((s) => s.doc);
  const [weeks, setWeeks] = useAnalysisInput('stress.weeks', '4');
  const [reps, setReps] = useAnalysisInput('stress.reps', '50');
  const [on, setOn] = useAnalysisInput('stress.on', 'base');
  const [rankBy, setRankBy] = useAnalysisInput('stress.rankBy', 'ttr');
  const { state, start: run } = useAnalysisRun('absence');
  const w = Number(weeks);
  const n = Number(reps);
  const valid = Number.isInteger(w) && w >= 1 && w <= 52 && Number.isInteger(n) && n >= 2 && n <= 2000 && (doc?.people.length ?? 0) > 0;
  const by = rankBy as AbsenceRanking;

  const start = async () => {
    if (!doc) return;
    const chosen = variantChoices(doc).find((c) => c.key === on) ?? variantChoices(doc)[0]!;
    const window = defaultAbsenceWindow(doc, w);
    // Measured over the weeks the absence touches: over the whole run its effect would be diluted into noise.
    const scenario = stressWindowScenario(doc, window);
    const variants = absenceStressVariants(scenario, chosen.spec, window);
    const structure = chosen.key === 'base' ? 'the structure as drawn' : chosen.label;
    // Raced on the ranking's figure: people clearly out of the top five stop early.
    await run(variants, n, doc.run.seed, (result, raced) => ({ weeks: w, replications: n, seed: doc.run.seed, impacts: rankAbsences(result, by), rankBy: by, structure, ...(raced ? { raced } : {}) }), {
      metric: by === 'lead' ? 'leadTimeMean' : 'ttrMean',
      // Everyone's variant is the same run until the absence starts: that part is run once per replication.
      forkAt: window.start,
      scenario,
    });
  };

  // Ranking again by another metric needs no new run: the differences are all there.
  const rerank = (next: string) => {
    setRankBy(next);
    const st = useAnalysisStore.getState().states.absence;
    if (st.kind === 'done') useAnalysisStore.getState().set('absence', { ...st, value: { ...st.value, rankBy: next as AbsenceRanking, impacts: sortImpacts(st.value.impacts, next as AbsenceRanking) } });
  };

  const table = state.kind === 'done' ? absenceTable(state.value.impacts, state.value.rankBy, doc?.calendar ?? DEFAULT_WORKING_TIME) : null;
  return (
    <section className="chart-card" data-testid="stress-test">
      <header className="chart-head">
        <h3>Absence stress test: who can the team not do without?</h3>
      </header>
      <p className="empty-hint">Each person in turn is away (same seeds for everyone); people are ranked by how much longer restores, or changes, take without them.</p>
      <div className="stress-controls">
        <VariantSelect value={on} onChange={setOn} testId="stress-variant" />
        <label className="field run-field">
          <span className="field-label">Weeks away</span>
          <input className="input" data-testid="stress-weeks" value={weeks} onChange={(e) => setWeeks(e.target.value)} />
        </label>
        <label className="field run-field">
          <span className="field-label">Replications</span>
          <input className="input" data-testid="stress-reps" value={reps} onChange={(e) => setReps(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Rank by</span>
          <select className="input" data-testid="stress-rank" value={by} onChange={(e) => rerank(e.target.value)}>
            {RANKINGS.map((r) => (
              <option key={r.key} value={r.key}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <AnalysisRunButton state={state} label="Run stress test" testId="stress-run" disabled={!valid} onStart={() => void start()} />
      </div>
      <AnalysisStale state={state} />
      {state.kind === 'done' && table && (
        <>
          <p className="table-note">
            On {state.value.structure ?? 'the structure as drawn'}, {state.value.weeks} weeks away, {state.value.replications} replications, measured from when the absence starts to{' '}
            {state.value.weeks} weeks after it ends. Each cell: the difference to nobody away{' '}
            <abbr title={BRACKETS_HELP}>[95% interval]</abbr> and what it says.
          </p>
          <RacedNote raced={state.value.raced} what="people" />
          <div className="data-table-wrap">
          <table className="data-table" data-testid="stress-table">
            <thead>
              <tr>
                {table.head.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.key} data-testid={`stress-row-${r.key}`}>
                  <th scope="row">
                    {r.label} <NotSteadyMark caveat={r.source.caveat ?? null} />
                  </th>
                  {r.cells.map((c, i) => (
                    <DiffTableCell key={i} cell={c} />
                  ))}
                  {r.extra.map((x, i) => (
                    <td key={`x${i}`}>{x}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
    </section>
  );
}
