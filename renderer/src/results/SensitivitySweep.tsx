import { useMemo, useState } from 'react';
import { SWEEP_PARAMETERS, sweepLines, sweepValuesFor, sweepVariants, sweepWarnings, type SweepLine, type SweepParameter } from '../../../simulation/analysis/sensitivity';
import { METRIC_INFO } from '../../../simulation/run/metricInfo';
import type { PresetVariant } from '../../../simulation/run/variantSpec';
import type { ScalarMetric } from '../../../simulation/run/variantSummary';
import { sweepChartData } from '../../../simulation/report/chartData';
import { bandChart } from '../charts/bandChart';
import { ChartMenu } from '../charts/ChartMenu';
import { useChart } from '../charts/useChart';
import { useDocumentStore } from '../state/documentStore';
import { TrustWarnings } from './TrustWarnings';
import { AnalysisRunButton, useAnalysisRun } from './useAnalysisRun';

const STRUCTURES: PresetVariant[] = ['walled', 'cross-functional'];
const METRICS: ScalarMetric[] = ['leadTimeP85', 'leadTimeMean', 'ttrMean', 'ttrP95', 'throughputPerWeek', 'incidentsWaitedForAbsent'];
const DEFAULT_RANGE: Record<SweepParameter, [number, number]> = {
  arrivalRate: [0.5, 1.5],
  incidentRate: [0.5, 3],
  handoffGapHours: [0, 12],
  crossTraining: [0, 0.8],
  wipPerTeam: [2, 10],
  extraPeople: [0, 4],
};


/** A metric against one dial (load, incidents, handoff cost, cross-training, WIP limit, people), walled and cross-functional, with 95% intervals. */
export function SensitivitySweep() {
  const doc = useDocumentStore((s) => s.doc);
  const [parameter, setParameter] = useState<SweepParameter>('arrivalRate');
  const [metric, setMetric] = useState<ScalarMetric>('leadTimeP85');
  const [range, setRange] = useState(DEFAULT_RANGE.arrivalRate.map(String));
  const { state, start: run } = useAnalysisRun('sweep');
  const min = Number(range[0]);
  const max = Number(range[1]);
  const [repsText, setReps] = useState('40');
  const reps = Number(repsText);
  const validReps = Number.isInteger(reps) && reps >= 2 && reps <= 2000;
  const valid = validReps && Number.isFinite(min) && Number.isFinite(max) && min >= 0 && max > min && (doc?.people.length ?? 0) > 0;

  const start = async () => {
    if (!doc) return;
    const values = sweepValuesFor(parameter, min, max, 5);
    const variants = sweepVariants(doc, parameter, values, STRUCTURES);
    await run(variants, reps, doc.run.seed, (result) => ({ lines: sweepLines(result, metric, values, STRUCTURES), parameter, metric, replications: reps, seed: doc.run.seed }));
  };

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
              setRange(DEFAULT_RANGE[p].map(String));
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
          <input className="input" value={range[0]} onChange={(e) => setRange([e.target.value, range[1]!])} />
        </label>
        <label className="field run-field">
          <span className="field-label">To</span>
          <input className="input" value={range[1]} onChange={(e) => setRange([range[0]!, e.target.value])} />
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
      {state.kind === 'done' && <SweepChart lines={state.value.lines} parameter={state.value.parameter} metric={state.value.metric} />}
    </section>
  );
}

function SweepChart({ lines, parameter, metric }: { lines: SweepLine[]; parameter: SweepParameter; metric: ScalarMetric }) {
  const data = useMemo(() => sweepChartData(lines, parameter, metric), [lines, parameter, metric]);
  const ref = useChart(bandChart, data);
  return (
    <>
      <div className="legend">
        {lines.map((l, i) => (
          <span key={l.structure} className="legend-item">
            <span className="swatch" data-color={i} aria-hidden="true" />
            {l.structure === 'walled' ? 'Walled' : 'Cross-functional'} (band: 95% interval)
          </span>
        ))}
      </div>
      <div className="chart" ref={ref} data-testid="chart-sweep" />
      <TrustWarnings warnings={sweepWarnings(lines, parameter)} testId="sweep-warnings" />
    </>
  );
}
