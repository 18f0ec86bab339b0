import { toCsv } from '../run/csv';
import { workingHoursToDay } from '../replay/workingTime';
import type { Calendar } from '../scenario/schema';
import type { TransitionSummary, WeekBand } from './summary';

const num = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 1000) / 1000) : '');

/**
 * The weekly table of a transition: one row per whole week, numbered from the
 * date it takes effect (1 = its first week, 0 and below before it), with the
 * date each week starts, and for lead time and time to restore the 10th,
 * 50th and 90th percentile over replications of the week's mean (hours) and
 * the replications that measured it, staying as is and with the plan. Empty
 * cells: nothing was finished that week.
 */
export function transitionCsv(s: TransitionSummary, calendar: Calendar): string {
  const cols = (b: WeekBand) => [num(b.p10), num(b.p50), num(b.p90), String(b.n)];
  const head = (m: string, arm: string) => [`${arm}_${m}_p10_h`, `${arm}_${m}_p50_h`, `${arm}_${m}_p90_h`, `${arm}_${m}_replications`];
  const rows: string[][] = [['week_from_reorganisation', 'week_start_date', ...head('lead_time', 'stay'), ...head('lead_time', 'plan'), ...head('time_to_restore', 'stay'), ...head('time_to_restore', 'plan')]];
  const { weeksBefore, switchAt, weekHours } = s.weeks;
  s.lead.stay.forEach((_, i) => {
    const week = i - weeksBefore + 1;
    const start = switchAt + (i - weeksBefore) * weekHours;
    rows.push([String(week), workingHoursToDay(start, calendar, 'start'), ...cols(s.lead.stay[i]!), ...cols(s.lead.plan[i]!), ...cols(s.ttr.stay[i]!), ...cols(s.ttr.plan[i]!)]);
  });
  return toCsv(rows);
}
