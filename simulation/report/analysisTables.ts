/**
 * The absence stress test's and the cross-training advisor's tables as text,
 * for the results screen and the report alike (so they agree to the digit):
 * each difference in one time unit per column, with its 95% interval and
 * what the interval says ("clearly lower", "clearly higher", "no clear
 * difference"), toned by whether that is good news.
 */
import type { AbsenceImpact, AbsenceRanking } from '../analysis/absenceStress';
import type { TrainingGain } from '../analysis/crossTraining';
import type { MetricComparison } from '../run/comparison';
import { DEFAULT_WORKING_TIME, signedDiff, timeDiff, timeUnitOf, VERDICT_TEXT, verdictOf, verdictTone, type TimeUnit, type WorkingTime } from './format';

/** One difference: "+1.2 days [+0.8, +1.6]", its verdict and tone. */
export interface DiffCell {
  text: string;
  verdict: string | null;
  tone: 'better' | 'worse' | 'same';
}

export interface AnalysisTable<R> {
  head: string[];
  rows: { key: string; label: string; source: R; cells: DiffCell[]; extra: string[] }[];
}

const diffs = (cs: (MetricComparison | undefined)[]) => cs.flatMap((c) => (c?.difference ? [c.difference.mean, c.difference.low, c.difference.high] : []));

function cell(c: MetricComparison | undefined, unit: TimeUnit | null): DiffCell {
  const ci = c?.difference;
  const verdict = verdictOf(ci);
  // Every figure here is a time or a count of incidents: lower is better.
  return { text: unit ? timeDiff(ci, unit) : signedDiff(ci, ''), verdict: verdict && VERDICT_TEXT[verdict], tone: verdictTone(verdict, true) };
}

/** The stress test's rows in the order ranked, with the column units chosen from their values. */
export function absenceTable(impacts: readonly AbsenceImpact[], rankBy: AbsenceRanking = 'ttr', time: WorkingTime = DEFAULT_WORKING_TIME): AnalysisTable<AbsenceImpact> {
  const ttr = timeUnitOf(diffs(impacts.map((r) => r.ttrMean)), time);
  const lead = timeUnitOf(diffs(impacts.map((r) => r.leadTimeMean)), time);
  const ranked = rankBy === 'ttr' ? ' (ranked by)' : '';
  const leadRanked = rankBy === 'lead' ? ' (ranked by)' : '';
  return {
    head: ['Away', `Time to restore, mean, in ${ttr.name}${ranked}`, `Lead time, mean, in ${lead.name}${leadRanked}`, 'Incidents waiting for them', 'Services that stop (restores at least twice as slow)'],
    rows: impacts.map((r) => ({
      key: r.personId,
      label: r.person,
      source: r,
      cells: [cell(r.ttrMean, ttr), cell(r.leadTimeMean, lead), cell(r.waitedForAbsent, null)],
      extra: [r.stoppedServices.join(', ') || '–'],
    })),
  };
}

/** The advisor's best options (at most `limit`), with the column units chosen from their values. */
export function trainingTable(gains: readonly TrainingGain[], time: WorkingTime = DEFAULT_WORKING_TIME, limit = 8): AnalysisTable<TrainingGain> {
  const shown = gains.slice(0, limit);
  const mean = timeUnitOf(diffs(shown.map((r) => r.ttrMean)), time);
  const p95 = timeUnitOf(diffs(shown.map((r) => r.ttrP95)), time);
  return {
    head: ['Training', `Time to restore, mean, in ${mean.name}`, `Time to restore p95, in ${p95.name}`, 'Incidents waiting for someone absent'],
    rows: shown.map((r) => ({ key: r.variantId ?? r.option, label: r.option, source: r, cells: [cell(r.ttrMean, mean), cell(r.ttrP95, p95), cell(r.waitedForAbsent, null)], extra: [] })),
  };
}
