import type { Scenario } from '../scenario/schema';
import { finishRun, precisionOf, runResultOf, type RunResult } from './runScenario';
import { firstCheckpoint, nextCheckpoint, stoppingInfo, worstFigure, type FigurePrecision, type PrecisionTarget, type StoppingInfo } from './precision';
import { resolveVariantSpec, type VariantSpec } from './variantSpec';
import { VariantAccumulator, type VariantSummary } from './variantSummary';
import { chunkRanges, type FromWorker, type ToWorker } from './workerProtocol';

/** A worker as the coordinator sees it, whatever runs it (a Node worker thread, a Web Worker). */
export interface WorkerPort {
  post(message: ToWorker): void;
  /** Sets the handler for this worker's messages (replacing any earlier one). */
  listen(onMessage: (message: FromWorker) => void, onError: (error: unknown) => void): void;
}

export interface CoordinatedRunOptions {
  /** A fixed number of replications; with `precision`, ignored (the target's maximum bounds the run). */
  replications: number;
  /** Run until precise (see precision.ts): the same checkpoints, replications and figures on any number of workers. */
  precision?: PrecisionTarget;
  /**
   * Called at each checkpoint of a run until precise, after its replications are combined: how many, every headline
   * figure's precision so far and the least precise one; `partial` builds the results so far (costly: call it only
   * when they will be shown).
   */
  onCheckpoint?: (checkpoint: { replications: number; figures: FigurePrecision[]; worst: FigurePrecision | null; partial: () => RunResult }) => void;
  seed: number;
  variants: VariantSpec[];
  maxEvents?: number;
  /** Replications done so far (all variants), the total (with `precision`, the most there can be), and the events they processed. */
  onProgress?: (done: number, total: number, events: number) => void;
  /**
   * Runs the final summary (finishRun) later, e.g. in a task of its own on a
   * UI thread, so that combining the last chunk and summarising the run do
   * not add up to one long task. Default: at once.
   */
  defer?: (work: () => void) => void;
}

/** Thrown by {@link runOnWorkers} when the run was cancelled. */
export class RunCancelled extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'RunCancelled';
  }
}

let runCounter = 0;

/**
 * Runs replications on a set of workers: splits them into chunks, keeps every
 * worker busy, and combines the chunks of each variant in replication order,
 * so the result is exactly what `runScenario` gives in one thread, however
 * many workers there are and in whatever order they finish. With a precision
 * target, replications run in batches up to checkpoints chosen from the
 * results so far only (see precision.ts), so that holds too. `isCancelled` is
 * checked whenever a chunk comes back; the caller stops the workers
 * themselves (terminating them) for an immediate stop.
 */
export function runOnWorkers(workers: readonly WorkerPort[], scenario: Scenario, options: CoordinatedRunOptions, isCancelled: () => boolean = () => false): Promise<RunResult> {
  const runId = `run-${++runCounter}`;
  const specs = options.variants.length ? options.variants : [{ kind: 'base' as const }];
  const accumulators = specs.map((spec) => {
    const r = resolveVariantSpec(scenario, spec);
    return new VariantAccumulator(r.id, r.name);
  });
  const target = options.precision;
  const total = (target ? target.maxReplications : options.replications) * specs.length;
  /** Each variant's chunks in replication order, as job ids. */
  const order: number[][] = specs.map(() => []);
  const nextChunk = specs.map(() => 0);
  const jobs: ToWorker[] = [];
  const pending = new Map<number, Extract<FromWorker, { type: 'result' }>>();
  const idle: WorkerPort[] = [];
  let next = 0;
  let done = 0;
  let events = 0;
  /** The replications every variant must reach before the next decision. */
  let checkpoint = target ? firstCheckpoint(target) : options.replications;

  const plan = (from: number, to: number) => {
    const ranges = chunkRanges(to - from, workers.length).map(([a, b]): [number, number] => [a + from, b + from]);
    specs.forEach((variant, v) =>
      ranges.forEach(([a, b]) => {
        order[v]!.push(jobs.length);
        jobs.push({ type: 'chunk', jobId: jobs.length, runId, variantKey: String(v), request: { scenario, variant, seed: options.seed, from: a, to: b, maxEvents: options.maxEvents } });
      }),
    );
  };
  plan(0, checkpoint);

  return new Promise<RunResult>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    const feed = (worker: WorkerPort) => {
      if (next < jobs.length) worker.post(jobs[next++]!);
      else idle.push(worker);
    };
    const finish = (replications: number, stopping?: StoppingInfo) => {
      settled = true;
      const defer = options.defer;
      if (!defer) return resolve(finishRun(scenario, options.seed, replications, accumulators, stopping));
      // Deferred: each variant's summary in a task of its own, then the comparisons.
      const summaries: VariantSummary[] = [];
      const step = () =>
        defer(() => {
          try {
            if (summaries.length < accumulators.length) {
              summaries.push(accumulators[summaries.length]!.summary());
              step();
            } else resolve(runResultOf(scenario, options.seed, replications, summaries, stopping));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
      step();
    };
    /** At a checkpoint: stop, or plan the next batch and wake the idle workers. */
    const decide = () => {
      if (!target) return finish(options.replications);
      const measured = precisionOf(accumulators, target);
      options.onCheckpoint?.({
        replications: checkpoint,
        figures: measured.figures,
        worst: worstFigure(measured.figures),
        partial: () => finishRun(scenario, options.seed, checkpoint, accumulators, stoppingInfo(checkpoint, measured, target)),
      });
      const to = nextCheckpoint(checkpoint, measured.figures, target);
      if (to === null) return finish(checkpoint, stoppingInfo(checkpoint, measured, target));
      plan(checkpoint, to);
      checkpoint = to;
      for (const worker of idle.splice(0)) feed(worker);
    };
    const onMessage = (worker: WorkerPort) => (msg: FromWorker) => {
      if (settled) return;
      if (isCancelled()) return fail(new RunCancelled());
      if (msg.type === 'error') return fail(new Error(`A simulation worker failed: ${msg.message}`));
      if (msg.type !== 'result') return fail(new Error(`A simulation worker answered ${msg.type} to a run`));
      pending.set(msg.jobId, msg);
      for (let v = 0; v < specs.length; v++) {
        for (;;) {
          const id = order[v]![nextChunk[v]!];
          const ready = id === undefined ? undefined : pending.get(id);
          if (!ready) break;
          pending.delete(id!);
          accumulators[v]!.addChunk(ready.summary);
          done += ready.summary.count;
          events += ready.summary.events;
          nextChunk[v]!++;
        }
      }
      options.onProgress?.(done, total, events);
      feed(worker);
      if (accumulators.every((a) => a.count >= checkpoint)) {
        try {
          decide();
        } catch (err) {
          fail(err);
        }
      }
    };
    for (const worker of workers) {
      worker.listen(onMessage(worker), fail);
      feed(worker);
    }
    if (checkpoint === 0) finish(0);
  });
}
