import { execFileSync } from 'node:child_process';
import { WorkerPool } from '../cli/workerPool';
import { organisationScenario } from '../examples/organisation';
import { compileModel } from '../model/compile';
import { replicationSeeds, runReplication } from '../model/replication';
import { runScenario } from '../run/runScenario';
import { resolveVariantSpec } from '../run/variantSpec';
import type { VariantSpec } from '../run/variantSpec';
import { scenarioSchema, type Scenario } from '../scenario/schema';

/** The comparison the benchmark runs: the organisation walled, then cross-functional. */
export const ORG_VARIANTS: VariantSpec[] = [
  { kind: 'preset', preset: 'walled' },
  { kind: 'preset', preset: 'cross-functional' },
];

/** The 50-person benchmark organisation, parsed. */
export function organisation(): Scenario {
  return scenarioSchema.parse(organisationScenario());
}

/** The argument that makes the benchmark runner a child measuring one cold run (see {@link coldRunInChild}). */
export const ORG_CHILD_FLAG = '--org-child';

/** What a cold run measured, in a process of its own. */
interface ColdRun {
  /** From starting the pool to the result. */
  readonly wallSeconds: number;
  readonly events: number;
  /** Peak resident set of the process (MB, getrusage): the main thread and the worker threads, which live in it. */
  readonly peakRssMB: number;
  /** Time the main thread was busy (feeding workers, combining their results). */
  readonly mainThreadBusySeconds: number;
}

/**
 * The child's side: runs `replications` of the comparison on a new pool of
 * `workers`, timed from starting the pool, and prints a {@link ColdRun} as
 * JSON. Run in a fresh process so that its peak RSS is this run's alone.
 */
export async function orgChild(replications: number, workers: number): Promise<void> {
  const scenario = organisation();
  const started = process.hrtime.bigint();
  const elu = performance.eventLoopUtilization();
  const pool = new WorkerPool(workers);
  let events: number;
  try {
    events = (await pool.run(scenario, { replications, seed: scenario.run.seed, variants: ORG_VARIANTS })).events;
  } finally {
    await pool.close();
  }
  const run: ColdRun = {
    wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    events,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    mainThreadBusySeconds: performance.eventLoopUtilization(elu).active / 1000,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

/** Runs {@link orgChild} in a new process (this script again, with the same Node options). */
function coldRunInChild(replications: number, workers: number): ColdRun {
  const script = process.argv[1];
  if (!script) throw new Error('cannot tell which script to run as the child');
  const out = execFileSync(process.execPath, [...process.execArgv, script, ORG_CHILD_FLAG, String(replications), String(workers)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as ColdRun;
}

/** `replications` of the comparison on a pool that has already run some (as the app's long-lived pool sees it). */
async function warmRun(scenario: Scenario, replications: number, workers: number): Promise<number> {
  const pool = new WorkerPool(workers);
  try {
    await pool.run(scenario, { replications: 100, seed: scenario.run.seed + 1, variants: ORG_VARIANTS });
    const t0 = process.hrtime.bigint();
    await pool.run(scenario, { replications, seed: scenario.run.seed, variants: ORG_VARIANTS });
    return Number(process.hrtime.bigint() - t0) / 1e9;
  } finally {
    await pool.close();
  }
}

/**
 * The organisation benchmark: `replications` replications of the walled
 * versus cross-functional comparison (each replication runs both, so twice
 * as many model runs) on a pool of `workers` worker threads, timed from
 * starting the pool in a fresh process (as `npm run simulate` pays it:
 * starting the workers and warming their JIT included). Also: half as many
 * replications (so "1,000 replications" read as 500 per structure is visible
 * too), the full run on an already warm pool, and the peak RSS of a
 * quarter-size run against the full run. Each cold run has a process of its
 * own, so its peak RSS (main thread plus workers) is its own; memory that
 * does not grow with the number of replications shows as a small
 * `rssGrowthFromHalfMB` (from 250 replications the heaps are still growing to
 * their working size, so `rssGrowthFromQuarterMB` is larger). The result's
 * own per-replication figures (22 numbers per variant, about 350 bytes per
 * replication) are the only thing meant to grow.
 */
export async function benchOrg(replications = 1000, workers = 2): Promise<Record<string, number>> {
  const scenario = organisation();
  const full = coldRunInChild(replications, workers);
  const half = coldRunInChild(Math.round(replications / 2), workers);
  const quarter = coldRunInChild(Math.round(replications / 4), workers);
  const warmSeconds = await warmRun(scenario, replications, workers);
  const modelRuns = replications * ORG_VARIANTS.length;
  return {
    replications,
    variants: ORG_VARIANTS.length,
    modelRuns,
    workers,
    wallSeconds: full.wallSeconds,
    replicationsPerSecond: replications / full.wallSeconds,
    modelRunsPerSecond: modelRuns / full.wallSeconds,
    eventsPerSecond: full.events / full.wallSeconds,
    eventsPerModelRun: full.events / modelRuns,
    mainThreadBusySeconds: full.mainThreadBusySeconds,
    halfReplications: Math.round(replications / 2),
    halfWallSeconds: half.wallSeconds,
    warmPoolWallSeconds: warmSeconds,
    peakRssMB: full.peakRssMB,
    halfPeakRssMB: half.peakRssMB,
    quarterReplications: Math.round(replications / 4),
    quarterPeakRssMB: quarter.peakRssMB,
    // From 250 on, the heaps of the three threads are still growing to their working size; from 500 on, the growth is the run's own.
    rssGrowthFromQuarterMB: full.peakRssMB - quarter.peakRssMB,
    rssGrowthFromHalfMB: full.peakRssMB - half.peakRssMB,
  };
}

/**
 * The model alone in this thread: `replications` of the comparison, no
 * workers. Then the same model runs again with their time split (a second,
 * untimed-as-a-whole pass): `eventMsPerModelRun` running events (what
 * org-skeleton does), `resultMsPerModelRun` turning the run's state into its
 * result, `setupMsPerModelRun` resetting the state and scheduling the first
 * events; the rest of `msPerModelRun` is adding each result to the
 * variant's summary.
 */
export function benchOrgInThread(replications = 100): Record<string, number> {
  const scenario = organisation();
  const t0 = process.hrtime.bigint();
  const result = runScenario(scenario, { replications, variants: ORG_VARIANTS });
  const wallSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const modelRuns = replications * ORG_VARIANTS.length;
  const models = ORG_VARIANTS.map((v) => compileModel(resolveVariantSpec(scenario, v).model));
  const timing = { clock: () => performance.now(), setup: 0, events: 0, result: 0 };
  const seeds = replicationSeeds(scenario.run.seed, replications);
  for (let i = 0; i < replications; i++) for (const model of models) runReplication(model, i, seeds[i]!, { timing });
  return {
    modelRuns,
    wallSeconds,
    msPerModelRun: (wallSeconds * 1000) / modelRuns,
    setupMsPerModelRun: timing.setup / modelRuns,
    eventMsPerModelRun: timing.events / modelRuns,
    resultMsPerModelRun: timing.result / modelRuns,
    eventsPerSecond: result.events / wallSeconds,
    eventsPerModelRun: result.events / modelRuns,
  };
}
