import type { MetricComparison } from '../run/comparison';
import { comparisonCaveat } from '../run/diagnostics';
import type { RunResult } from '../run/runScenario';
import { resolveVariantSpec, type VariantSpec } from '../run/variantSpec';
import type { Scenario } from '../scenario/schema';

/** Where in the run the stress-test absence falls: from `start` for `weeks` working weeks. */
export interface AbsenceWindow {
  start: number;
  weeks: number;
}

/**
 * The stress test's absence of `weeks` weeks as the app sets it: starting a
 * tenth into the run (rounded to whole weeks), so there is time before it to
 * have knowledge and work in flight.
 */
export function defaultAbsenceWindow(scenario: Pick<Scenario, 'calendar' | 'run'>, weeks: number): AbsenceWindow {
  const hoursPerWeek = scenario.calendar.hoursPerDay * scenario.calendar.daysPerWeek;
  return { start: Math.round(scenario.run.horizonHours / 10 / hoursPerWeek) * hoursPerWeek, weeks };
}

/**
 * "He who has one has none": one variant per person in which that person is
 * away for the window, on top of the chosen structure. Run them with the
 * baseline first, on the same seeds, and rank people with {@link rankAbsences}.
 */
export function absenceStressVariants(scenario: Scenario, base: VariantSpec, window: AbsenceWindow): VariantSpec[] {
  // Each person's variant is the base's whole model with their absence added.
  const model = resolveVariantSpec(scenario, base).model;
  const hoursPerWeek = scenario.calendar.hoursPerDay * scenario.calendar.daysPerWeek;
  const end = window.start + window.weeks * hoursPerWeek;
  return [
    base,
    ...model.people.map(
      (person): VariantSpec => ({
        kind: 'inline',
        variant: {
          id: `absent:${person.id}`,
          name: `${person.name} away`,
          description: `${person.name} away for ${window.weeks} weeks from hour ${window.start}.`,
          overrides: {
            skills: model.skills,
            teams: model.teams,
            services: model.services,
            structure: model.structure,
            parameters: model.parameters,
            absencePolicy: model.absencePolicy,
            people: model.people.map((p) => (p.id === person.id ? { ...p, absences: [...p.absences, { start: window.start, end, reason: 'leave' as const }] } : p)),
          },
        },
      }),
    ),
  ];
}

export interface AbsenceImpact {
  personId: string;
  person: string;
  ttrMean: MetricComparison | undefined;
  leadTimeMean: MetricComparison | undefined;
  waitedForAbsent: MetricComparison | undefined;
  /** Services whose mean time to restore at least doubled while they were away. */
  stoppedServices: string[];
  /** Why the differences are not steady-state results (the run with them away, or the baseline, does not settle); absent or null when they are. */
  caveat?: string | null;
}

/** What the stress test ranks people by: the rise in mean time to restore (then lead time), or in mean lead time (then time to restore). */
export type AbsenceRanking = 'ttr' | 'lead';

/** People ranked by how much their absence raises the chosen metric (then the other). */
export function rankAbsences(result: RunResult, by: AbsenceRanking = 'ttr'): AbsenceImpact[] {
  const baseline = result.variants[0]!;
  const impacts = result.comparisons.map((c) => {
    const v = result.variants.find((x) => x.variantId === c.variantId)!;
    const metric = (m: string) => c.metrics.find((x) => x.metric === m);
    const stopped = v.services.filter((s) => {
      const before = baseline.services.find((b) => b.id === s.id)?.ttrMean.mean ?? NaN;
      return Number.isFinite(before) && Number.isFinite(s.ttrMean.mean) && s.ttrMean.mean >= 2 * before;
    });
    return {
      personId: c.variantId.replace(/^absent:/, ''),
      person: v.name.replace(/ away$/, ''),
      ttrMean: metric('ttrMean'),
      leadTimeMean: metric('leadTimeMean'),
      waitedForAbsent: metric('incidentsWaitedForAbsent'),
      stoppedServices: stopped.map((s) => s.name),
      caveat: comparisonCaveat(v, baseline),
    };
  });
  return sortImpacts(impacts, by);
}

/** Impacts ordered by the rise in the chosen metric, largest first (then the other metric); a new array. */
export function sortImpacts(impacts: readonly AbsenceImpact[], by: AbsenceRanking): AbsenceImpact[] {
  const ttr = (x: AbsenceImpact) => x.ttrMean?.difference?.mean ?? 0;
  const lead = (x: AbsenceImpact) => x.leadTimeMean?.difference?.mean ?? 0;
  const key = (x: AbsenceImpact) => (by === 'ttr' ? [ttr(x), lead(x)] : [lead(x), ttr(x)]) as [number, number];
  return [...impacts].sort((a, b) => key(b)[0] - key(a)[0] || key(b)[1] - key(a)[1]);
}

/**
 * The scenario the stress test runs: measured from the start of the absence to `recoveryWeeks` after it ends
 * (warm-up up to the start, horizon at the end of the recovery). Over a whole year a four-week absence is diluted
 * about twelve-fold into noise; measured over the weeks it touches, its effect shows, and each replication is shorter.
 * The window is kept inside the scenario's horizon.
 */
export function stressWindowScenario(scenario: Scenario, window: AbsenceWindow, recoveryWeeks = window.weeks): Scenario {
  const hoursPerWeek = scenario.calendar.hoursPerDay * scenario.calendar.daysPerWeek;
  const horizon = Math.min(scenario.run.horizonHours, window.start + (window.weeks + recoveryWeeks) * hoursPerWeek);
  return { ...scenario, run: { ...scenario.run, warmupHours: Math.min(Math.max(scenario.run.warmupHours, window.start), horizon), horizonHours: horizon } };
}
