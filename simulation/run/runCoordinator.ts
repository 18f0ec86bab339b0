import type { Scenario } from '../scenario/schema';
import { finishRun, precisionOf, runResultOf, type RunResult } from './runScenario';
import { expectedPast, firstCheckpoint, leastNextCheckpoint, nextCheckpoint, stoppingInfo, worstFigure, type FigurePrecision, type PrecisionTarget, type StoppingInfo } from './precision';
import { resolveVariantSpec, type VariantSpec } from './variantSpec';
import { VariantAccumulator, type VariantSummary } from './variantSummary';
import { workerRunner, type WorkerPort } from './rangeRunner';

export { RunCancelled, type WorkerPort } from './rangeRunner';

/** Replications (of every variant) after which a run until precise shows its first estimates, before its first checkpoint. */
export const EARLY_ESTIMATE = 10;

export interface CoordinatedRunOptions {
  /** A fixed number of replications; with `precision`, ignored (the target's maximum bounds the run). */
  replications: number;
  /** Run until precise (see precision.ts): the same checkpoints, replications and figures on any number of workers. */
  precision?: PrecisionTarget;
  /**
   * Called at each checkpoint of a run until precise, after its replications are combined: how many, every headline
   * figure's precision so far and the least precise one; `partial` builds the results so far (costly: call it only
   * when they will be shown). The first call, `early`, comes after {@link EARLY_ESTIMATE} replications, before the
   * first real checkpoint, so that first estimates show soon; it never decides when the run stops.
   */
  onCheckpoint?: (checkpoint: { replications: number; figures: FigurePrecision[]; worst: FigurePrecision | null; partial: () => RunResult; early?: boolean }) => void;
  seed: number;
  variants: VariantSpec[];
  maxEvents?: number;
  /** Which workers have run nothing yet (see WorkerRunnerOptions.cold). */
  cold?: boolean[];
  /** Chunks each worker has posted and not yet answered (default 2; see workerRunner). */
  inFlight?: number;
  /** Replications done so far (all variants), the total (with `precision`, the most there can be), and the events they processed. */
  onProgress?: (done: number, total: number, events: number) => void;
  /**
   * Runs the final summary (finishRun) later, e.g. in a task of its own on a
   * UI thread, so that combining the last chunk and summarising the run do
   * not add up to one long task. Default: at once.
   */
  defer?: (work: () => void) => void;
}

/**
 * Runs replications on a set of workers (see {@link workerRunner}), combining
 * each variant's chunks in replication order, so the result is exactly what
 * `runScenario` gives in one thread, however many workers there are and in
 * whatever order they finish. With a precision target, replications run in
 * batches up to checkpoints chosen from the results so far only (see
 * precision.ts), so that holds too.
 */
export async function runOnWorkers(workers: readonly WorkerPort[], scenario: Scenario, options: CoordinatedRunOptions, isCancelled: () => boolean = () => false): Promise<RunResult> {
  const specs = options.variants.length ? options.variants : [{ kind: 'base' as const }];
  const accumulators = specs.map((spec) => {
    const r = resolveVariantSpec(scenario, spec);
    return new VariantAccumulator(r.id, r.name);
  });
  const runner = workerRunner(workers, scenario, options.seed, { isCancelled, maxEvents: options.maxEvents, inFlightPerWorker: options.inFlight, cold: options.cold });
  const target = options.precision;
  const total = (target ? target.maxReplications : options.replications) * specs.length;
  let done = 0;
  let events = 0;
  // `ahead`: replications certain to be asked for next unless the run stops, run while a checkpoint is decided.
  const runTo = (to: number, ahead?: number) =>
    runner.run(
      specs.map((spec, v) => ({ spec, accumulator: accumulators[v]!, to, ...(ahead !== undefined && ahead > to ? { ahead } : {}) })),
      (count, chunkEvents) => {
        done += count;
        events += chunkEvents;
        options.onProgress?.(done, total, events);
      },
    );
  if (!target) {
    await runTo(options.replications);
    return finish(scenario, options, options.replications, accumulators);
  }
  let checkpoint: number | null = firstCheckpoint(target);
  let reached = 0;
  let measured = precisionOf(accumulators, target);
  const report = (early: boolean) => {
    const at = accumulators[0]!.count;
    const now = precisionOf(accumulators, target);
    options.onCheckpoint?.({
      replications: at,
      figures: now.figures,
      worst: worstFigure(now.figures),
      partial: () => finishRun(scenario, options.seed, at, accumulators, stoppingInfo(at, now, target)),
      ...(early ? { early } : {}),
    });
    return now;
  };
  // The latest figures, from which to guess whether the run goes on past its next checkpoint.
  let latest = { at: 0, figures: measured.figures };
  // A first estimate from a small batch; the same replications would run anyway, so the result does not change.
  if (options.onCheckpoint && checkpoint > EARLY_ESTIMATE) {
    await runTo(EARLY_ESTIMATE, checkpoint);
    latest = { at: EARLY_ESTIMATE, figures: report(true).figures };
  }
  while (checkpoint !== null) {
    // Running ahead costs nothing if the run goes on, and a few chunks thrown away if it stops: only when it likely goes on.
    await runTo(checkpoint, expectedPast(checkpoint, latest.at, latest.figures, target) ? leastNextCheckpoint(checkpoint, target) : undefined);
    reached = checkpoint;
    measured = report(false);
    latest = { at: reached, figures: measured.figures };
    checkpoint = nextCheckpoint(reached, measured.figures, target);
  }
  // Chunks run ahead of a stop are dropped, but answered before the workers serve anything else.
  await runner.drain();
  return finish(scenario, options, reached, accumulators, stoppingInfo(reached, measured, target));
}

/** The run's result, summarised at once or, with `defer`, each variant in a task of its own, then the comparisons. */
async function finish(scenario: Scenario, options: CoordinatedRunOptions, replications: number, accumulators: VariantAccumulator[], stopping?: StoppingInfo): Promise<RunResult> {
  if (!options.defer) return finishRun(scenario, options.seed, replications, accumulators, stopping);
  const summaries = await summariseVariants(accumulators, options.defer);
  return deferred(options.defer, () => runResultOf(scenario, options.seed, replications, summaries, stopping));
}

/**
 * Every variant's summary, each made in a task of its own through `defer` (e.g. `setTimeout(work, 0)` on a UI
 * thread), so that summarising many variants is not one long task; at once without `defer`.
 */
export async function summariseVariants(accumulators: readonly VariantAccumulator[], defer?: (work: () => void) => void): Promise<VariantSummary[]> {
  if (!defer) return accumulators.map((a) => a.summary());
  const summaries: VariantSummary[] = [];
  for (const a of accumulators) summaries.push(await deferred(defer, () => a.summary()));
  return summaries;
}

/** `work` run through `defer`, its value or error as a promise. */
function deferred<T>(defer: (work: () => void) => void, work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) =>
    defer(() => {
      try {
        resolve(work());
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    }),
  );
}
