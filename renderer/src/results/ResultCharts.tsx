import { useMemo, useState } from 'react';
import type { RunResult } from '../../../simulation/run/runScenario';
import { LogHistogram } from '../../../simulation/stats/logHistogram';
import { bandChart, type BandData } from '../charts/bandChart';
import { distributionChart, type DistributionData } from '../charts/distributionChart';
import { seriesColor } from '../charts/palette';
import { useChart } from '../charts/useChart';
import { linearBins } from './histogramBins';

function Chart<T>({ create, data, testId, label }: { create: Parameters<typeof useChart<T>>[0]; data: T; testId: string; label: string }) {
  const ref = useChart(create, data);
  return <div className="chart" ref={ref} data-testid={testId} aria-label={label} />;
}

/** Lead time (or time to restore) of every variant, as histogram or cumulative curve, with p50/p85/p95 marked. */
export function DistributionPanel({ result, metric }: { result: RunResult; metric: 'lead' | 'ttr' }) {
  const [mode, setMode] = useState<DistributionData['mode']>('histogram');
  const data = useMemo<DistributionData>(() => {
    const snaps = result.variants.map((v) => (metric === 'lead' ? v.leadTimeHistogram : v.ttrHistogram));
    const upTo = Math.max(1, ...snaps.map((s) => (s.buckets.length || s.zeros ? LogHistogram.fromSnapshot(s).quantile(0.98) : 0)));
    return {
      mode,
      xLabel: metric === 'lead' ? 'lead time (arrival to done)' : 'time to restore (failure to restored)',
      series: result.variants.map((v, i) => {
        const h = LogHistogram.fromSnapshot(snaps[i]!);
        return {
          name: v.name,
          color: seriesColor(i),
          bins: linearBins(snaps[i]!, 40, upTo),
          markers: h.count ? (metric === 'lead' ? ([0.5, 0.85, 0.95] as const) : ([0.5, 0.95] as const)).map((q) => ({ label: `p${Math.round(q * 100)}`, value: h.quantile(q) })) : [],
        };
      }),
    };
  }, [result, metric, mode]);
  const title = metric === 'lead' ? 'Lead time' : 'Time to restore';
  return (
    <section className="chart-card" data-testid={`panel-${metric}`}>
      <header className="chart-head">
        <h3>{title}</h3>
        <div className="segmented small" role="radiogroup" aria-label="Show as">
          {(['histogram', 'cdf'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} className="segment" onClick={() => setMode(m)}>
              {m === 'histogram' ? 'Histogram' : 'Cumulative'}
            </button>
          ))}
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
  const first = result.variants[0];
  const options = [
    { key: 'wip', label: 'All work in progress' },
    ...(first?.skillQueues ?? []).map((q) => ({ key: `skill:${q.id}`, label: `Waiting for ${q.name}` })),
    ...(first?.people ?? []).map((p) => ({ key: `person:${p.id}`, label: `Waiting for ${p.name}` })),
  ];
  const data = useMemo<BandData>(() => {
    const points = first?.wipBand.p50.length ?? 0;
    const bandOf = (v: RunResult['variants'][number]) =>
      series === 'wip'
        ? v.wipBand
        : series.startsWith('skill:')
          ? (v.skillQueues.find((q) => `skill:${q.id}` === series)?.band ?? v.wipBand)
          : (v.people.find((p) => `person:${p.id}` === series)?.queueBand ?? v.wipBand);
    return {
      yLabel: series === 'wip' ? 'items in progress' : 'items waiting',
      hoursPerWeek,
      times: Array.from({ length: points }, (_, i) => ((i + 0.5) * horizon) / Math.max(1, points)),
      series: result.variants.map((v, i) => ({ name: v.name, color: seriesColor(i), ...bandOf(v) })),
    };
  }, [result, first, series, hoursPerWeek, horizon]);
  return (
    <section className="chart-card" data-testid="panel-wip">
      <header className="chart-head">
        <h3>Queue buildup</h3>
        <select className="input chart-select" data-testid="queue-series" value={series} aria-label="Which queue" onChange={(e) => setSeries(e.target.value)}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
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
