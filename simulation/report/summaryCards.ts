/**
 * The summary cards' content, as text: one card per variant with the
 * headline figures and their 95% intervals, and for each variant after the
 * first its paired difference to the first. The results screen and the
 * report both print these strings, so their numbers agree to the digit.
 */
import { comparisonCaveat, diagnose, replicationsBeyond } from '../run/diagnostics';
import { METRIC_INFO } from '../run/metricInfo';
import type { RunResult } from '../run/runScenario';
import type { ScalarMetric } from '../run/variantSummary';
import { BRACKETS_HELP, DEFAULT_WORKING_TIME, num, pct, shareWithCI, timeUnitOf, timeWithCI, unitsNote, VERDICT_TEXT, verdictOf, withCI, type WorkingTime } from './format';

export const CARD_METRICS: ScalarMetric[] = [
  'leadTimeMean',
  'leadTimeP50',
  'leadTimeP85',
  'leadTimeP95',
  'unfinished',
  'ttrMean',
  'ttrP50',
  'ttrP95',
  'unrestored',
  'throughputPerWeek',
  'incidentsWaitedForAbsent',
  'handoffsPerItem',
  'reworkPerItem',
  'flowEfficiency',
];

export type Tone = 'better' | 'worse' | 'same';

export interface CardRow {
  metric: ScalarMetric;
  label: string;
  /** "52.3 h ±3.1", or "more than 1306 h" for a percentile beyond what some replications watched (a lower bound). */
  value: string;
  /** "−38% [−45%, −31%]", a plain difference when there is no relative one, or null for the baseline. */
  diff: string | null;
  tone: Tone;
  /** Why the difference is not a steady-state result (a variant that does not settle), or null. */
  caveat: string | null;
  /** "clearly lower", "clearly higher" or "no clear difference", from the difference's 95% interval; null for the baseline. */
  verdict: string | null;
  /** What the value means (its unit and the ±), for a hover. */
  help: string;
}

export interface Card {
  variantId: string;
  name: string;
  baseline: boolean;
  rows: CardRow[];
  /** False when the variant does not settle: its figures depend on the run's length. */
  settles: boolean;
  /** What a manager must know before trusting the card (see run/diagnostics.ts). */
  warnings: string[];
}

/** The cards of a run, in variant order (the first is the baseline). */
export function summaryCards(
  result: RunResult,
  metrics: readonly ScalarMetric[] = CARD_METRICS,
  time: WorkingTime = DEFAULT_WORKING_TIME,
  /** By variant id: what its structure leaves undone (see run/variantWarnings.ts), shown first on its card. */
  structural?: ReadonlyMap<string, readonly string[]>,
): Card[] {
  const baseline = result.variants[0];
  // One time unit per row, chosen by the largest value in it, so a row compares at a glance across variants.
  const units = new Map(metrics.filter((m) => METRIC_INFO[m].unit === 'h').map((m) => [m, timeUnitOf(result.variants.map((v) => v.metrics[m].mean), time)]));
  return result.variants.map((v, i) => {
    const comparison = result.comparisons.find((c) => c.variantId === v.variantId);
    const d = diagnose(v);
    const caveat = comparison && baseline ? comparisonCaveat(v, baseline) : null;
    return {
      variantId: v.variantId,
      name: v.name,
      baseline: i === 0,
      settles: !d.unstable,
      warnings: [...(structural?.get(v.variantId) ?? []).map((w) => w.charAt(0).toUpperCase() + w.slice(1)), ...d.warnings],
      rows: metrics.map((m): CardRow => {
        const info = METRIC_INFO[m];
        const cmp = comparison?.metrics.find((x) => x.metric === m);
        const rel = cmp?.relative;
        const clear = rel ? rel.high < 0 || rel.low > 0 : false;
        // A difference of a variant that does not settle is not coloured as a result.
        const judged = clear && caveat === null;
        const better = rel && info.lowerIsBetter !== null && judged && (rel.high < 0) === info.lowerIsBetter;
        const worse = rel && info.lowerIsBetter !== null && judged && (rel.low > 0) === info.lowerIsBetter;
        const diff = rel && Number.isFinite(rel.mean) ? `${pct(rel.mean)} [${pct(rel.low)}, ${pct(rel.high)}]` : !rel && cmp?.difference ? num(cmp.difference.mean) : null;
        const unit = units.get(m);
        const plain = unit ? timeWithCI(v.metrics[m], unit) : info.unit === 'share' ? shareWithCI(v.metrics[m]) : withCI(v.metrics[m], info.unit === 'items/week' ? 'items/week' : '');
        // A percentile past what every replication watched is only a lower bound.
        const value = replicationsBeyond(v, m) > 0 ? `more than ${unit ? timeWithCI({ ...v.metrics[m], halfWidth: NaN }, unit) : num(v.metrics[m].mean)}` : plain;
        const verdict = i === 0 ? null : verdictOf(rel && Number.isFinite(rel.mean) ? rel : cmp?.difference);
        const unitText = unit ? unit.name : info.unit === 'share' ? 'percent' : info.unit;
        const help = `${info.label}, in ${unitText}: mean over ${result.replications} replications ± half the width of its 95% confidence interval.${diff !== null ? ` ${BRACKETS_HELP}` : ''}`;
        return {
          metric: m,
          label: info.label,
          value,
          diff,
          tone: better ? 'better' : worse ? 'worse' : 'same',
          caveat: diff !== null ? caveat : null,
          verdict: verdict && (caveat !== null && diff !== null ? `${VERDICT_TEXT[verdict]} (not a steady state)` : VERDICT_TEXT[verdict]),
          help,
        };
      }),
    };
  });
}

/** The note under the cards: replications, seed, and what the brackets mean. */
export function cardsNote(result: RunResult, time?: WorkingTime): string {
  const baseline = result.variants[0]?.name ?? '';
  return `${result.replications} replications per variant, seed ${result.seed}. All variants ran on the same seeds (common random numbers): each saw the same arrivals, incidents and absences, so differences are paired. Brackets: 95% confidence interval of the difference to ${baseline}; "clearly lower" or "clearly higher" when the whole interval is on one side of zero. ± : half the width of the mean's 95% interval. ${unitsNote(time)}`;
}
