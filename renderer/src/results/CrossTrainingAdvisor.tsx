import { crossTrainingVariants, rankTraining, trainingOption } from '../../../simulation/analysis/crossTraining';
import { trainingTable } from '../../../simulation/report/analysisTables';
import { BRACKETS_HELP, DEFAULT_WORKING_TIME } from '../../../simulation/report/format';
import { useAnalysisInput } from '../state/analysisStore';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { trainingVariant } from './applyTraining';
import { DiffTableCell } from './DiffTableCell';
import { AnalysisRunButton, AnalysisStale, RacedNote, useAnalysisRun, VariantSelect } from './useAnalysisRun';
import type { RacedCount } from '../../../simulation/report/types';
import { variantChoices } from './variantChoices';
import { NotSteadyMark } from './TrustWarnings';

/** Which training would help most: each teammate learning each service one person (or nobody) can restore, on any structure; the best applied as a variant in one click. */
export function CrossTrainingAdvisor() {
  const doc = useDocumentStore((s) => s.doc);
  const [on, setOn] = useAnalysisInput('advisor.on', 'cross-functional');
  const [repsText, setReps] = useAnalysisInput('advisor.reps', '50');
  const reps = Number(repsText);
  const validReps = Number.isInteger(reps) && reps >= 2 && reps <= 2000;
  const { state, start: run, setDone } = useAnalysisRun('training');
  // The structure the result shown was found on (what "Apply" builds on), whatever is picked since.
  const [ranOnKey, setRanOn] = useAnalysisInput('advisor.ranOn', 'cross-functional');

  const start = async () => {
    if (!doc) return;
    const chosen = variantChoices(doc).find((c) => c.key === on) ?? variantChoices(doc)[0]!;
    const variants = crossTrainingVariants(doc, chosen.spec);
    const structure = chosen.key === 'base' ? 'the structure as drawn' : chosen.key === 'cross-functional' ? 'cross-functional (anyone who knows it may restore it)' : chosen.label;
    const value = (gains: ReturnType<typeof rankTraining>, raced?: RacedCount) => ({ structure, replications: reps, seed: doc.run.seed, gains, ...(raced ? { raced } : {}) });
    setRanOn(chosen.key);
    if (variants.length === 1) return setDone(value([]));
    // Raced on the fall in mean time to restore: options clearly out of the top five stop early.
    await run(variants, reps, doc.run.seed, (result, raced) => value(rankTraining(result), raced), { metric: 'ttrMean', better: 'lower' });
  };

  const apply = (variantId: string) => {
    const docs = useDocumentStore.getState();
    const session = useSessionStore.getState();
    if (!docs.doc) return;
    const option = trainingOption(variantId, docs.doc.people, docs.doc.services);
    const chosen = variantChoices(docs.doc).find((c) => c.key === ranOnKey);
    try {
      if (!option || !chosen) throw new Error('The person, the service or the structure of this suggestion is no longer in the scenario.');
      const variant = trainingVariant(docs.doc, chosen.spec, option.personId, option.serviceId);
      docs.apply({ type: 'variant.add', variant });
      session.notify({ kind: 'success', title: `Variant "${variant.name}" made`, details: ['It is selected in Compare above: press Run to see what it changes.'] });
    } catch (err) {
      session.notify({ kind: 'error', title: 'The suggestion could not be applied', details: [err instanceof Error ? err.message : String(err)] });
    }
  };

  const table = state.kind === 'done' && state.value.gains.length ? trainingTable(state.value.gains, doc?.calendar ?? DEFAULT_WORKING_TIME) : null;
  return (
    <section className="chart-card" data-testid="advisor">
      <header className="chart-head">
        <h3>Cross-training advisor: which training helps most?</h3>
      </header>
      <p className="empty-hint">For every service only one person (or nobody) can restore, each teammate in turn learns it; every option runs the same replications (same seeds), so the gains are paired.</p>
      <div className="stress-controls">
        <VariantSelect value={on} onChange={setOn} testId="advisor-variant" label="Under" />
        <label className="field run-field">
          <span className="field-label">Replications</span>
          <input className="input" data-testid="advisor-reps" value={repsText} aria-invalid={!validReps} onChange={(e) => setReps(e.target.value)} />
        </label>
        <AnalysisRunButton state={state} label="Find the best training" testId="advisor-run" disabled={!doc || doc.people.length === 0 || !validReps} onStart={() => void start()} />
      </div>
      <AnalysisStale state={state} />
      {state.kind === 'done' &&
        (!table ? (
          <p data-testid="advisor-none">Every service can already be restored by at least two people.</p>
        ) : (
          <>
            <p className="table-note">
              Under {state.value.structure}, {state.value.replications} replications; best first. Each cell: the difference to no training <abbr title={BRACKETS_HELP}>[95% interval]</abbr> and what it says.
            </p>
            <RacedNote raced={state.value.raced} what="options" />
            <div className="data-table-wrap">
            <table className="data-table" data-testid="advisor-table">
              <thead>
                <tr>
                  {table.head.map((h) => (
                    <th key={h}>{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      <span data-testid="advisor-option">{r.label}</span> <NotSteadyMark caveat={r.source.caveat ?? null} />
                      {r.source.variantId && (
                        <button type="button" className="btn btn-small advisor-apply" data-testid="advisor-apply" aria-label={`Apply as a variant: ${r.label}`} onClick={() => apply(r.source.variantId!)}>
                          Apply as variant
                        </button>
                      )}
                    </th>
                    {r.cells.map((c, i) => (
                      <DiffTableCell key={i} cell={c} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </>
        ))}
    </section>
  );
}
