import type { Calendar } from '../../scenario/schema';
import { transitionChartData } from '../../transition/chartData';
import { TRANSITION_NOTE, transitionHeading, transitionLines } from '../../transition/describe';
import type { TransitionSummary } from '../../transition/summary';
import { esc, figure, legend, section } from '../html';
import { bandSvg } from '../svgCharts';

/**
 * "The transition": for each variant simulated as a reorganisation taking
 * effect at a date, the sentence (break-even week with its interval, the
 * dip) and the weekly charts of lead time and time to restore, plan against
 * staying as is. Empty when no transition was run.
 */
export function transitionSection(transitions: readonly TransitionSummary[] | undefined, calendar: Calendar): string {
  if (!transitions?.length) return '';
  const time = { hoursPerDay: calendar.hoursPerDay, daysPerWeek: calendar.daysPerWeek };
  const parts = transitions.map((s) => {
    const charts = (['lead', 'ttr'] as const).map((m) => {
      const data = transitionChartData(s, m, time);
      const svg = bandSvg(data, { width: 560, height: 240, label: `${data.yLabel}: ${s.variantName} against staying as is`, testId: `report-chart-transition-${m}` });
      return figure(legend(data.series.map((x) => ({ name: x.name, color: x.color }))) + svg, `${esc(data.yLabel)}: the mean of what was finished each week, staying as is and with the plan; band: 10-90% of replications; dashed line: the date it takes effect.`);
    });
    const lines = transitionLines(s).map((l) => `<li>${esc(l)}</li>`).join('');
    return `<h3>${esc(transitionHeading(s))}</h3><ul data-testid="report-transition">${lines}</ul>${charts.join('')}<p class="note">${esc(TRANSITION_NOTE)}</p>`;
  });
  return section('transition', 'The transition', parts.join(''));
}
