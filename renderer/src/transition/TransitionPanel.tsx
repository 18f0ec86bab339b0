import { useMemo } from 'react';
import { sha256Hex } from '../../../simulation/report/embed';
import { DEFAULT_WORKING_TIME, type WorkingTime } from '../../../simulation/report/format';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { transitionChartData } from '../../../simulation/transition/chartData';
import { TRANSITION_NOTE, transitionHeading, transitionLines } from '../../../simulation/transition/describe';
import { transitionProblems } from '../../../simulation/transition/schedule';
import type { TransitionMeasure, TransitionSummary } from '../../../simulation/transition/summary';
import { ChartMenu } from '../charts/ChartMenu';
import { transitionChart } from '../charts/transitionChart';
import { useChart } from '../charts/useChart';
import { useAnalysisInput, useAnalysisStore } from '../state/analysisStore';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { AnalysisStale } from '../results/useAnalysisRun';
import { startWithinBudget } from '../runs/runGate';
import { cancelTransition, runTransitionInWorker, TransitionCancelled } from './transitionClient';

/**
 * "Simulate the transition": pick a saved variant (the plan), set the date it
 * takes effect (saved in the scenario, undoable), and run it against staying
 * as is on the same luck: the sentence (break-even week with its interval,
 * the dip) and weekly charts of lead time and time to restore.
 */
export function TransitionPanel() {
  const doc = useDocumentStore((s) => s.doc);
  const apply = useDocumentStore((s) => s.apply);
  const state = useAnalysisStore((s) => s.states.transition);
  const variants = doc?.variants ?? [];
  const [picked, setPicked] = useAnalysisInput('transition.variant', '');
  const active = useSessionStore((s) => s.activeVariant);
  // Picked here, else the variant open in the editor, else one with a date already, else the first.
  const variant = variants.find((v) => v.id === picked) ?? variants.find((v) => v.id === active) ?? variants.find((v) => v.transition) ?? variants[0];
  const [repsText, setReps] = useAnalysisInput('transition.reps', String(Math.min(doc?.run.replications ?? 100, 200)));
  const reps = Number(repsText);
  const validReps = Number.isInteger(reps) && reps >= 2 && reps <= 5000;
  const index = variant && doc ? doc.variants.indexOf(variant) : -1;
  const problems = doc && index >= 0 ? transitionProblems(doc) : { errors: [], warnings: [] };
  const mine = (p: { path: string }) => p.path.startsWith(`variants[${index}] `);
  const errors = problems.errors.filter(mine);
  const warnings = problems.warnings.filter(mine);
  const date = variant?.transition?.effectiveDate ?? '';
  const set = useAnalysisStore.getState().set;

  const start = async () => {
    if (!doc || !variant) return;
    set('transition', { kind: 'running', done: 0, total: reps });
    try {
      const hash = await sha256Hex(serializeScenario(doc));
      const summary = await runTransitionInWorker({ scenario: doc, variantId: variant.id, replications: reps }, (done, total) => set('transition', { kind: 'running', done, total }));
      set('transition', { kind: 'done', value: summary, scenarioHash: hash, ranOn: doc });
    } catch (err) {
      set('transition', err instanceof TransitionCancelled ? { kind: 'idle' } : { kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section className="chart-card" data-testid="transition" aria-labelledby="transition-title">
      <header className="chart-head">
        <h3 id="transition-title">Simulate the transition</h3>
      </header>
      <p className="empty-text">
        The run starts in the structure as drawn and switches to the plan on the date it takes effect. People keep what they know and learn their new services as
        they work; both runs see the same arrivals, incidents and absences, so the difference is the reorganisation&apos;s.
      </p>
      {!variant ? (
        <p className="empty-text" data-testid="transition-no-variant">
          Make a variant first (the plan): the transition switches from the structure as drawn to it at a date.
        </p>
      ) : (
        <div className="stress-controls">
          <label className="field">
            <span className="field-label">Plan</span>
            <select className="input" data-testid="transition-variant" value={variant.id} onChange={(e) => setPicked(e.target.value)}>
              {variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Takes effect on</span>
            <input
              className="input"
              type="date"
              data-testid="transition-date"
              value={date}
              aria-invalid={errors.length > 0}
              onChange={(e) => apply({ type: 'variant.setTransition', id: variant.id, transition: e.target.value ? { effectiveDate: e.target.value } : null })}
            />
          </label>
          <label className="field run-field">
            <span className="field-label">Replications</span>
            <input className="input" data-testid="transition-reps" value={repsText} aria-invalid={!validReps} onChange={(e) => setReps(e.target.value)} />
          </label>
          {state.kind === 'running' ? (
            <>
              <button type="button" className="btn btn-danger" onClick={cancelTransition}>
                Cancel
              </button>
              <progress max={state.total} value={state.done} aria-label="Transition progress" />
            </>
          ) : (
            <button type="button" className="btn btn-primary" data-testid="transition-run" disabled={!date || errors.length > 0 || !validReps} onClick={() => {
                // The run budget (as for Run): the base and the plan, each for every replication.
                if (variant) startWithinBudget('The transition', [{ kind: 'base' }, { kind: 'saved', id: variant.id }], reps, () => void start());
              }}>
              Simulate the transition
            </button>
          )}
        </div>
      )}
      {[...errors, ...warnings].map((p) => (
        <p key={p.message} className={errors.includes(p) ? 'field-error' : 'empty-text'} role={errors.includes(p) ? 'alert' : undefined} data-testid="transition-problem">
          {p.message}
        </p>
      ))}
      {state.kind === 'error' && <p className="field-error">{state.message}</p>}
      <AnalysisStale state={state} />
      {state.kind === 'done' && <TransitionResult summary={state.value} time={doc?.calendar ?? DEFAULT_WORKING_TIME} />}
    </section>
  );
}

function TransitionResult({ summary, time }: { summary: TransitionSummary; time: WorkingTime }) {
  return (
    <div data-testid="transition-result">
      <p className="transition-heading">{transitionHeading(summary)}</p>
      <ul className="transition-sentences" data-testid="transition-sentence">
        {transitionLines(summary).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="chart-grid">
        <TransitionChart summary={summary} measure="lead" time={time} />
        <TransitionChart summary={summary} measure="ttr" time={time} />
      </div>
      <p className="empty-text">{TRANSITION_NOTE}</p>
    </div>
  );
}

function TransitionChart({ summary, measure, time }: { summary: TransitionSummary; measure: TransitionMeasure; time: WorkingTime }) {
  const data = useMemo(() => transitionChartData(summary, measure, time), [summary, measure, time]);
  const ref = useChart(transitionChart, data);
  return (
    <section className="chart-card">
      <header className="chart-head">
        <h3>{measure === 'lead' ? 'Lead time by week' : 'Time to restore by week'}</h3>
        <ChartMenu title={`Transition: ${data.yLabel}`} name={`transition-${measure}`} />
      </header>
      <div className="legend">
        {data.series.map((s, i) => (
          <span key={s.name} className="legend-item">
            <span className="swatch" data-color={i} aria-hidden="true" />
            {s.name} (band: 10-90% of replications)
          </span>
        ))}
      </div>
      <div className="chart" ref={ref} data-testid={`chart-transition-${measure}`} />
    </section>
  );
}
