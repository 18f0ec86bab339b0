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

/** Work in progress over time: median and 10-90% band across replications, per variant. */
export function WipPanel({ result, hoursPerWeek, horizon }: { result: RunResult; hoursPerWeek: number; horizon: number }) {
  const data = useMemo<BandData>(() => {
    const points = result.variants[0]?.wipBand.p50.length ?? 0;
    return {
      yLabel: 'items in progress',
      hoursPerWeek,
      times: Array.from({ length: points }, (_, i) => ((i + 0.5) * horizon) / Math.max(1, points)),
      series: result.variants.map((v, i) => ({ name: v.name, color: seriesColor(i), ...v.wipBand })),
    };
  }, [result, hoursPerWeek, horizon]);
  return (
    <section className="chart-card" data-testid="panel-wip">
      <header className="chart-head">
        <h3>Queue buildup: work in progress</h3>
      </header>
      <Legend result={result} />
      <Chart create={bandChart} data={data} testId="chart-wip" label="Work in progress over time" />
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
