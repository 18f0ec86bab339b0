import { useMemo, useState } from 'react';
import type { RunResult } from '../../../simulation/run/runScenario';
import { distributionData, flowChartData, queueBandData, queueOptions, type DistributionData, type MeasuredWindow } from '../../../simulation/report/chartData';
import type { WorkingTime } from '../../../simulation/report/format';
import { bandChart } from '../charts/bandChart';
import { ChartMenu } from '../charts/ChartMenu';
import { cumulativeFlowChart } from '../charts/cumulativeFlowChart';
import { distributionChart } from '../charts/distributionChart';
import { useChart } from '../charts/useChart';

function Chart<T>({ create, data, testId, label }: { create: Parameters<typeof useChart<T>>[0]; data: T; testId: string; label: string }) {
  const ref = useChart(create, data);
  return <div className="chart" ref={ref} data-testid={testId} aria-label={label} />;
}

/** Lead time (or time to restore) of every variant, as histogram or cumulative curve, with p50/p85/p95 marked. */
export function DistributionPanel({ result, metric, time }: { result: RunResult; metric: 'lead' | 'ttr'; time: WorkingTime }) {
  const [mode, setMode] = useState<DistributionData['mode']>('histogram');
  const data = useMemo(() => distributionData(result, metric, mode, time), [result, metric, mode, time]);
  const title = metric === 'lead' ? 'Lead time' : 'Time to restore';
  return (
    <section className="chart-card" data-testid={`panel-${metric}`}>
      <header className="chart-head">
        <h3>{title}</h3>
        <div className="chart-head-tools">
          <div className="segmented small" role="radiogroup" aria-label="Show as">
            {(['histogram', 'cdf'] as const).map((m) => (
              <button key={m} type="button" role="radio" aria-checked={mode === m} className="segment" onClick={() => setMode(m)}>
                {m === 'histogram' ? 'Histogram' : 'Cumulative'}
              </button>
            ))}
          </div>
          <ChartMenu title={`${title} (${mode === 'cdf' ? 'cumulative' : 'histogram'})`} name={metric === 'lead' ? 'lead-time' : 'time-to-restore'} />
        </div>
      </header>
      <Legend result={result} />
      <Chart create={distributionChart} data={data} testId={`chart-${metric}`} label={title} />
    </section>
  );
}

/** Queue length over time, for the whole system, a stage (skill) or a person: median and 10-90% band across replications, per variant. */
export function WipPanel({ result, hoursPerWeek, window }: { result: RunResult; hoursPerWeek: number; window: MeasuredWindow }) {
  const [series, setSeries] = useState('wip');
  const options = useMemo(() => queueOptions(result), [result]);
  const data = useMemo(() => queueBandData(result, series, hoursPerWeek, window), [result, series, hoursPerWeek, window]);
  return (
    <section className="chart-card" data-testid="panel-wip">
      <header className="chart-head">
        <h3>Queue buildup</h3>
        <div className="chart-head-tools">
          <select className="input chart-select" data-testid="queue-series" value={series} aria-label="Which queue" onChange={(e) => setSeries(e.target.value)}>
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
          <ChartMenu title={`Queue buildup: ${options.find((o) => o.key === series)?.label ?? ''}`} name="queue-buildup" />
        </div>
      </header>
      <Legend result={result} />
      <Chart create={bandChart} data={data} testId="chart-wip" label="Queue length over time" />
    </section>
  );
}

export function Legend({ result }: { result: RunResult }) {
  return (
    <div className="legend">
      {result.variants.map((v, i) => (
        <span key={v.variantId} className="legend-item">
          <span className="swatch" data-color={i} aria-hidden="true" />
          {v.name}
        </span>
      ))}
    </div>
  );
}

/**
 * Cumulative flow diagram per variant, side by side on one scale: finished
 * items at the bottom, then each place (last stage first), so a band that
 * widens is work piling up there.
 */
export function FlowPanel({ result, hoursPerWeek, window }: { result: RunResult; hoursPerWeek: number; window: MeasuredWindow }) {
  const charts = useMemo(() => flowChartData(result, hoursPerWeek, window).map((data) => ({ name: data.title, data })), [result, hoursPerWeek, window]);
  const legend = charts[0]?.data.layers ?? [];
  return (
    <section className="chart-card chart-card-wide" data-testid="panel-flow">
      <header className="chart-head">
        <h3>Cumulative flow</h3>
      </header>
      <p className="chart-note">
        Mean items over the replications. The bottom band is work finished; each band above it is work in that place (waiting or being done). A band
        that widens is a queue building up there.
      </p>
      <div className="legend">
        {[...legend].reverse().map((l) => (
          <span key={l.name} className="legend-item">
            <span className="swatch" style={{ background: l.color }} aria-hidden="true" />
            {l.name}
          </span>
        ))}
      </div>
      <div className="flow-multiples">
        {charts.map((c, i) => (
          <figure key={c.name} className="flow-multiple">
            <figcaption className="flow-caption">
              <span>{c.name}</span>
              <ChartMenu title={`Cumulative flow, ${c.name}`} name={`cumulative-flow-${c.name}`} scope=".flow-multiple" />
            </figcaption>
            <Chart create={cumulativeFlowChart} data={c.data} testId={`chart-flow-${i}`} label={`Cumulative flow, ${c.name}`} />
          </figure>
        ))}
      </div>
    </section>
  );
}
