import { useDeferredValue, useMemo } from 'react';
import { measuredWindow } from '../../../simulation/report/chartData';
import { DEFAULT_WORKING_TIME, formatDateTime } from '../../../simulation/report/format';
import { useChangedSince } from '../runs/staleness';
import { variantStructureProblems } from '../../../simulation/run/variantWarnings';
import { useRunStore } from '../state/runStore';
import { AbsenceStressTest } from './AbsenceStressTest';
import { CrossTrainingAdvisor } from './CrossTrainingAdvisor';
import { SensitivitySweep } from './SensitivitySweep';
import { PeopleBreakdown, TtrBreakdown } from './BreakdownCharts';
import { DistributionPanel, FlowPanel, WipPanel } from './ResultCharts';
import { RunControls } from './RunControls';
import { SummaryCards } from './SummaryCards';
import { TransitionPanel } from '../transition/TransitionPanel';

/** Run the comparison and read it: summary cards first, then the distributions and queues. */
export function ResultsView() {
  const result = useRunStore((s) => s.result);
  // The charts render after the cards, in time slices, so a finished run never blocks the page for long.
  const charted = useDeferredValue(result);
  const meta = useRunStore((s) => s.meta);
  // Time axes follow the scenario as it was run, whatever was edited since.
  const ran = meta?.scenario;
  const window = useMemo(() => (ran ? measuredWindow(ran.run) : { start: 0, end: 1 }), [ran]);
  const hoursPerWeek = ran ? ran.calendar.hoursPerDay * ran.calendar.daysPerWeek : 40;
  const time = ran?.calendar ?? DEFAULT_WORKING_TIME;
  const changed = useChangedSince(ran);
  // Stages a compared structure leaves to nobody: the cause of a run that does not settle, named on its card.
  const structural = useMemo(() => {
    if (!meta) return undefined;
    try {
      return new Map(variantStructureProblems(meta.scenario, meta.variants).map((v) => [v.id, v.messages]));
    } catch {
      // A kept run whose variant no longer resolves: its cards still show, without these sentences.
      return undefined;
    }
  }, [meta]);
  return (
    <div className="results-view" data-testid="results-view">
      <RunControls />
      {!result ? (
        <div className="empty-card results-empty">
          <h2 className="empty-title">Compare structures</h2>
          <p className="empty-text">
            Pick the structures to compare and press Run. Each runs the same replications (same arrivals, incidents and absences), so the
            difference you see is the structure's.
          </p>
        </div>
      ) : (
        <>
          {meta && (
            <p className="run-meta" data-testid="run-meta">
              {meta.scenarioName} · scenario {meta.scenarioHash.slice(0, 12)} · Handoff {meta.appVersion} · run on {formatDateTime(meta.startedAt)}
            </p>
          )}
          {changed && (
            <p className="results-stale" role="status" data-testid="results-stale">
              The scenario has changed since this run: these results are of the scenario as it was then. Run again to update them.
            </p>
          )}
          <SummaryCards result={result} time={time} structural={structural} />
          {charted && (
            <>
              <div className="chart-grid">
                <DistributionPanel result={charted} metric="lead" time={time} />
                <DistributionPanel result={charted} metric="ttr" time={time} />
                <WipPanel result={charted} hoursPerWeek={hoursPerWeek} window={window} />
              </div>
              <FlowPanel result={charted} hoursPerWeek={hoursPerWeek} window={window} />
              <TtrBreakdown result={charted} time={time} />
              <PeopleBreakdown result={charted} time={time} />
            </>
          )}
        </>
      )}
      <TransitionPanel />
      <AbsenceStressTest />
      <CrossTrainingAdvisor />
      <SensitivitySweep />
    </div>
  );
}
