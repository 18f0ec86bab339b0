/**
 * A run as CSV tables (one file each), shared by the command line and the
 * app's export so both write the same files. Every header that holds a
 * quantity says its unit (`lead_time_p85_h`, `throughput_items_per_week`),
 * and numbers are written in full precision.
 */
import { toCsv } from '../run/csv';
import { csvText as t } from './csvText';
import { METRIC_INFO } from '../run/metricInfo';
import type { RunResult } from '../run/runScenario';
import { SCALAR_METRIC_NAMES, type ScalarMetric } from '../run/variantSummary';

/** Column names where the metric's own name and its unit would say the same twice. */
const COLUMN_NAMES: Partial<Record<ScalarMetric, string>> = {
  throughputPerWeek: 'throughput_items_per_week',
  completed: 'completed_items',
  incidents: 'incidents_count',
  unrestored: 'unrestored_incidents_count',
  incidentsWaitedForAbsent: 'incidents_waited_for_absent_count',
  handoffsPerItem: 'handoffs_per_item',
  reworkPerItem: 'rework_loops_per_item',
  peoplePerItem: 'people_per_item',
};

const UNIT_SUFFIX: Record<string, string> = { h: 'h', share: 'share', items: 'items', incidents: 'count', 'items/week': 'items_per_week' };

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** The CSV column of a metric, with its unit: `lead_time_p85_h`, `flow_efficiency_share`. */
export function metricColumn(metric: ScalarMetric): string {
  const named = COLUMN_NAMES[metric];
  if (named) return named;
  const unit = UNIT_SUFFIX[METRIC_INFO[metric].unit] ?? METRIC_INFO[metric].unit.replace(/\W+/g, '_');
  return `${snake(metric)}_${unit}`;
}

/** Full precision, and an empty cell where there is no number (no interval from one replication). */
const n = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '' : String(x));

/** The run's tables as CSV text, by file name. */
export function csvTables(result: RunResult): Record<string, string> {
  const replications = [['variant', 'replication', 'seed', ...SCALAR_METRIC_NAMES.map(metricColumn)]];
  for (const v of result.variants) {
    for (let i = 0; i < v.replications; i++) {
      replications.push([t(v.variantId), String(i), String(result.replicationSeeds[i]), ...SCALAR_METRIC_NAMES.map((m) => n(v.perReplication[m][i]))]);
    }
  }
  const summary = [['variant', 'variant_name', 'metric', 'column', 'unit', 'mean', 'ci95_half_width', 'ci95_low', 'ci95_high', 'replications']];
  for (const v of result.variants) {
    for (const m of SCALAR_METRIC_NAMES) {
      const ci = v.metrics[m];
      summary.push([t(v.variantId), t(v.name), m, metricColumn(m), METRIC_INFO[m].unit, n(ci.mean), n(ci.halfWidth), n(ci.low), n(ci.high), String(ci.n)]);
    }
  }
  const comparisons = [['variant', 'baseline', 'metric', 'unit', 'difference_mean', 'difference_low', 'difference_high', 'relative_mean_share', 'relative_low_share', 'relative_high_share', 'pairs']];
  for (const c of result.comparisons) {
    for (const m of c.metrics) {
      comparisons.push([t(c.variantId), t(c.baselineId), m.metric, METRIC_INFO[m.metric].unit, ...[m.difference, m.relative].flatMap((x) => (x ? [n(x.mean), n(x.low), n(x.high)] : ['', '', ''])), String(m.pairs)]);
    }
  }
  const uses = Object.keys(result.variants[0]?.people[0]?.hours ?? {});
  const people = [['variant', 'person_id', 'person', 'utilisation_share', 'absent_h_per_replication', ...uses.map((k) => `${k}_h_per_replication`)]];
  for (const v of result.variants) {
    for (const p of v.people) people.push([t(v.variantId), t(p.id), t(p.name), n(p.utilisation.mean), n(p.absentHours), ...uses.map((k) => n(p.hours[k]))]);
  }
  const services = [
    ['variant', 'service_id', 'service', 'incidents_per_replication', 'ttr_mean_h', 'ttr_p95_h', 'detect_mean_h', 'wait_mean_h', 'repair_mean_h', 'waited_for_absent_per_replication', 'unrestored_per_replication', 'lead_time_mean_h', 'bus_factor_people', 'bus_factor_people_at_start', 'knowledge_from_work', 'knowledge_from_pairing'],
  ];
  for (const v of result.variants) {
    for (const s of v.services) {
      services.push([t(v.variantId), t(s.id), t(s.name), n(s.incidents), n(s.ttrMean.mean), n(s.ttrP95.mean), n(s.detectMean), n(s.waitMean), n(s.repairMean), n(s.waitedForAbsent), n(s.unrestored), n(s.leadTimeMean.mean), n(s.busFactor.mean), n(s.busFactorStart?.mean ?? NaN), n(s.knowledgeFromWork ?? NaN), n(s.knowledgeFromPairing ?? NaN)]);
    }
  }
  const queues = [['variant', 'series', 'point', 'p10_items', 'p50_items', 'p90_items']];
  for (const v of result.variants) {
    const add = (series: string, band: { p10: number[]; p50: number[]; p90: number[] }) =>
      band.p50.forEach((_, i) => queues.push([t(v.variantId), t(series), String(i), n(band.p10[i]), n(band.p50[i]), n(band.p90[i])]));
    add('wip', v.wipBand);
    for (const q of v.skillQueues) add(`skill:${q.id}`, q.band);
    for (const p of v.people) add(`person:${p.id}`, p.queueBand);
  }
  // Read at the end of each slice of the measured window (point 0 = the first slice's end).
  const flow = [['variant', 'point', 'place', 'mean_items']];
  for (const v of result.variants) {
    v.flow.states.forEach((st, k) => v.flow.mean[k]!.forEach((x, i) => flow.push([t(v.variantId), String(i), t(st.id), n(x)])));
    v.flow.done.forEach((x, i) => flow.push([t(v.variantId), String(i), '#finished', n(x)]));
  }
  return {
    'summary.csv': toCsv(summary),
    'comparisons.csv': toCsv(comparisons),
    'replications.csv': toCsv(replications),
    'people.csv': toCsv(people),
    'services.csv': toCsv(services),
    'queues.csv': toCsv(queues),
    'cumulative_flow.csv': toCsv(flow),
  };
}
