import { METRIC_INFO } from '../../run/metricInfo';
import type { RunResult } from '../../run/runScenario';
import type { ScalarMetric } from '../../run/variantSummary';
import type { Scenario } from '../../scenario/schema';
import { distributionData, flowChartData, measuredWindow, queueBandData, timeUseData, ttrSplitData } from '../chartData';
import { hoursPerWeek } from '../describe';
import { pct, shareWithCI, timeUnitOf, timeWithCI, withCI, type WorkingTime } from '../format';
import { esc, figure, legend, section, table } from '../html';
import { seriesColor, TIME_USE_COLORS, TTR_PART_COLORS } from '../palette';
import { cardsNote, summaryCards } from '../summaryCards';
import { comparisonCaveat } from '../../run/diagnostics';
import { trustBlock } from './trustBlock';
import { bandSvg, distributionSvg, flowSvg, stackedBarSvg } from '../svgCharts';

const HEADLINE: ScalarMetric[] = ['leadTimeP85', 'ttrP95', 'throughputPerWeek', 'incidentsWaitedForAbsent', 'handoffsPerItem'];
const FLOW: ScalarMetric[] = ['throughputPerWeek', 'completed', 'handoffsPerItem', 'reworkPerItem', 'peoplePerItem', 'flowEfficiency', 'wipMean', 'wipAtEnd', 'incidents', 'unrestored', 'detectMean', 'waitMean', 'repairMean'];

/** One sentence per variant and headline metric whose paired interval leaves no doubt about the direction. */
function findings(result: RunResult): string[] {
  const baseline = result.variants[0]!;
  const out: string[] = [];
  for (const c of result.comparisons) {
    const v = result.variants.find((x) => x.variantId === c.variantId)!;
    const clear: string[] = [];
    const unclear: string[] = [];
    for (const m of HEADLINE) {
      const rel = c.metrics.find((x) => x.metric === m)?.relative;
      const label = METRIC_INFO[m].label.toLowerCase();
      if (!rel || !Number.isFinite(rel.mean)) continue;
      if (rel.high < 0 || rel.low > 0) clear.push(`${label} ${rel.mean < 0 ? 'lower' : 'higher'} by ${pct(Math.abs(rel.mean)).replace('+', '')} (95% interval ${pct(rel.low)} to ${pct(rel.high)})`);
      else unclear.push(label);
    }
    const parts = [clear.length ? `${clear.join('; ')}` : 'no clear difference in the headline figures'];
    if (unclear.length) parts.push(`no clear difference in ${unclear.join(', ')}`);
    const caveat = comparisonCaveat(v, baseline);
    out.push(`<b>${esc(v.name)}</b> against <b>${esc(baseline.name)}</b>: ${esc(parts.join('; '))}.${caveat ? ` <b>Not a steady-state result</b>: ${esc(caveat.replace(/^not a steady-state difference: /, ''))}, so the difference depends on the run's length.` : ''}`);
  }
  return out;
}

function cards(result: RunResult, time?: WorkingTime): string {
  return `<div class="cards" data-testid="report-cards">${summaryCards(result, undefined, time)
    .map(
      (card, i) =>
        `<div class="card" data-testid="report-card-${esc(card.variantId)}"><h3><span class="swatch" style="background:${seriesColor(i)}"></span>${esc(card.name)}${card.baseline ? ' <span class="chip">baseline</span>' : ''}</h3><dl>${card.rows
          .map(
            (row) =>
              `<div class="row" data-metric="${row.metric}"><dt>${esc(row.label)}</dt><dd><span class="value">${esc(row.value)}</span>${row.diff !== null ? ` <span class="diff" data-tone="${row.tone}">${esc(row.diff)}</span>` : ''}${row.verdict ? ` <span class="verdict" data-tone="${row.tone}">${esc(row.verdict)}</span>` : ''}${row.caveat ? ' <span class="chip" title="' + esc(row.caveat) + '">not steady state</span>' : ''}</dd></div>`,
          )
          .join('')}</dl>${card.warnings.length ? `<ul class="card-warnings" data-testid="report-card-warnings">${card.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}</div>`,
    )
    .join('')}</div><p class="note">${esc(cardsNote(result, time))}</p>`;
}

/** The headline comparison: findings in words, then the summary cards. */
export function headlineSection(result: RunResult, time?: WorkingTime): string {
  const f = findings(result);
  return section('headline', 'The headline comparison', (f.length ? `<ul class="findings">${f.map((x) => `<li>${x}</li>`).join('')}</ul>` : '') + cards(result, time) + trustBlock(result));
}

/** A row of the flow figures: times in one unit for the row, shares as percentages. */
function flowRow(result: RunResult, m: ScalarMetric, time: WorkingTime): string[] {
  const info = METRIC_INFO[m];
  const unit = info.unit === 'h' ? timeUnitOf(result.variants.map((v) => v.metrics[m].mean), time) : null;
  const value = (v: RunResult['variants'][number]) => (unit ? timeWithCI(v.metrics[m], unit) : info.unit === 'share' ? shareWithCI(v.metrics[m]) : withCI(v.metrics[m], ''));
  return [`${esc(info.label)} <span class="muted">(${esc(unit ? unit.name : info.unit === 'share' ? 'percent' : info.unit)})</span>`, ...result.variants.map((v) => esc(value(v)))];
}

/** The results screen's charts, then the flow figures of every variant with their intervals. */
export function chartsSection(result: RunResult, scenario: Scenario): string {
  const variants = legend(result.variants.map((v, i) => ({ name: v.name, color: seriesColor(i) })));
  const dist = (metric: 'lead' | 'ttr', title: string, what: string) =>
    figure(
      `${variants}<div class="pair">${distributionSvg(distributionData(result, metric, 'histogram', scenario.calendar), { width: 360, height: 230, label: `${title}: histogram`, testId: `report-chart-${metric}-histogram` })}${distributionSvg(distributionData(result, metric, 'cdf', scenario.calendar), { width: 360, height: 230, label: `${title}: cumulative`, testId: `report-chart-${metric}-cdf` })}</div>`,
      `<b>${esc(title)}</b>, all replications together. Left: share of ${what} per interval of time; right: share done within a time. Dashed lines: ${metric === 'lead' ? 'p50, p85 and p95' : 'p50 and p95'} of each variant's ${what} that ended in the period (the cards' percentiles also count those still running at the end, so they can be higher).`,
      `report-fig-${metric}`,
    );
  const perWeek = hoursPerWeek(scenario.calendar);
  const queues = [
    { key: 'wip', title: 'All work in progress' },
    ...(result.variants[0]?.skillQueues ?? []).slice(0, 6).map((q) => ({ key: `skill:${q.id}`, title: `Waiting for ${q.name}` })),
  ];
  const queueFigs = figure(
    `${variants}<div class="grid">${queues.map((q) => `<div><h4>${esc(q.title)}</h4>${bandSvg(queueBandData(result, q.key, perWeek, measuredWindow(scenario.run)), { width: 360, height: 200, label: `${q.title} over time`, testId: `report-chart-queue-${q.key}` })}</div>`).join('')}</div>`,
    '<b>Queue buildup</b>: items in progress (or waiting for a stage) over the run, by working week; line: median of the replications, band: 10-90% of replications.',
    'report-fig-queues',
  );
  const flowCharts = flowChartData(result, perWeek, measuredWindow(scenario.run));
  const cfd = figure(
    legend([...(flowCharts[0]?.layers ?? [])].reverse().map((l) => ({ name: l.name, color: l.color }))) +
      `<div class="grid">${flowCharts.map((c, i) => `<div><h4>${esc(c.title)}</h4>${flowSvg(c, { width: 360, height: 220, label: `Cumulative flow, ${c.title}`, testId: `report-chart-flow-${i}` })}</div>`).join('')}</div>`,
    '<b>Cumulative flow</b>: mean items over the replications. The bottom band is work finished since the start of the measured period; each band above it is work in that place (waiting or being done), so the top edge is all work that has arrived. A band that widens is a queue building up there.',
    'report-fig-flow',
  );
  const ttrSplit = figure(
    legend(Object.entries(TTR_PART_COLORS).map(([name, color]) => ({ name, color }))) + stackedBarSvg(ttrSplitData(result, scenario.calendar), { width: 720, label: 'Time to restore by service', testId: 'report-chart-ttr-split' }),
    '<b>Time to restore by service</b>, split into detect (until someone notices), wait (for someone who may and can respond) and repair; means over all incidents, one bar per variant.',
    'report-fig-ttr-split',
  );
  const people = figure(
    legend(Object.entries(TIME_USE_COLORS).map(([name, color]) => ({ name, color }))) + stackedBarSvg(timeUseData(result, scenario.calendar), { width: 720, label: "Where each person's time goes", testId: 'report-chart-people', rowHeight: 10 }),
    "<b>Where each person's time goes</b>: hours per replication on work, handoffs, rework, reviews, incidents and pairing; one bar per variant.",
    'report-fig-people',
  );
  const flow = table({
    head: ['Figure', ...result.variants.map((v) => esc(v.name))],
    rows: FLOW.map((m) => flowRow(result, m, scenario.calendar)),
    testId: 'report-flow',
  });
  return section(
    'charts',
    'The results in detail',
    `<h3>Lead time</h3>${dist('lead', 'Lead time (arrival to done)', 'items')}<h3>Time to restore</h3>${dist('ttr', 'Time to restore (failure to restored)', 'incidents')}<h3>Queues</h3>${queueFigs}<h3>Cumulative flow</h3>${cfd}<h3>Time to restore by service</h3>${ttrSplit}<h3>People</h3>${people}<h3>Flow figures</h3><p>Means over the replications with their 95% confidence interval.</p>${flow}`,
  );
}
