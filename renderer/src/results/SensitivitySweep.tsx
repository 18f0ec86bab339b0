import { useMemo } from 'react';
import { SWEEP_PARAMETERS, sweepLineName, sweepLines, sweepWarnings, sweepValuesFor, sweepVariants, todayValue, type SweepLine, type SweepParameter } from '../../../simulation/analysis/sensitivity';
import { METRIC_INFO } from '../../../simulation/run/metricInfo';
import { resolveVariantSpec } from '../../../simulation/run/variantSpec';
import type { ScalarMetric } from '../../../simulation/run/variantSummary';
import { sweepChartData } from '../../../simulation/report/chartData';
import { DEFAULT_WORKING_TIME, type WorkingTime } from '../../../simulation/report/format';
import { bandChart } from '../charts/bandChart';
import { ChartMenu } from '../charts/ChartMenu';
import { useChart } from '../charts/useChart';
import { useDocumentStore } from '../state/documentStore';
import { useAnalysisInput } from '../state/analysisStore';
import { AnalysisRunButton, AnalysisStale, useAnalysisRun } from './useAnalysisRun';
import { variantChoices } from './variantChoices';
import { TrustWarnings } from './TrustWarnings';

const DEFAULT_STRUCTURES = 'walled,cross-functional';
const METRICS: ScalarMetric[] = ['leadTimeP85', 'leadTimeMean', 'ttrMean', 'ttrP95', 'throughputPerWeek', 'incidentsWaitedForAbsent'];
const DEFAULT_RANGE: Record<SweepParameter, [number, number]> = {
  arrivalRate: [0.5, 1.5],
  incidentRate: [0.5, 3],
  handoffGapHours: [0, 12],
  crossTraining: [0, 0.8],
  wipPerTeam: [2, 10],
  extraPeople: [0, 4],
};


/** A metric against one dial (load, incidents, handoff cost, cross-training, WIP limit, people), one line per structure picked (any variant), with 95% intervals and today's value marked. */
export function SensitivitySweep() {
  const doc = useDocumentStore((s) => s.doc);
  const [parameterText, setParameter] = useAnalysisInput('sweep.parameter', 'arrivalRate');
  const parameter = parameterText as SweepParameter;
  const [metricText, setMetric] = useAnalysisInput('sweep.metric', 'leadTimeP85');
  const metric = metricText as ScalarMetric;
  const [from, setFrom] = useAnalysisInput('sweep.from', String(DEFAULT_RANGE.arrivalRate[0]));
  const [to, setTo] = useAnalysisInput('sweep.to', String(DEFAULT_RANGE.arrivalRate[1]));
  const [structuresText, setStructures] = useAnalysisInput('sweep.structures', DEFAULT_STRUCTURES);
  const choices = variantChoices(doc);
  const structures = structuresText.split(',').filter((k) => choices.some((c) => c.key === k));
  const { state, start: run } = useAnalysisRun('sweep');
  const min = Number(from);
  const max = Number(to);
  const [repsText, setReps] = useAnalysisInput('sweep.reps', '40');
  const reps = Number(repsText);
  const validReps = Number.isInteger(reps) && reps >= 2 && reps <= 2000;
  const valid = validReps && structures.length > 0 && Number.isFinite(min) && Number.isFinite(max) && min >= 0 && max > min && (doc?.people.length ?? 0) > 0;

  const start = async () => {
    if (!doc) return;
    const values = sweepValuesFor(parameter, min, max, 5);
    const picked = structures.map((k) => choices.find((c) => c.key === k)!).map((c) => ({ key: c.key, name: c.key === 'base' ? 'As drawn' : c.label, spec: c.spec }));
    const variants = sweepVariants(doc, parameter, values, picked);
    // Today's value of the dial, in the first structure's model.
    const today = todayValue(resolveVariantSpec(doc, picked[0]!.spec).model, parameter);
    await run(variants, reps, doc.run.seed, (result) => ({ lines: sweepLines(result, metric, values, picked), parameter, metric, replications: reps, seed: doc.run.seed, today }));
  };
  const toggle = (key: string) => setStructures((structures.includes(key) ? structures.filter((k) => k !== key) : [...structures, key]).join(','));

  return (
    <section className="chart-card" data-testid="sweep">
      <header className="chart-head">
        <h3>Sensitivity sweep</h3>
        {state.kind === 'done' && <ChartMenu title={`Sensitivity: ${METRIC_INFO[state.value.metric].label}`} name="sensitivity" />}
      </header>
      <div className="stress-controls">
        <label className="field">
          <span className="field-label">Turn</span>
          <select
            className="input"
            data-testid="sweep-parameter"
            value={parameter}
            onChange={(e) => {
              const p = e.target.value as SweepParameter;
              setParameter(p);
              setFrom(String(DEFAULT_RANGE[p][0]));
              setTo(String(DEFAULT_RANGE[p][1]));
            }}
          >
            {Object.entries(SWEEP_PARAMETERS).map(([k, v]) => (
              <option key={k} value={k}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field run-field">
          <span className="field-label">From</span>
          <input className="input" data-testid="sweep-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field run-field">
          <span className="field-label">To</span>
          <input className="input" data-testid="sweep-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Watch</span>
          <select className="input" data-testid="sweep-metric" value={metric} onChange={(e) => setMetric(e.target.value as ScalarMetric)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_INFO[m].label}
              </option>
            ))}
          </select>
        </label>
        <label className="field run-field">
          <span className="field-label">Replications</span>
          <input className="input" data-testid="sweep-reps" value={repsText} aria-invalid={!validReps} onChange={(e) => setReps(e.target.value)} />
        </label>
        <AnalysisRunButton state={state} label="Sweep" testId="sweep-run" disabled={!valid} onStart={() => void start()} />
      </div>
      <div className="run-variants" role="group" aria-label="Lines for">
        <span className="field-label">Lines for</span>
        <div className="chip-picker">
          {choices.map((c) => (
            <button key={c.key} type="button" className="chip-toggle" aria-pressed={structures.includes(c.key)} data-testid={`sweep-variant-${c.key}`} onClick={() => toggle(c.key)}>
              {c.label}
            </button>
          ))}
        </div>
      </div>
      <AnalysisStale state={state} />
      {state.kind === 'done' && <SweepChart lines={state.value.lines} parameter={state.value.parameter} metric={state.value.metric} today={state.value.today ?? null} time={doc?.calendar ?? DEFAULT_WORKING_TIME} />}
    </section>
  );
}

function SweepChart({ lines, parameter, metric, today, time }: { lines: SweepLine[]; parameter: SweepParameter; metric: ScalarMetric; today: number | null; time: WorkingTime }) {
  const data = useMemo(() => sweepChartData(lines, parameter, metric, time, today), [lines, parameter, metric, time, today]);
  const ref = useChart(bandChart, data);
  return (
    <>
      <div className="legend">
        {lines.map((l, i) => (
          <span key={l.structure} className="legend-item">
            <span className="swatch" data-color={i} aria-hidden="true" />
            {sweepLineName(l)} (band: 95% interval)
          </span>
        ))}
        {data.marker && (
          <span className="legend-item" data-testid="sweep-today-legend">
            <span className="legend-dash" aria-hidden="true" />
            {data.marker.label.replace(/^today/, 'Today')}
          </span>
        )}
      </div>
      <div className="chart" ref={ref} data-testid="chart-sweep" />
      <TrustWarnings warnings={sweepWarnings(lines, parameter)} testId="sweep-warnings" />
    </>
  );
}
