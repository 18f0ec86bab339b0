/**
 * What a transition's replications say, per measure (lead time, time to
 * restore):
 *
 * - Weekly bands: for each whole week, the 10th, 50th and 90th percentile over
 *   replications of that week's mean, for the plan and for staying as is.
 * - The dip: the week after the switch in which the plan is worst compared
 *   with staying as is (the mean over replications of the paired difference of
 *   weekly means), with its size. None when the plan is never worse.
 * - The break-even week: week k (1 = the first week from the effective date)
 *   from which the plan has been better so far at every later week: the mean
 *   over replications of the paired difference of cumulative means since the
 *   switch (stay minus plan, so positive is better) is above 0 at week k and
 *   at every week after it. Cumulative, so the plan must first win back what
 *   the dip cost. Null ("not within the horizon") when it is not above 0 in
 *   the last week.
 * - Its 95% interval: a percentile bootstrap over replications (resampling
 *   whole replications, so each keeps its pairing): 1,000 resamples, each
 *   with its own break-even week, "beyond the horizon" counted as later than
 *   any week; the 2.5th and 97.5th percentiles (nearest rank). An interval
 *   from a first-crossing statistic is approximate; with one replication it is
 *   the point itself. The resampling draws from a stream seeded by the run
 *   seed, so the interval is as reproducible as the run.
 */
import { RandomStreams } from '../random/randomStreams';
import { sortedQuantile } from '../stats/sampleQuantile';
import type { TransitionReplication, TransitionRun, TransitionWeeks, WeeklyArm } from './runTransition';

export const BOOTSTRAP_RESAMPLES = 1000;
export const transitionMeasures = ['lead', 'ttr'] as const;
export type TransitionMeasure = (typeof transitionMeasures)[number];
export const MEASURE_LABEL: Record<TransitionMeasure, string> = { lead: 'lead time', ttr: 'time to restore' };

/** Percentiles of one arm's weekly means; NaN in a week no replication measured anything. */
export interface WeekBand {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
  /** Replications that measured something that week. */
  n: number;
}

export interface MeasureSummary {
  measure: TransitionMeasure;
  /** Per whole week, index 0 = the first kept week (week `1 - weeksBefore` relative to the switch). */
  stay: WeekBand[];
  plan: WeekBand[];
  /** Worst week after the switch: its number (1 = first week), plan minus stay in hours, and as a share of stay. */
  dip: { week: number; hours: number; share: number } | null;
  /** Week from which the plan pays for itself, with its 95% bootstrap interval (null: beyond the horizon). */
  breakEven: { week: number | null; low: number | null; high: number | null };
}

export interface TransitionSummary {
  variantName: string;
  effectiveDate: string;
  weeks: TransitionWeeks;
  replications: number;
  lead: MeasureSummary;
  ttr: MeasureSummary;
}

const sumOf = (arm: WeeklyArm, m: TransitionMeasure) => (m === 'lead' ? arm.leadSum : arm.ttrSum);
const countOf = (arm: WeeklyArm, m: TransitionMeasure) => (m === 'lead' ? arm.leadCount : arm.ttrCount);

/** Summarises a transition run (see the module comment for every definition). @throws Error for a run with no replications. */
export function summarizeTransition(run: TransitionRun, seed: number): TransitionSummary {
  if (run.replications.length === 0) throw new Error('a transition summary needs at least one replication');
  const streams = new RandomStreams(seed);
  return {
    variantName: run.variantName,
    effectiveDate: run.effectiveDate,
    weeks: run.weeks,
    replications: run.replications.length,
    lead: summarizeMeasure(run, 'lead', streams),
    ttr: summarizeMeasure(run, 'ttr', streams),
  };
}

function summarizeMeasure(run: TransitionRun, measure: TransitionMeasure, streams: RandomStreams): MeasureSummary {
  const { weeksBefore, weeksAfter } = run.weeks;
  const n = weeksBefore + weeksAfter;
  const reps = run.replications;
  const weekly = (arm: 'stay' | 'plan') => reps.map((r) => weeklyMeans(r[arm], measure));
  const stayMeans = weekly('stay');
  const planMeans = weekly('plan');
  const band = (means: number[][]) => Array.from({ length: n }, (_, w) => bandOf(means.map((m) => m[w]!)));
  const cumulative = reps.map((r) => cumulativeDifference(r, measure, weeksBefore, weeksAfter));
  const point = breakEvenOf(meanCurve(cumulative, reps.map((_, i) => i)));
  const rng = streams.fresh(`transition:bootstrap:${measure}`);
  const resampled: number[] = [];
  if (reps.length > 1) {
    for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
      const pick = reps.map(() => Math.floor(rng.next() * reps.length));
      resampled.push(breakEvenOf(meanCurve(cumulative, pick)) ?? Infinity);
    }
    resampled.sort((a, b) => a - b);
  }
  const rank = (q: number) => resampled[Math.min(resampled.length - 1, Math.max(0, Math.ceil(q * resampled.length) - 1))]!;
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    measure,
    stay: band(stayMeans),
    plan: band(planMeans),
    dip: dipOf(stayMeans, planMeans, weeksBefore, weeksAfter),
    breakEven: reps.length > 1 ? { week: point, low: finite(rank(0.025)), high: finite(rank(0.975)) } : { week: point, low: point, high: point },
  };
}

/** Mean per week (NaN where nothing was finished that week). */
export function weeklyMeans(arm: WeeklyArm, measure: TransitionMeasure): number[] {
  const sum = sumOf(arm, measure);
  const count = countOf(arm, measure);
  return sum.map((x, i) => (count[i]! > 0 ? x / count[i]! : NaN));
}

/** Per week after the switch: cumulative mean since the switch, staying minus plan (NaN until both arms measured something). */
export function cumulativeDifference(r: TransitionReplication, measure: TransitionMeasure, weeksBefore: number, weeksAfter: number): number[] {
  const out: number[] = [];
  let sStay = 0;
  let cStay = 0;
  let sPlan = 0;
  let cPlan = 0;
  for (let k = 0; k < weeksAfter; k++) {
    const w = weeksBefore + k;
    sStay += sumOf(r.stay, measure)[w]!;
    cStay += countOf(r.stay, measure)[w]!;
    sPlan += sumOf(r.plan, measure)[w]!;
    cPlan += countOf(r.plan, measure)[w]!;
    out.push(cStay > 0 && cPlan > 0 ? sStay / cStay - sPlan / cPlan : NaN);
  }
  return out;
}

/** Mean over the picked replications (with repeats) of each week's value, leaving out NaN. */
function meanCurve(curves: readonly number[][], pick: readonly number[]): number[] {
  const weeks = curves[0]?.length ?? 0;
  const out: number[] = [];
  for (let k = 0; k < weeks; k++) {
    let sum = 0;
    let count = 0;
    for (const r of pick) {
      const v = curves[r]![k]!;
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    out.push(count > 0 ? sum / count : NaN);
  }
  return out;
}

/** First week (1-based) from which `curve` is above 0 to the end; null when its last week is not. */
export function breakEvenOf(curve: readonly number[]): number | null {
  let first: number | null = null;
  for (let k = curve.length - 1; k >= 0; k--) {
    if (curve[k]! > 0) first = k + 1;
    else break;
  }
  return first;
}

function bandOf(values: readonly number[]): WeekBand {
  const seen = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (seen.length === 0) return { p10: NaN, p50: NaN, p90: NaN, mean: NaN, n: 0 };
  return {
    p10: sortedQuantile(seen, 0.1),
    p50: sortedQuantile(seen, 0.5),
    p90: sortedQuantile(seen, 0.9),
    mean: seen.reduce((a, b) => a + b, 0) / seen.length,
    n: seen.length,
  };
}

/** The week after the switch with the largest mean paired difference plan minus stay (over replications measuring both), if above 0. */
function dipOf(stay: number[][], plan: number[][], weeksBefore: number, weeksAfter: number): MeasureSummary['dip'] {
  let worst: MeasureSummary['dip'] = null;
  for (let k = 0; k < weeksAfter; k++) {
    const w = weeksBefore + k;
    let diff = 0;
    let base = 0;
    let count = 0;
    stay.forEach((row, r) => {
      const a = row[w]!;
      const b = plan[r]![w]!;
      if (Number.isNaN(a) || Number.isNaN(b)) return;
      diff += b - a;
      base += a;
      count++;
    });
    if (count === 0) continue;
    const hours = diff / count;
    if (hours > 0 && (!worst || hours > worst.hours)) worst = { week: k + 1, hours, share: base > 0 ? diff / base : NaN };
  }
  return worst;
}
