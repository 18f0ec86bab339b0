import { METRIC_INFO } from '../run/metricInfo';
import type { RunResult } from '../run/runScenario';
import type { ScalarMetric } from '../run/variantSummary';

const ROWS: ScalarMetric[] = [
  'leadTimeP50',
  'leadTimeP85',
  'leadTimeP95',
  'ttrP50',
  'ttrP95',
  'detectMean',
  'waitMean',
  'repairMean',
  'throughputPerWeek',
  'incidentsWaitedForAbsent',
  'handoffsPerItem',
  'reworkPerItem',
  'flowEfficiency',
  'littlesLawError',
];

const num = (x: number) => (!Number.isFinite(x) ? '-' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)}%`;

/** How the run chose its number of replications, and why it stopped, in one line. */
export function describeStopping(result: RunResult): string {
  const s = result.stopping;
  if (!s || s.mode === 'fixed') return `a fixed ${result.replications} replications (--reps); run without --reps to stop when the figures are precise`;
  const t = s.target!;
  const aim = t.leadTimePct === t.timeToRestorePct ? `+-${t.leadTimePct} points` : `+-${t.leadTimePct} points (lead time), +-${t.timeToRestorePct} (time to restore)`;
  const worst = s.worst ? `${METRIC_INFO[s.worst.metric].label} of ${s.worst.variantId} +-${s.worst.halfWidthPct.toFixed(1)} points` : 'nothing measurable';
  if (s.reason === 'precise') return `run until precise (${aim}): stopped at ${s.replications} replications, every headline figure precise (least precise: ${worst})`;
  return `warning: run until precise (${aim}) stopped at its maximum, ${s.replications} replications, before every figure was precise (least precise: ${worst}); raise the scenario's replications or --reps`;
}

/** The run as a plain-text table: each variant's mean ± 95% half-width, and paired differences to the first. */
export function formatSummary(result: RunResult): string {
  const header = ['', ...result.variants.map((v) => v.name), ...result.comparisons.map((c) => `${c.variantId} vs ${c.baselineId}`)];
  const rows = ROWS.map((metric) => {
    const info = METRIC_INFO[metric];
    const cells = result.variants.map((v) => {
      const m = v.metrics[metric];
      return Number.isFinite(m.halfWidth) ? `${num(m.mean)} ±${num(m.halfWidth)}` : num(m.mean);
    });
    const diffs = result.comparisons.map((c) => {
      const cmp = c.metrics.find((x) => x.metric === metric);
      if (cmp?.relative && Number.isFinite(cmp.relative.mean)) return `${pct(cmp.relative.mean)} [${pct(cmp.relative.low)}, ${pct(cmp.relative.high)}]`;
      if (cmp?.difference) return `${num(cmp.difference.mean)} [${num(cmp.difference.low)}, ${num(cmp.difference.high)}]`;
      return '-';
    });
    return [`${info.label} (${info.unit})`, ...cells, ...diffs];
  });
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const stopped = result.variants.filter((v) => v.stoppedEarly > 0).map((v) => `${v.name}: ${v.stoppedEarly} replications hit the event cap and stopped early`);
  return [
    `${result.scenarioName}: ${result.replications} replications, seed ${result.seed} (same seeds for every variant: differences are paired)`,
    '',
    line(header),
    ...rows.map(line),
    ...stopped.map((s) => `warning: ${s}`),
    '',
  ].join('\n');
}
