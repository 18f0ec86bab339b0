import { promises as fs } from 'node:fs';
import path from 'node:path';
import { METRIC_INFO } from '../run/metricInfo';
import type { RunResult } from '../run/runScenario';
import { SCALAR_METRIC_NAMES } from '../run/variantSummary';
import { toCsv } from '../run/csv';

/** Writes one CSV file per table into `dir` (created if needed); returns the file names. */
export async function writeCsv(result: RunResult, dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const tables = csvTables(result);
  for (const [name, text] of Object.entries(tables)) await fs.writeFile(path.join(dir, name), text);
  return Object.keys(tables);
}

/** The run's tables as CSV text, by file name, with units in the headers. */
export function csvTables(result: RunResult): Record<string, string> {
  const metricHeaders = SCALAR_METRIC_NAMES.map((m) => `${m} [${METRIC_INFO[m].unit}]`);
  const replications = [['variant', 'replication', 'seed', ...metricHeaders]];
  for (const v of result.variants) {
    for (let i = 0; i < v.replications; i++) {
      replications.push([v.variantId, String(i), String(result.replicationSeeds[i]), ...SCALAR_METRIC_NAMES.map((m) => String(v.perReplication[m][i]))]);
    }
  }
  const summary = [['variant', 'metric', 'unit', 'mean', 'ci95_low', 'ci95_high', 'replications']];
  for (const v of result.variants) {
    for (const m of SCALAR_METRIC_NAMES) {
      const ci = v.metrics[m];
      summary.push([v.variantId, m, METRIC_INFO[m].unit, String(ci.mean), String(ci.low), String(ci.high), String(ci.n)]);
    }
  }
  const comparisons = [['variant', 'baseline', 'metric', 'difference_mean', 'difference_low', 'difference_high', 'relative_mean', 'relative_low', 'relative_high', 'pairs']];
  for (const c of result.comparisons) {
    for (const m of c.metrics) {
      comparisons.push([c.variantId, c.baselineId, m.metric, ...[m.difference, m.relative].flatMap((x) => (x ? [String(x.mean), String(x.low), String(x.high)] : ['', '', ''])), String(m.pairs)]);
    }
  }
  const people = [['variant', 'person_id', 'person', 'utilisation [share]', 'absent [h]', ...Object.keys(result.variants[0]?.people[0]?.hours ?? {}).map((k) => `${k} [h]`)]];
  for (const v of result.variants) {
    for (const p of v.people) people.push([v.variantId, p.id, p.name, String(p.utilisation.mean), String(p.absentHours), ...Object.values(p.hours).map(String)]);
  }
  const services = [['variant', 'service_id', 'service', 'incidents [per replication]', 'ttr_mean [h]', 'ttr_p95 [h]', 'detect_mean [h]', 'wait_mean [h]', 'repair_mean [h]', 'waited_for_absent [per replication]', 'lead_time_mean [h]', 'bus_factor [people]']];
  for (const v of result.variants) {
    for (const s of v.services) {
      services.push([v.variantId, s.id, s.name, String(s.incidents), String(s.ttrMean.mean), String(s.ttrP95.mean), String(s.detectMean), String(s.waitMean), String(s.repairMean), String(s.waitedForAbsent), String(s.leadTimeMean.mean), String(s.busFactor.mean)]);
    }
  }
  const queues = [['variant', 'series', 'point', 'p10 [items]', 'p50 [items]', 'p90 [items]']];
  for (const v of result.variants) {
    const add = (series: string, band: { p10: number[]; p50: number[]; p90: number[] }) =>
      band.p50.forEach((_, i) => queues.push([v.variantId, series, String(i), String(band.p10[i]), String(band.p50[i]), String(band.p90[i])]));
    add('wip', v.wipBand);
    for (const q of v.skillQueues) add(`skill:${q.id}`, q.band);
    for (const p of v.people) add(`person:${p.id}`, p.queueBand);
  }
  return {
    'replications.csv': toCsv(replications),
    'summary.csv': toCsv(summary),
    'comparisons.csv': toCsv(comparisons),
    'people.csv': toCsv(people),
    'services.csv': toCsv(services),
    'queues.csv': toCsv(queues),
  };
}
