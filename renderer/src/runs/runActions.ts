import { RunCancelled } from '../../../simulation/run/runCoordinator';
import { METRIC_INFO } from '../../../simulation/run/metricInfo';
import type { PrecisionTarget } from '../../../simulation/run/precision';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { RaceInfo, RaceOptions } from '../../../simulation/analysis/racing';
import { sha256Hex } from '../../../simulation/report/embed';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import type { ReplayComparison, ReplayOptions } from '../../../simulation/replay/replayComparison';
import { useDocumentStore } from '../state/documentStore';
import { useRunStore, type RunMeta, type RunStatus } from '../state/runStore';
import { BrowserRunPool } from './workerPool';

let pool: BrowserRunPool | null = null;

/**
 * Starts the simulation workers before the first run: a Web Worker takes a
 * while to load its script, and a run until precise shows its first estimates
 * after a handful of replications, so that wait would be most of the first
 * estimate's. Done once a scenario is open (a scenario is what gets run).
 */
export function prewarmRunPool(scenario?: Scenario): void {
  pool ??= new BrowserRunPool();
  pool.warm(scenario);
}

// As soon as a scenario is open (opened, created or an example chosen), the workers start and warm up on it.
const openNow = useDocumentStore.getState().doc;
if (openNow) prewarmRunPool(openNow);
else {
  const stop = useDocumentStore.subscribe((state) => {
    if (!state.doc) return;
    stop();
    prewarmRunPool(state.doc);
  });
}

/**
 * Runs the open scenario's variants on the Web Worker pool, with the same
 * seeds for every variant (common random numbers), updating the run store
 * as replications finish.
 */
export async function startRun(config: { variants: VariantSpec[]; replications: number; seed: number; precision?: PrecisionTarget }, appVersion: string): Promise<void> {
  const doc = useDocumentStore.getState().doc;
  const runs = useRunStore.getState();
  if (!doc || runs.status.kind === 'running') return;
  pool ??= new BrowserRunPool();
  const started = performance.now();
  const documentId = useDocumentStore.getState().recoveryId;
  const text = serializeScenario(doc);
  // The results shown (and their meta, and where they are kept) stay until this run has results of its own: a run
  // until precise shows its estimates at each checkpoint; if it is cancelled, the earlier results come back.
  const previous = { result: runs.result, meta: runs.meta, keptIn: runs.keptIn };
  const total = config.replications * config.variants.length;
  runs.set({ status: { kind: 'running', done: 0, total, elapsedMs: 0, events: 0, precision: null } });
  const meta: RunMeta = {
    scenarioName: doc.name,
    scenario: doc,
    scenarioHash: await sha256Hex(text),
    appVersion,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    variants: config.variants,
    replications: config.replications,
    seed: config.seed,
    workers: pool.size,
  };
  const running = (patch: Partial<Extract<RunStatus, { kind: 'running' }>>) => {
    const now = useRunStore.getState().status;
    if (now.kind === 'running') useRunStore.getState().set({ status: { ...now, ...patch } });
  };
  let shownPartial = false;
  try {
    const result = await pool.run(doc, {
      replications: config.replications,
      precision: config.precision,
      seed: config.seed,
      variants: config.variants,
      onProgress: (done, total, events) => running({ done, total, elapsedMs: performance.now() - started, events }),
      onCheckpoint: (c) => {
        const worst = c.worst;
        running({ precision: worst ? { replications: c.replications, metric: METRIC_INFO[worst.metric].label, halfWidthPct: worst.halfWidthPct, targetPct: worst.targetPct } : { replications: c.replications, metric: '', halfWidthPct: 0, targetPct: 0 } });
        // The estimates so far, summarised in a task of their own (not the one that combined the chunk).
        setTimeout(() => {
          if (useRunStore.getState().status.kind !== 'running' || useDocumentStore.getState().recoveryId !== documentId) return;
          shownPartial = true;
          useRunStore.getState().set({ result: c.partial(), meta, keptIn: null });
          running({ partial: true });
        }, 0);
      },
    });
    // Showing the result (the cards) in a task of its own, after the one that summarised the run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Results belong to the document they were made from: another one may have been opened meanwhile.
    if (useDocumentStore.getState().recoveryId !== documentId) return;
    useRunStore.getState().set({ result, keptIn: null, status: { kind: 'done', seconds: (performance.now() - started) / 1000 }, meta: { ...meta, finishedAt: new Date().toISOString() } });
  } catch (err) {
    const restore = shownPartial ? previous : {};
    if (err instanceof RunCancelled) useRunStore.getState().set({ ...restore, status: { kind: 'cancelled' } });
    else useRunStore.getState().set({ ...restore, status: { kind: 'error', message: err instanceof Error ? err.message : String(err) } });
  }
}

/**
 * Runs a list of variants of the open scenario for an analysis (not the main
 * comparison), on the same pool; rejects if a run is already going on.
 */
export async function runAnalysis(variants: VariantSpec[], replications: number, seed: number, onProgress: (done: number, total: number) => void) {
  const doc = useDocumentStore.getState().doc;
  if (!doc) throw new Error('No scenario is open.');
  if (useRunStore.getState().status.kind === 'running') throw new Error('Wait for the run in progress to finish.');
  pool ??= new BrowserRunPool();
  return pool.run(doc, { replications, seed, variants, onProgress });
}

/**
 * Races an analysis's candidates against its baseline (the first variant) on
 * the same pool (see simulation/analysis/racing.ts): candidates clearly
 * ranked out of the leaders stop early. Rejects if a run is already going on.
 * `scenario`: the open scenario as the analysis measures it (the stress test's
 * window, see stressWindowScenario); by default the open scenario.
 */
export async function runRaceAnalysis(options: RaceOptions, scenario?: Scenario): Promise<{ result: RunResult; race: RaceInfo }> {
  const doc = useDocumentStore.getState().doc;
  if (!doc) throw new Error('No scenario is open.');
  if (useRunStore.getState().status.kind === 'running') throw new Error('Wait for the run in progress to finish.');
  pool ??= new BrowserRunPool();
  return pool.race(scenario ?? doc, options);
}

/**
 * Replays an incident log of the open scenario under each variant on the
 * same pool (see simulation/replay/); rejects if a run is already going on.
 */
export async function runReplayJob(log: IncidentLog, options: ReplayOptions, onProgress: (done: number, total: number) => void): Promise<ReplayComparison> {
  const doc = useDocumentStore.getState().doc;
  if (!doc) throw new Error('No scenario is open.');
  if (useRunStore.getState().status.kind === 'running') throw new Error('Wait for the run in progress to finish.');
  pool ??= new BrowserRunPool();
  return pool.replay(doc, log, { ...options, onProgress });
}

/** Stops the run in progress at once. */
export function cancelRun(): void {
  pool?.cancel();
}
