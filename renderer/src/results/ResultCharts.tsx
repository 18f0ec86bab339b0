import { useMemo, useState } from 'react';
import type { RunResult } from '../../../simulation/run/runScenario';
import { distributionData, queueBandData, queueOptions, type DistributionData } from '../../../simulation/report/chartData';
import { bandChart } from '../charts/bandChart';
import { ChartMenu } from '../charts/ChartMenu';
import { distributionChart } from '../charts/distributionChart';
import { useChart } from '../charts/useChart';

function Chart<T>({ create, data, testId, label }: { create: Parameters<typeof useChart<T>>[0]; data: T; testId: string; label: string }) {
  const ref = useChart(create, data);
  return <div className="chart" ref={ref} data-testid={testId} aria-label={label} />;
}

/** Lead time (or time to restore) of every variant, as histogram or cumulative curve, with p50/p85/p95 marked. */
export function DistributionPanel({ result, metric }: { result: RunResult; metric: 'lead' | 'ttr' }) {
  const [mode, setMode] = useState<DistributionData['mode']>('histogram');
  const data = useMemo(() => distributionData(result, metric, mode), [result, metric, mode]);
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
export function WipPanel({ result, hoursPerWeek, horizon }: { result: RunResult; hoursPerWeek: number; horizon: number }) {
  const [series, setSeries] = useState('wip');
  const options = useMemo(() => queueOptions(result), [result]);
  const data = useMemo(() => queueBandData(result, series, hoursPerWeek, horizon), [result, series, hoursPerWeek, horizon]);
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
