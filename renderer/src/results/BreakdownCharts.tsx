import { useMemo } from 'react';
import type { RunResult } from '../../../simulation/run/runScenario';
import { formatHours } from '../charts/chartFrame';
import { TTR_PART_COLORS } from '../charts/palette';
import { stackedBarChart, type StackedBarData } from '../charts/stackedBarChart';
import { useChart } from '../charts/useChart';

const USE_COLORS: Record<string, string> = { work: '#0072B2', handoff: '#E69F00', rework: '#D55E00', review: '#56B4E9', incident: '#CC79A7', pairing: '#009E73' };

function Bars({ data, testId, height }: { data: StackedBarData; testId: string; height: number }) {
  const ref = useChart(stackedBarChart, data);
  return <div className="chart" ref={ref} data-testid={testId} style={{ height }} />;
}

function PartsLegend({ colors }: { colors: Record<string, string> }) {
  return (
    <div className="legend">
      {Object.entries(colors).map(([k, c]) => (
        <span key={k} className="legend-item">
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="3" fill={c} />
          </svg>
          {k}
        </span>
      ))}
    </div>
  );
}

/** Time to restore per service, split into detect / wait for a responder / repair, for each variant. */
export function TtrBreakdown({ result }: { result: RunResult }) {
  const data = useMemo<StackedBarData>(
    () => ({
      rows: result.variants.flatMap((v) =>
        v.services.map((s) => ({
          label: s.name,
          group: v.name,
          parts: [
            { key: 'detect', value: finite(s.detectMean) },
            { key: 'wait', value: finite(s.waitMean) },
            { key: 'repair', value: finite(s.repairMean) },
          ],
        })),
      ),
      partColors: TTR_PART_COLORS,
      groupOrder: result.variants.map((v) => v.name),
      xLabel: 'mean time to restore, by part',
      formatValue: formatHours,
    }),
    [result],
  );
  const services = result.variants[0]?.services.length ?? 0;
  return (
    <section className="chart-card" data-testid="panel-ttr-split">
      <header className="chart-head">
        <h3>Time to restore by service: detect, wait, repair</h3>
      </header>
      <PartsLegend colors={TTR_PART_COLORS} />
      <Bars data={data} testId="chart-ttr-split" height={Math.min(900, 60 + services * result.variants.length * 22)} />
    </section>
  );
}

/** Where each person's time goes (work, handoffs, rework, review, incidents, pairing), per variant. */
export function PeopleBreakdown({ result }: { result: RunResult }) {
  const data = useMemo<StackedBarData>(
    () => ({
      rows: result.variants.flatMap((v) =>
        v.people.map((p) => ({ label: p.name, group: v.name, parts: Object.entries(p.hours).map(([key, value]) => ({ key, value })) })),
      ),
      partColors: USE_COLORS,
      groupOrder: result.variants.map((v) => v.name),
      xLabel: 'hours per replication',
      formatValue: (h) => `${Math.round(h)} h`,
    }),
    [result],
  );
  const people = result.variants[0]?.people.length ?? 0;
  return (
    <section className="chart-card" data-testid="panel-people">
      <header className="chart-head">
        <h3>People: where the time goes</h3>
      </header>
      <PartsLegend colors={USE_COLORS} />
      <Bars data={data} testId="chart-people" height={Math.min(1400, 60 + people * result.variants.length * 18)} />
    </section>
  );
}

const finite = (x: number) => (Number.isFinite(x) ? x : 0);
