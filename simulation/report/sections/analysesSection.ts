import { SWEEP_PARAMETERS, sweepWarnings } from '../../analysis/sensitivity';
import { METRIC_INFO } from '../../run/metricInfo';
import { sweepChartData } from '../chartData';
import { absenceTable, trainingTable, type DiffCell } from '../analysisTables';
import type { WorkingTime } from '../format';
import { esc, figure, legend, section, table } from '../html';
import { seriesColor } from '../palette';
import { bandSvg } from '../svgCharts';
import type { ReportAnalyses } from '../types';

/** A difference and what its interval says, as on the results screen. */
const diffCell = (c: DiffCell): string => `${esc(c.text)}${c.verdict ? ` <span class="verdict" data-tone="${c.tone}">${esc(c.verdict)}</span>` : ''}`;

/** The absence stress test, the cross-training advisor and the sensitivity sweep, those that were run (times on the scenario's calendar). */
export function analysesSection(a: ReportAnalyses, time?: WorkingTime): string {
  const parts: string[] = [];
  if (a.absence) {
    parts.push(
      `<h3>Absence stress test: who can the team not do without?</h3><p>Each person in turn away for ${a.absence.weeks} weeks (${esc(a.absence.structure ?? 'the scenario as drawn')}, ${a.absence.replications} replications, seed ${a.absence.seed}, the same seeds for everyone), measured from when the absence starts to ${a.absence.weeks} weeks after it ends; people ranked by how much longer ${a.absence.rankBy === 'lead' ? 'changes take (lead time)' : 'restores take'} without them. Differences to nobody away, with 95% intervals.</p>` +
        table({
          ...(({ head, rows }) => ({ head: head.map(esc), rows: rows.map((r) => [esc(r.label) + notSteady(r.source.caveat), ...r.cells.map(diffCell), ...r.extra.map(esc)]) }))(absenceTable(a.absence.impacts, a.absence.rankBy, time)),
          testId: 'report-absence',
        }),
    );
  }
  if (a.training) {
    parts.push(
      `<h3>Cross-training advisor: which training helps most?</h3><p>For every service only one person (or nobody) can restore, each teammate in turn learns it, under ${esc(a.training.structure)} (${a.training.replications} replications, seed ${a.training.seed}). Best first; differences to no training, with 95% intervals.</p>` +
        (a.training.gains.length
          ? table({
              ...(({ head, rows }) => ({ head: head.map(esc), rows: rows.map((r) => [esc(r.label) + notSteady(r.source.caveat), ...r.cells.map(diffCell)]) }))(trainingTable(a.training.gains, time)),
              testId: 'report-training',
            })
          : '<p data-testid="report-training">Every service can already be restored by at least two people.</p>'),
    );
  }
  if (a.sweep && a.sweep.lines.length) {
    const s = a.sweep;
    const data = sweepChartData(s.lines, s.parameter, s.metric, time, s.today ?? null);
    parts.push(
      `<h3>Sensitivity: ${esc(METRIC_INFO[s.metric].label)} against ${esc(SWEEP_PARAMETERS[s.parameter].label.toLowerCase())}</h3>` +
        figure(
          legend(data.series.map((x, i) => ({ name: x.name, color: seriesColor(i) }))) + bandSvg(data, { width: 560, height: 260, label: `Sensitivity sweep: ${METRIC_INFO[s.metric].label}`, testId: 'report-chart-sweep' }),
          `Mean of ${s.replications} replications (seed ${s.seed}) at each setting; band: 95% confidence interval.${data.marker ? ` Dashed line: where the dial stands today (${esc(data.marker.label.replace(/^today: /, ''))}).` : ''}`,
          'report-fig-sweep',
        ) +
        warningList(sweepWarnings(s.lines, s.parameter), 'report-sweep-warnings'),
    );
  }
  return parts.length ? section('analyses', 'Stress test and sensitivity', parts.join('')) : '';
}

/** A mark on a row whose differences are not steady-state results. */
const notSteady = (caveat: string | null | undefined): string => (caveat ? ` <span class="chip" title="${esc(caveat)}">not steady state</span>` : '');

const warningList = (warnings: string[], testId: string): string =>
  warnings.length ? `<div class="callout" data-testid="${testId}"><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : '';
