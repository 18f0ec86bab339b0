import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absenceStressVariants, defaultAbsenceWindow, stressWindowScenario } from '../../../../simulation/analysis/absenceStress';
import { crossTrainingVariants, rankTraining } from '../../../../simulation/analysis/crossTraining';
import { eliminate, nextCheckpoint, race, raceLevel } from '../../../../simulation/analysis/racing';
import { WorkerPool } from '../../../../simulation/cli/workerPool';
import { inThreadRunner, type RangeRunner } from '../../../../simulation/run/rangeRunner';
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

  it('never drops a rare effect (non-zero in fewer than 10 replications so far), whose upper bound is not trusted, but counts it as clearly ahead of others', () => {
    // Four clear leaders, a rare one that looks like nothing so far, and a small steady one.
    const leaders = [ci(10, 1), ci(9, 1), ci(8, 1), ci(7, 1)];
    const rare = { ...ci(0.001, 0.002), rare: true };
    expect(eliminate([...leaders, rare, ci(0.002, 0.001)], 4, -Infinity)).toEqual([null, null, null, null, null, 'ranked-out']);
    // The same figures without the flag would be dropped: the guard is what keeps it.
    expect(eliminate([...leaders, ci(0.001, 0.002), ci(0.002, 0.001)], 4, -Infinity)).toEqual([null, null, null, null, 'ranked-out', 'ranked-out']);
    // A rare candidate whose lower bound is clearly above is evidence against another (rare values only lower a bound).
    expect(eliminate([{ ...ci(5, 1), rare: true }, ci(0.002, 0.001)], 1, -Infinity)).toEqual([null, 'ranked-out']);
    // Nor does a rare one leave as negligible, however narrow its interval looks.
    expect(eliminate([{ ...ci(0, 0), rare: true }, ci(5, 6)], 1, 0.5)).toEqual([null, null]);
    expect(eliminate([ci(0, 0), ci(5, 6)], 1, 0.5)).toEqual(['negligible', null]);
  });

  it('stops to judge only where someone would leave: at the first doubling where intervals narrowed as 1/sqrt(n) separate, else at the maximum', () => {
    const level = raceLevel(10);
    // A clear spread at 20 replications: the leaders are already clearly ahead of the last, so the next doubling is worth a stop.
    const spread = [ci(10, 1), ci(9, 1), ci(0, 1)];
    expect(nextCheckpoint(spread, 20, 160, 2, -Infinity, level)).toBe(40);
    // Half-widths almost twice half the gap: they separate only after about four times the replications.
    const later = [ci(10, 9), ci(10, 9), ci(0, 9)];
    expect(nextCheckpoint(later, 20, 1000, 2, -Infinity, level)).toBe(80);
    // The same, when the maximum comes first: no stop before it.
    expect(nextCheckpoint(later, 20, 80, 2, -Infinity, level)).toBe(80);
    // Everyone overlapping (the organisation's absences by time to restore at 20 replications), or a rare effect: straight to the maximum.
    expect(nextCheckpoint([ci(0.3, 0.9), ci(0.25, 0.8), ci(0.2, 0.7), ci(0.003, 0.004)], 20, 50, 2, -Infinity, level)).toBe(50);
    expect(nextCheckpoint([ci(10, 1), ci(9, 1), { ...ci(0, 0), rare: true }], 20, 160, 2, -Infinity, level)).toBe(160);
    expect(nextCheckpoint([ci(10, 1), null], 20, 160, 1, -Infinity, level)).toBe(160);
  });

  const pools: WorkerPool[] = [];
  beforeAll(() => {
    pools.push(new WorkerPool(2));
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('returns the exhaustive top five of the organisation\'s absence stress test by lead time with fewer replications, the same on workers as in one thread', { timeout: 300_000 }, async () => {
    // The stress test as the app runs it, ranked by the rise in lead time: a clear spread (the data people's absences
    // raise it most, the engineers' less, the on-call engineers' hardly ever).
    const org = fixture('organisation-50.handoff.json');
    const window = defaultAbsenceWindow(org, 4);
    const scenario = stressWindowScenario(org, window);
    const variants = absenceStressVariants(scenario, { kind: 'base' }, window);
    const seed = 5;
    const reps = 120;
    const exhaustive = await pools[0]!.run(scenario, { replications: reps, seed, variants });
    const raced = await pools[0]!.race(scenario, { variants, seed, maxReplications: reps, metric: 'leadTimeMean' });
    expect(ranking(raced.result).slice(0, 5)).toEqual(ranking(exhaustive).slice(0, 5));
    // The leaders ran every replication, so their figures are the exhaustive run's.
    for (const id of ranking(exhaustive).slice(0, 5)) {
      expect(raced.race.candidates.find((c) => c.variantId === id)).toMatchObject({ replications: reps, outcome: 'finished' });
      expect(raced.result.comparisons.find((c) => c.variantId === id)).toStrictEqual(exhaustive.comparisons.find((c) => c.variantId === id));
    }
    expect(raced.race.replicationsExhaustive).toBe(reps * variants.length);
    // Every doubling was worth a stop; people clearly behind five others left at 40 or 80 replications.
    expect(raced.race.checkpoints).toEqual([20, 40, 80, reps]);
    const left = raced.race.candidates.filter((c) => c.outcome === 'ranked-out');
    expect(left.length).toBeGreaterThan(20);
    expect(left.every((c) => c.replications === 40 || c.replications === 80)).toBe(true);
    expect(raced.race.replicationsRun).toBe(reps * variants.length - left.reduce((n, c) => n + reps - c.replications, 0));
    // The on-call engineers' effects on lead time are rare (zero in 15 to 19 of the first 20 replications): however
    // small they look, none left before 80 replications, when they had changed lead time in enough of them.
    const onCall = raced.race.candidates.filter((c) => /-ops-/.test(c.variantId));
    expect(onCall.length).toBe(10);
    expect(onCall.every((c) => c.replications >= 80)).toBe(true);
    const inThread = await race(scenario, inThreadRunner(scenario, seed), { variants, seed, maxReplications: reps, metric: 'leadTimeMean' });
    expect(inThread.race).toStrictEqual(raced.race);
    expect(ranking(inThread.result)).toEqual(ranking(raced.result));
  });

  it('does not stop to race where racing cannot pay: the organisation\'s stress test by time to restore runs its first stage, then straight to the maximum, as the exhaustive run', { timeout: 300_000 }, async () => {
    const scenario0 = fixture('organisation-50.handoff.json');
    const window = defaultAbsenceWindow(scenario0, 4);
    const scenario = stressWindowScenario(scenario0, window);
    const variants = absenceStressVariants(scenario, { kind: 'base' }, window);
    const seed = 3;
    const reps = 40;
    // Counts the runner's calls: each is a barrier the workers wait at.
    const inner = inThreadRunner(scenario, seed);
    const calls: number[] = [];
    const counting: RangeRunner = { run: (tasks, onChunk) => (calls.push(tasks[0]!.to), inner.run(tasks, onChunk)) };
    const raced = await race(scenario, counting, { variants, seed, maxReplications: reps, metric: 'ttrMean', firstStage: 10 });
    // Rare, large effects (an incident on their service while they are away) leave every interval overlapping.
    expect(raced.race.checkpoints).toEqual([10, reps]);
    expect(calls).toEqual([10, reps]);
    expect(raced.race.replicationsRun).toBe(raced.race.replicationsExhaustive);
    expect(raced.race.candidates.every((c) => c.outcome === 'finished')).toBe(true);
    const exhaustive = await pools[0]!.run(scenario, { replications: reps, seed, variants });
    expect(raced.result.comparisons).toStrictEqual(exhaustive.comparisons);
    // Everyone's variant is the same run until the absence: sharing that part (model/fork.ts) changes nothing,
    // in this thread and on workers.
    const options = { variants, seed, maxReplications: reps, metric: 'ttrMean' as const, firstStage: 10, forkAt: window.start };
    const forked = await race(scenario, inThreadRunner(scenario, seed, undefined, window.start), options);
    expect(forked.race).toStrictEqual(raced.race);
    expect(forked.result).toStrictEqual(raced.result);
    const onWorkers = await pools[0]!.race(scenario, options);
    expect(onWorkers.result.comparisons).toStrictEqual(exhaustive.comparisons);
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
