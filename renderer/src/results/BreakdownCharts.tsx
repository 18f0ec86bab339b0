import { useMemo } from 'react';
import type { RunResult } from '../../../simulation/run/runScenario';
import { timeUseData, ttrSplitData, type StackedBarData } from '../../../simulation/report/chartData';
import type { WorkingTime } from '../../../simulation/report/format';
import { TIME_USE_COLORS, TTR_PART_COLORS } from '../../../simulation/report/palette';
import { ChartMenu } from '../charts/ChartMenu';
import { stackedBarChart } from '../charts/stackedBarChart';
import { useChart } from '../charts/useChart';

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
export function TtrBreakdown({ result, time }: { result: RunResult; time: WorkingTime }) {
  const data = useMemo(() => ttrSplitData(result, time), [result, time]);
  const services = result.variants[0]?.services.length ?? 0;
  return (
    <section className="chart-card" data-testid="panel-ttr-split">
      <header className="chart-head">
        <h3>Time to restore by service: detect, wait, repair</h3>
        <ChartMenu title="Time to restore by service: detect, wait, repair" name="ttr-by-service" />
      </header>
      <PartsLegend colors={TTR_PART_COLORS} />
      <Bars data={data} testId="chart-ttr-split" height={Math.min(900, 60 + services * result.variants.length * 22)} />
    </section>
  );
}

/** Where each person's time goes (work, handoffs, rework, review, incidents, pairing), per variant. */
export function PeopleBreakdown({ result, time }: { result: RunResult; time: WorkingTime }) {
  const data = useMemo(() => timeUseData(result, time), [result, time]);
  const people = result.variants[0]?.people.length ?? 0;
  return (
    <section className="chart-card" data-testid="panel-people">
      <header className="chart-head">
        <h3>People: where the time goes</h3>
        <ChartMenu title="People: where the time goes" name="people-time" />
      </header>
      <PartsLegend colors={TIME_USE_COLORS} />
      <Bars data={data} testId="chart-people" height={Math.min(1400, 60 + people * result.variants.length * 18)} />
    </section>
  );
}
