/**
 * A transition's results in words, the same in the command line's summary,
 * the report and the app: when the reorganisation pays for itself (the
 * break-even week with its 95% interval, or "not within the horizon") and
 * how deep the dip is. Weeks are counted from the date it takes effect
 * (week 1 is the first week of the new structure).
 */
import { formatHours } from '../report/format';
import { MEASURE_LABEL, type MeasureSummary, type TransitionSummary } from './summary';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "from week 14 [11, 19]", "from week 3 [2, beyond the horizon]" or "not within the horizon (16 weeks) [...]". */
export function breakEvenText(m: MeasureSummary, weeksAfter: number): string {
  const { week, low, high } = m.breakEven;
  const end = (w: number | null) => (w === null ? 'beyond the horizon' : String(w));
  if (week === null) {
    const some = low !== null ? ` (in some resamples of the replications it does from week ${low}: the figures are close)` : '';
    return `does not pay for itself within the horizon (the ${weeksAfter} weeks after it takes effect)${some}`;
  }
  return `pays for itself from week ${week} [${end(low)}, ${end(high)}]`;
}

/** "worst in week 2: +6.6 h (+113%) against staying as is", or "never worse than staying as is". */
export function dipText(m: MeasureSummary): string {
  if (!m.dip) return 'never worse than staying as is in any week';
  const share = Number.isFinite(m.dip.share) ? ` (+${Math.round(m.dip.share * 100)}%)` : '';
  return `worst in week ${m.dip.week}: +${formatHours(m.dip.hours)}${share} against staying as is`;
}

/** One line per measure: "Lead time: the reorganisation pays for itself from week 14 [11, 19]; worst in week 3: ...". */
export function transitionLines(s: TransitionSummary): string[] {
  return [s.lead, s.ttr].map((m) => {
    const label = capital(MEASURE_LABEL[m.measure]);
    if (m.stay.every((b) => b.n === 0)) return `${label}: nothing measured (no ${m.measure === 'lead' ? 'work finished' : 'incident restored'} in these weeks)`;
    return `${label}: the reorganisation ${breakEvenText(m, s.weeks.weeksAfter)}; ${dipText(m)}`;
  });
}

/** The heading line: what was run and how the figures are to be read. */
export function transitionHeading(s: TransitionSummary): string {
  return `Transition to "${s.variantName}" on ${s.effectiveDate}: the plan against staying as is, on the same luck, ${s.replications} replication${s.replications === 1 ? '' : 's'}; weeks from the date it takes effect, [95% interval]`;
}

/** The caveat shown with the figures. */
export const TRANSITION_NOTE =
  'Break-even: the first week from which the mean since the reorganisation stays better than staying as is. The interval is a bootstrap over replications and is approximate. Weekly figures are means of the work finished (incidents restored) that week: work still open is not in them, so check the items not finished in the comparison too. The model switches the structure overnight and people keep what they know.';
