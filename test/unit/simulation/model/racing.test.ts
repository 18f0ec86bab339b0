import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absenceStressVariants } from '../../../../simulation/analysis/absenceStress';
import { crossTrainingVariants, rankTraining } from '../../../../simulation/analysis/crossTraining';
import { eliminate, race } from '../../../../simulation/analysis/racing';
import { WorkerPool } from '../../../../simulation/cli/workerPool';
import { inThreadRunner } from '../../../../simulation/run/rangeRunner';
import type { RunResult } from '../../../../simulation/run/runScenario';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';

function fixture(name: string): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(new URL(`../run/fixtures/${name}`, import.meta.url), 'utf8')));
}

const ci = (mean: number, halfWidth: number) => ({ mean, low: mean - halfWidth, high: mean + halfWidth, halfWidth, n: 20 });

/** Candidates by their paired increase in the metric, largest first (as the stress test ranks people). */
function ranking(result: RunResult, metric = 'leadTimeMean'): string[] {
  return result.comparisons
    .map((c) => ({ id: c.variantId, d: c.metrics.find((m) => m.metric === metric)!.difference?.mean ?? -Infinity }))
    .sort((a, b) => b.d - a.d)
    .map((x) => x.id);
}

describe('racing candidates against a baseline', () => {
  it('drops a candidate only when enough others are clearly ahead, or its effect is clearly negligible and it does not lead', () => {
    const effects = [ci(10, 1), ci(8, 1), ci(0.1, 0.2), ci(3, 2.5), null, ci(-0.05, 0.1)];
    // Keep 2: the two leaders stay; everything else has both leaders clearly above its interval.
    expect(eliminate(effects, 2, 0.5)).toEqual([null, null, 'ranked-out', 'ranked-out', null, 'ranked-out']);
    // Keep 5: all five measurable ones lead, so none is dropped, however small.
    expect(eliminate(effects, 5, 0.5)).toEqual([null, null, null, null, null, null]);
    expect(eliminate([ci(0.1, 0.2), ci(0, 0), ci(5, 1)], 1, 0.5)).toEqual(['ranked-out', 'ranked-out', null]);
    expect(eliminate([ci(0.1, 0.2), ci(0, 0), ci(5, 1), ci(4, 3)], 3, 0.5)).toEqual([null, 'negligible', null, null]);
  });

  const pools: WorkerPool[] = [];
  beforeAll(() => {
    pools.push(new WorkerPool(2));
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('returns the exhaustive top five of the organisation\'s absence stress test with fewer replications, the same on workers as in one thread', { timeout: 300_000 }, async () => {
    const scenario = fixture('organisation-50.handoff.json');
    const hoursPerWeek = scenario.calendar.hoursPerDay * scenario.calendar.daysPerWeek;
    const variants = absenceStressVariants(scenario, { kind: 'base' }, { start: Math.round(scenario.run.horizonHours / 10 / hoursPerWeek) * hoursPerWeek, weeks: 4 });
    const seed = 5;
    const reps = 30;
    const exhaustive = await pools[0]!.run(scenario, { replications: reps, seed, variants });
    const raced = await pools[0]!.race(scenario, { variants, seed, maxReplications: reps, metric: 'leadTimeMean' });
    expect(ranking(raced.result).slice(0, 5)).toEqual(ranking(exhaustive).slice(0, 5));
    // The leaders ran every replication, so their figures are the exhaustive run's.
    for (const id of ranking(exhaustive).slice(0, 5)) {
      expect(raced.race.candidates.find((c) => c.variantId === id)).toMatchObject({ replications: reps, outcome: 'finished' });
      expect(raced.result.comparisons.find((c) => c.variantId === id)).toStrictEqual(exhaustive.comparisons.find((c) => c.variantId === id));
    }
    expect(raced.race.replicationsExhaustive).toBe(reps * variants.length);
    // People whose absence clearly matters less than five others' left after the first stage.
    expect(raced.race.candidates.filter((c) => c.outcome === 'ranked-out').length).toBeGreaterThan(5);
    expect(raced.race.replicationsRun).toBeLessThan(raced.race.replicationsExhaustive);
    const inThread = await race(scenario, inThreadRunner(scenario, seed), { variants, seed, maxReplications: reps, metric: 'leadTimeMean' });
    expect(inThread.race).toStrictEqual(raced.race);
    expect(ranking(inThread.result)).toEqual(ranking(raced.result));
  });

  it('races the cross-training advisor on the fall in time to restore: the exhaustive best five, in order, with their exhaustive figures', { timeout: 300_000 }, async () => {
    // The organisation with each service known by its best knower alone, so that every service has a single restorer to train for.
    const org = fixture('organisation-50.handoff.json');
    const soleKnower = (k: Record<string, number>) => Object.fromEntries(Object.entries(k).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 1));
    const scenario: Scenario = { ...org, services: org.services.map((svc) => ({ ...svc, knowledge: soleKnower(svc.knowledge) })) };
    const variants = crossTrainingVariants(scenario, { kind: 'preset', preset: 'walled' });
    expect(variants.length).toBe(25);
    const seed = 11;
    const reps = 30;
    const exhaustive = await pools[0]!.run(scenario, { replications: reps, seed, variants });
    const raced = await pools[0]!.race(scenario, { variants, seed, maxReplications: reps, metric: 'ttrMean', better: 'lower' });
    const best = (r: RunResult) => rankTraining(r).slice(0, 5).map((g) => g.variantId);
    expect(best(raced.result)).toEqual(best(exhaustive));
    for (const id of best(exhaustive)) expect(raced.result.comparisons.find((c) => c.variantId === id)).toStrictEqual(exhaustive.comparisons.find((c) => c.variantId === id));
    // Ranked the right way round: a leader's interval is not what 'higher' would keep (the largest rises in time to restore).
    const worst = rankTraining(exhaustive).at(-1)!.variantId!;
    expect(best(raced.result)).not.toContain(worst);
    expect(raced.race.replicationsRun).toBeLessThanOrEqual(raced.race.replicationsExhaustive);
  });
});
