import { absenceStressVariants, defaultAbsenceWindow, stressWindowScenario } from '../analysis/absenceStress';
import { WorkerPool } from '../cli/workerPool';
import type { RunResult } from '../run/runScenario';
import { organisation } from './org';

/** Candidates by their paired increase in the metric, largest first: the stress test's ranking. */
function topFive(result: RunResult, metric: string): string[] {
  return result.comparisons
    .map((c) => ({ id: c.variantId, d: c.metrics.find((m) => m.metric === metric)?.difference?.mean ?? -Infinity }))
    .sort((a, b) => b.d - a.d)
    .slice(0, 5)
    .map((x) => x.id);
}

/**
 * The organisation's absence stress test as the app runs it (everyone away in turn for 4 weeks, measured from the
 * start of the absence to 4 weeks after it, 50 replications, ranked by time to restore), raced on a new pool of
 * `workers` and timed from starting the pool; `sameTopFive` is 1 when its top five is the exhaustive run's, and
 * `exhaustiveSeconds` how long that exhaustive run took, also on a new pool from starting it (a pool's first
 * replications are slow: threads start, models compile, the JIT warms up; timing the exhaustive run on the raced
 * run's warm pool made racing look a second slower than it is). `checkpoints`: how many times the race stopped to judge.
 * `warmPoolSeconds`: the race on a pool warmed as the app's is when a scenario opens (timed from the click, as a user waits).
 * `cpuSeconds` and `exhaustiveCpuSeconds`: the process's CPU time (all threads) for each, steadier than wall time on
 * a shared machine. `size` makes a smaller run (the first people only, fewer replications): the runner's warm-up,
 * so that this thread's own code (combining chunks, summaries) is not cold in the raced run and warm in the exhaustive one.
 */
/** Events each of the app's workers runs when a scenario opens (WARM_UP_EVENTS in renderer/src/runs/workerPool.ts). */
const APP_WARM_UP_EVENTS = 20_000;

export async function benchStress(workers: number, size: { people?: number; replications?: number } = {}): Promise<Record<string, number>> {
  const org = organisation();
  const window = defaultAbsenceWindow(org, 4);
  const scenario = stressWindowScenario(org, window);
  const variants = absenceStressVariants(scenario, { kind: 'base' }, window).slice(0, 1 + (size.people ?? Infinity));
  const replications = size.replications ?? 50;
  const options = { variants, seed: scenario.run.seed, maxReplications: replications, metric: 'ttrMean' as const, forkAt: window.start };
  const timed = async <T>(work: (pool: WorkerPool) => Promise<T>): Promise<[T, number, number]> => {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const pool = new WorkerPool(workers);
    try {
      const value = await work(pool);
      const used = process.cpuUsage(cpu);
      return [value, Number(process.hrtime.bigint() - started) / 1e9, (used.user + used.system) / 1e6];
    } finally {
      await pool.close();
    }
  };
  const [raced, seconds, cpuSeconds] = await timed((pool) => pool.race(scenario, options));
  const [exhaustive, exhaustiveSeconds, exhaustiveCpuSeconds] = await timed((pool) => pool.run(scenario, { replications, seed: options.seed, variants }));
  // As the app runs it: its pool started and warmed up on the scenario when it was opened (renderer/src/runs/workerPool.ts).
  const app = new WorkerPool(workers);
  let warmPoolSeconds: number;
  try {
    await app.warmUp(org, APP_WARM_UP_EVENTS);
    const started = process.hrtime.bigint();
    await app.race(scenario, options);
    warmPoolSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await app.close();
  }
  const same = topFive(raced.result, 'ttrMean').join() === topFive(exhaustive, 'ttrMean').join();
  return {
    seconds,
    warmPoolSeconds,
    sameTopFive: same ? 1 : 0,
    replications: raced.race.replicationsRun,
    exhaustiveReplications: raced.race.replicationsExhaustive,
    exhaustiveSeconds,
    cpuSeconds,
    exhaustiveCpuSeconds,
    checkpoints: raced.race.checkpoints.length,
  };
}
