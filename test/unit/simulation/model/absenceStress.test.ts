import { describe, expect, it } from 'vitest';
import { absenceStressVariants, rankAbsences, stressWindowScenario } from '../../../../simulation/analysis/absenceStress';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { runScenario } from '../../../../simulation/run/runScenario';
import { scenarioSchema } from '../../../../simulation/scenario/schema';

describe('absence stress test', () => {
  it('ranks the sole knower of the most incident-prone services first, and names the services that stop', () => {
    const scenario = scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());
    // Sam's planned leave would blur the comparison: the stress test adds its own absences.
    scenario.people = scenario.people.map((p) => ({ ...p, absences: [] }));
    const variants = absenceStressVariants(scenario, { kind: 'preset', preset: 'walled' }, { start: 200, weeks: 30 });
    expect(variants).toHaveLength(1 + scenario.people.length);
    const result = runScenario(scenario, { replications: 40, seed: 3, variants });
    const ranked = rankAbsences(result);
    expect(ranked.map((r) => r.personId).sort()).toEqual(['dana', 'mel', 'sam']);
    // Mel alone restores two services (including the busiest), Sam one; Dana restores none.
    expect(ranked[0]!.personId).toBe('mel');
    expect(ranked.at(-1)!.personId).toBe('dana');
    expect(ranked[0]!.ttrMean!.difference!.low).toBeGreaterThan(0);
    expect(ranked[0]!.waitedForAbsent!.difference!.low).toBeGreaterThan(0);
    expect(ranked[0]!.stoppedServices).toContain('Prediction API');
    // Dana's absence does not slow restores: the interval of the difference includes no big rise.
    expect(ranked.at(-1)!.ttrMean!.difference!.mean).toBeLessThan(ranked[0]!.ttrMean!.difference!.mean / 4);
  });

  it('measures from the start of the absence to the end of the recovery, where its effect is not diluted by the rest of the year', () => {
    const scenario = scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());
    scenario.people = scenario.people.map((p) => ({ ...p, absences: [] }));
    const week = scenario.calendar.hoursPerDay * scenario.calendar.daysPerWeek;
    const window = { start: 5 * week, weeks: 4 };
    const windowed = stressWindowScenario(scenario, window);
    expect(windowed.run.warmupHours).toBe(5 * week);
    expect(windowed.run.horizonHours).toBe(13 * week);
    expect(stressWindowScenario(scenario, { start: 5 * week, weeks: 4 }, 1000).run.horizonHours).toBe(scenario.run.horizonHours);
    const relative = (s: typeof scenario) => {
      const r = runScenario(s, { replications: 30, seed: 4, variants: absenceStressVariants(s, { kind: 'preset', preset: 'walled' }, window) });
      return rankAbsences(r).find((x) => x.personId === 'mel')!.ttrMean!.relative!.mean;
    };
    // Mel away four weeks of fifty: a modest rise over the year, a far larger one over the weeks it touches.
    const year = relative(scenario);
    const touched = relative(windowed);
    expect(touched).toBeGreaterThan(3 * year);
  });
});
