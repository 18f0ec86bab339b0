import { ChartMenu } from '../charts/ChartMenu';
import { useMemo, useState } from 'react';
import { HostError } from '../../../electron/api/contract';
import { replayCsv } from '../../../simulation/replay/replayCsv';
import { useAppServices } from '../app/AppServices';
import { useSessionStore } from '../state/sessionStore';
import type { ReplayComparison } from '../../../simulation/replay/replayComparison';
import { formatElapsed } from '../../../simulation/replay/elapsed';
import { seriesColor } from '../../../simulation/report/palette';
import { useChart } from '../charts/useChart';
import { isoLabel } from './instantLabel';
import { rangeChart, type RangeData } from './rangeChart';

const SHOWN = 20;

/** "−412 h" avoided (negative) or "+35 h" added against the recorded outage. */
const signed = (h: number) => `${h > 0 ? '+' : h < 0 ? '−' : ''}${formatElapsed(Math.abs(h))}`;

/**
 * A replay against what happened: in total (hours of outage avoided or
 * added, with the 95% interval across replications), and per incident (the
 * recorded time to restore against each structure's range).
 */
export function ReplayResults({ replay }: { replay: ReplayComparison }) {
  const [order, setOrder] = useState<'recorded' | 'change'>('recorded');
  const last = replay.variants.length - 1;
  const rows = useMemo(() => {
    const key = (i: ReplayComparison['incidents'][number]) => (order === 'recorded' ? i.actualHours : Math.abs(i.simulated[last]!.mean - i.simulated[0]!.mean) || 0);
    return [...replay.incidents].sort((a, b) => key(b) - key(a)).slice(0, SHOWN);
  }, [replay, order, last]);
  const data = useMemo<RangeData>(
    () => ({
      xLabel: 'time to restore (hours)',
      rows: rows.map((i) => ({
        label: `${i.id} · ${i.serviceName.slice(0, 22)}`,
        actual: i.actualHours,
        ranges: i.simulated.flatMap((s, v) => (Number.isFinite(s.p50) ? [{ name: replay.variants[v]!.name, color: seriesColor(v), ...s }] : [])),
      })),
    }),
    [rows, replay],
  );
  const ref = useChart(rangeChart, data);
  const { host } = useAppServices();
  const downloadCsv = async () => {
    const notify = useSessionStore.getState().notify;
    try {
      const file = await host.exportFile({ suggestedName: `${replay.logName.replace(/[^\w .-]+/g, '_')} replay.csv`, content: replayCsv(replay), encoding: 'utf8' });
      if (file) notify({ kind: 'success', title: `Saved ${file.name}`, details: [file.path] });
    } catch (err) {
      notify({ kind: 'error', title: 'The CSV could not be saved', details: [err instanceof HostError || err instanceof Error ? err.message : String(err)] });
    }
  };
  const names = new Map(replay.variants.map((v) => [v.id, v.name]));

  return (
    <div className="replay-results" data-testid="replay-results">
      <table className="data-table" data-testid="replay-totals">
        <caption>
          Total outage over the log ({replay.incidents.length} incidents, {replay.replications} replications, seed {replay.seed}
          {replay.absences === 'random' ? ', planned and random absences' : ', planned absences only'}), over the incidents each structure restored:
          incidents it could not restore are counted below, not added as outage. The structure&apos;s effect is the difference to the baseline on the
          same luck; the difference to the recorded also holds the model&apos;s own error.
        </caption>
        <thead>
          <tr>
            <th>Structure</th>
            <th>Recorded</th>
            <th>Replayed (mean, 95% interval)</th>
            <th>Against the recorded</th>
            <th>Against {names.get(replay.variants[0]?.id ?? '')} (same luck)</th>
          </tr>
        </thead>
        <tbody>
          {replay.totals.map((t, v) => {
            const diff = t.simulatedMean - t.actualHours;
            return (
              <tr key={t.variantId} data-testid={`replay-total-${t.variantId}`} data-simulated={t.simulatedMean}>
                <th scope="row">
                  <span className="swatch" data-color={v} aria-hidden="true" /> {names.get(t.variantId)}
                  {(t.unrestored ?? []).map((u) => (
                    <span key={u.serviceId} className="unrestored" data-testid={`unrestored-${t.variantId}-${u.serviceId}`}>
                      {u.incidents} incidents: {u.reason === 'nobody can restore' ? `nobody in this structure can restore ${u.serviceName}` : u.reason === 'not in the model' ? `${u.serviceName} is not in this model` : `${u.serviceName} not restored by the end of the replay`}
                    </span>
                  ))}
                </th>
                <td>{formatElapsed(t.actualHours)}</td>
                <td>
                  {formatElapsed(t.simulatedMean)} [{formatElapsed(t.low)}, {formatElapsed(t.high)}]
                </td>
                <td data-tone={diff < 0 ? 'better' : 'worse'} className="replay-diff">
                  {signed(diff)} [{signed(t.low - t.actualHours)}, {signed(t.high - t.actualHours)}]
                </td>
                <td data-tone={t.vsBaseline ? (t.vsBaseline.high < 0 ? 'better' : t.vsBaseline.low > 0 ? 'worse' : undefined) : undefined} className="replay-diff" data-testid={`replay-vs-baseline-${t.variantId}`}>
                  {t.vsBaseline ? `${signed(t.vsBaseline.mean)} [${signed(t.vsBaseline.low)}, ${signed(t.vsBaseline.high)}]` : 'baseline'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <section className="chart-card">
        <header className="chart-head">
          <h3>Per incident: recorded (thick line) against replayed (10-90% of replications, median tick, mean dot)</h3>
          <select className="input chart-select" value={order} aria-label="Which incidents" data-testid="replay-order" onChange={(e) => setOrder(e.target.value as typeof order)}>
            <option value="recorded">The {SHOWN} longest as recorded</option>
            <option value="change">The {SHOWN} that change most</option>
          </select>
          <ChartMenu title="Time to restore per incident: recorded against replayed" name="replay-per-incident" />
        </header>
        <div className="legend">
          {replay.variants.map((v, i) => (
            <span key={v.id} className="legend-item">
              <span className="swatch" data-color={i} aria-hidden="true" />
              {v.name}
            </span>
          ))}
          <span className="legend-item">
            <span className="actual-swatch" aria-hidden="true" />
            recorded
          </span>
        </div>
        <div className="chart range-chart" ref={ref} style={{ height: `${60 + rows.length * (14 + 10 * replay.variants.length)}px` }} data-testid="chart-replay" aria-label="Time to restore per incident" />
      </section>
      <div>
        <button type="button" className="btn" data-testid="replay-csv" onClick={() => void downloadCsv()}>
          Download CSV
        </button>
      </div>
      <details className="replay-table">
        <summary>Every incident ({replay.incidents.length > 1000 ? `the first 1,000 of ${replay.incidents.length.toLocaleString("en")}` : replay.incidents.length})</summary>
        <div className="bad-rows">
          <table className="data-table" data-testid="replay-incidents">
            <thead>
              <tr>
                <th>Incident</th>
                <th>Service</th>
                <th>Started</th>
                <th>Recorded</th>
                {replay.variants.map((v) => (
                  <th key={v.id}>{v.name}: median [10-90%]</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {replay.incidents.slice(0, 1000).map((i, k) => (
                <tr key={k}>
                  <td title={i.title}>{i.id}</td>
                  <td>{i.serviceName}</td>
                  <td>{typeof i.start === 'string' ? isoLabel(i.start, replay.timeZone ?? 'UTC') : ''}</td>
                  <td>{formatElapsed(i.actualHours)}</td>
                  {i.simulated.map((s) => (
                    <td key={s.variantId}>{Number.isFinite(s.p50) ? `${formatElapsed(s.p50)} [${formatElapsed(s.p10)}-${formatElapsed(s.p90)}]` : 'not restored'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
