import type { BandData } from '../report/chartData';
import { timeUnitOf, type WorkingTime } from '../report/format';
import { seriesColor } from '../report/palette';
import { MEASURE_LABEL, type TransitionMeasure, type TransitionSummary } from './summary';

/** A transition chart: a {@link BandData} over weeks from the reorganisation, with the break-even week to mark. */
export interface TransitionChartData extends BandData {
  measure: TransitionMeasure;
  /** Weeks from the reorganisation at which the break-even week starts (null: not within the horizon). */
  breakEvenAt: number | null;
}

/**
 * One measure's weekly bands, staying as is and with the plan, for the app's
 * chart and the report's: x is weeks from the date the reorganisation takes
 * effect (0 = that date; each week drawn at its middle), y the week's mean in
 * one time unit, the band 10-90% of replications. Weeks that no replication
 * measured (no incident restored in any) are left out of both series.
 */
export function transitionChartData(s: TransitionSummary, measure: TransitionMeasure, time: WorkingTime): TransitionChartData {
  const m = s[measure];
  const keep = m.stay.map((b, i) => b.n > 0 && m.plan[i]!.n > 0);
  // The unit suits the lines (medians); a few weeks with a long restore would otherwise put hours in weeks.
  const unit = timeUnitOf([...m.stay, ...m.plan].map((b) => b.p50), time);
  const pick = (bands: typeof m.stay, key: 'p10' | 'p50' | 'p90') => bands.filter((_, i) => keep[i]).map((b) => b[key] / unit.hours);
  const times = m.stay.map((_, i) => i - s.weeks.weeksBefore + 0.5).filter((_, i) => keep[i]);
  const series = (name: string, bands: typeof m.stay, color: string) => ({ name, color, p10: pick(bands, 'p10'), p50: pick(bands, 'p50'), p90: pick(bands, 'p90') });
  return {
    measure,
    yLabel: `${MEASURE_LABEL[measure]} (${unit.name})`,
    hoursPerWeek: s.weeks.weekHours,
    xAxis: { label: 'weeks from the reorganisation', format: (x) => (Number.isInteger(x) ? String(x) : '') },
    bandLabel: '10-90% of replications',
    marker: { value: 0, label: `takes effect ${s.effectiveDate}` },
    times,
    series: [series('staying as is', m.stay, seriesColor(0)), series(s.variantName, m.plan, seriesColor(1))],
    breakEvenAt: m.breakEven.week === null ? null : m.breakEven.week - 1,
  };
}
