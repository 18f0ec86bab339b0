/**
 * When a variant's transition takes effect, on the scenario's clock, and
 * whether it can be simulated at all: the date must fall after the warm-up
 * and before the end of the run, and the plan must keep the base's people,
 * services and skills (it may move them between teams, change owners,
 * knowledge, team types and the structure's dials, but a run cannot switch
 * to a model with other people in it).
 */
import type { Scenario, Variant } from '../scenario/schema';
import { dateToWorkingHours, workingHoursToDay } from '../replay/workingTime';
import { withOverrides } from '../model/modelInput';
import type { Problem } from '../scenario/validate';

/** Working hours in one calendar week of this scenario. */
export const weekHours = (calendar: Scenario['calendar']): number => calendar.hoursPerDay * calendar.daysPerWeek;

/** The working hour at which `effectiveDate` begins on the scenario's calendar (a day off: the next working moment). */
export function switchHour(scenario: Pick<Scenario, 'calendar'>, effectiveDate: string): number {
  return dateToWorkingHours(effectiveDate, scenario.calendar, 'start');
}

/** Fewest whole weeks after the switch for a break-even week to mean anything; fewer gives a warning. */
export const MIN_WEEKS_AFTER = 4;

/**
 * Problems with each variant's transition (errors), and transitions that
 * leave little time to see anything (warnings). Paths name the variant:
 * `variants[1] (Plan).transition.effectiveDate`.
 */
export function transitionProblems(scenario: Scenario): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  scenario.variants.forEach((v, i) => {
    if (!v.transition) return;
    const at = `variants[${i}] (${v.name}).transition`;
    const { horizonHours, warmupHours } = scenario.run;
    const hour = switchHour(scenario, v.transition.effectiveDate);
    const date = v.transition.effectiveDate;
    const day = (h: number, edge: 'start' | 'end') => workingHoursToDay(h, scenario.calendar, edge);
    if (hour <= warmupHours) {
      const after = warmupHours > 0 ? `after the warm-up, which ends on ${day(warmupHours, 'end')}` : `after the first day of the run, ${scenario.calendar.startDate}`;
      errors.push({ path: `${at}.effectiveDate`, message: `the reorganisation takes effect on ${date}, which is not ${after}: choose a later date (the run must see the base structure settle first)` });
    } else if (hour >= horizonHours) {
      errors.push({ path: `${at}.effectiveDate`, message: `the reorganisation takes effect on ${date}, after the run ends on ${day(horizonHours, 'end')}: choose an earlier date or a longer horizon` });
    } else if ((horizonHours - hour) / weekHours(scenario.calendar) < MIN_WEEKS_AFTER) {
      warnings.push({ path: `${at}.effectiveDate`, message: `the run ends less than ${MIN_WEEKS_AFTER} weeks after the reorganisation takes effect on ${date}, too soon to see whether it pays for itself` });
    }
    for (const problem of sameCast(scenario, v)) errors.push({ path: at, message: problem });
  });
  return { errors, warnings };
}

/** What the plan adds or drops among people, services and skills (a run cannot switch to a model with other ones). */
function sameCast(scenario: Scenario, v: Variant): string[] {
  const plan = withOverrides(scenario, v.overrides);
  const out: string[] = [];
  const compare = (what: string, base: readonly { id: string }[], other: readonly { id: string }[]) => {
    const a = new Set(base.map((x) => x.id));
    const b = new Set(other.map((x) => x.id));
    const added = [...b].filter((id) => !a.has(id));
    const dropped = [...a].filter((id) => !b.has(id));
    if (added.length || dropped.length) {
      const parts = [added.length ? `adds ${added.map((id) => `"${id}"`).join(', ')}` : '', dropped.length ? `drops ${dropped.map((id) => `"${id}"`).join(', ')}` : ''].filter(Boolean);
      out.push(`a transition needs the plan to keep the base's ${what}, and this one ${parts.join(' and ')}: keep the same ${what} (move them instead), or remove the transition`);
    }
  };
  compare('people', scenario.people, plan.people);
  compare('services', scenario.services, plan.services);
  compare('skills', scenario.skills, plan.skills);
  return out;
}
