import { comparisonCaveat, diagnose, replicationsBeyond } from '../run/diagnostics';
import { METRIC_INFO } from '../run/metricInfo';
import type { RunResult } from '../run/runScenario';
import type { ScalarMetric } from '../run/variantSummary';

const ROWS: ScalarMetric[] = [
  'leadTimeP50',
  'leadTimeP85',
  'leadTimeP95',
  'unfinished',
  'ttrP50',
  'ttrP95',
  'unrestored',
  'detectMean',
  'waitMean',
  'repairMean',
  'throughputPerWeek',
  'incidentsWaitedForAbsent',
  'handoffsPerItem',
  'reworkPerItem',
  'flowEfficiency',
];

const num = (x: number) => (!Number.isFinite(x) ? '-' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)}%`;
const share = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.1 ? 1 : 0)}%`;

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

/**
 * The run as a plain-text table: each variant's mean ± 95% half-width, and
 * paired differences to the first; then, per variant, whether it settles,
 * how much was still running at the end and whether the warm-up was long
 * enough; then every warning on a line starting with `warning:`.
 */
export function formatSummary(result: RunResult): string {
  const diagnostics = result.variants.map((v) => diagnose(v));
  const caveats = result.comparisons.map((c) => {
    const v = result.variants.find((x) => x.variantId === c.variantId);
    const b = result.variants.find((x) => x.variantId === c.baselineId);
    return v && b ? comparisonCaveat(v, b) : null;
  });
  const header = ['', ...result.variants.map((v) => v.name), ...result.comparisons.map((c) => `${c.variantId} vs ${c.baselineId}`)];
  const rows = ROWS.map((metric) => {
    const info = METRIC_INFO[metric];
    const cells = result.variants.map((v) => {
      const m = v.metrics[metric];
      const beyond = replicationsBeyond(v, metric);
      // A percentile beyond what some replications watched: their value is a lower bound, and so is the mean.
      const more = beyond > 0 ? '>' : '';
      return Number.isFinite(m.halfWidth) && beyond === 0 ? `${num(m.mean)} ±${num(m.halfWidth)}` : `${more}${num(m.mean)}`;
    });
    const diffs = result.comparisons.map((c, i) => {
      const cmp = c.metrics.find((x) => x.metric === metric);
      const mark = caveats[i] ? ' *' : '';
      if (cmp?.relative && Number.isFinite(cmp.relative.mean)) return `${pct(cmp.relative.mean)} [${pct(cmp.relative.low)}, ${pct(cmp.relative.high)}]${mark}`;
      if (cmp?.difference) return `${num(cmp.difference.mean)} [${num(cmp.difference.low)}, ${num(cmp.difference.high)}]${mark}`;
      return '-';
    });
    return [`${info.label} (${info.unit})`, ...cells, ...diffs];
  });
  const table = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');

  const diagnosticLines = result.variants.flatMap((v, i) => {
    const d = diagnostics[i]!;
    const stability = d.unstable
      ? `does not settle (work in progress +${num(d.growthPerWeek.mean)} items/week${d.bottleneck ? `; bottleneck: ${d.bottleneck}` : ''})`
      : d.saturated.length > 0
        ? `settles only just (${d.saturated.map((s) => `${s.name} busy ${(s.utilisation * 100).toFixed(0)}%`).join(', ')})`
        : `settles (work in progress ${d.growthPerWeek.mean >= 0 ? '+' : ''}${num(d.growthPerWeek.mean)} items/week in the second half of the window)`;
    return [
      `${v.name}`,
      `  stability: ${stability}`,
      `  still running at the end: ${num(d.unfinished)} items (${share(d.unfinishedShare)} of arrivals), ${num(d.unrestored)} incidents (${share(d.unrestoredShare)}); percentiles count them (Kaplan-Meier)`,
      `  warm-up: ${d.warmupShort ? 'looks too short (the start of the window differs from the rest)' : 'adequate (the start of the window looks like the rest)'}`,
    ];
  });
  const warnings = diagnostics.flatMap((d) => d.warnings);
  result.comparisons.forEach((c, i) => {
    if (caveats[i]) warnings.push(`${c.variantId} vs ${c.baselineId} (marked *): ${caveats[i]}; the difference depends on the run's length.`);
  });
  return [
    `${result.scenarioName}: ${result.replications} replications, seed ${result.seed} (same seeds for every variant: differences are paired)`,
    '',
    line(header),
    ...rows.map(line),
    '',
    'Diagnostics (per variant):',
    ...diagnosticLines,
    ...warnings.map((s) => `warning: ${s}`),
    '',
  ].join('\n');
}
