import type { Scenario } from '../scenario/schema';
import { finishRun, runResultOf, type RunResult } from './runScenario';
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
  replications: number;
  seed: number;
  variants: VariantSpec[];
  maxEvents?: number;
  /** Replications done so far (all variants), the total, and the events they processed. */
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
 * many workers there are and in whatever order they finish. `isCancelled` is
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
  const ranges = chunkRanges(options.replications, workers.length);
  const jobs: ToWorker[] = [];
  specs.forEach((variant, v) =>
    ranges.forEach(([from, to]) =>
      jobs.push({ type: 'chunk', jobId: jobs.length, runId, variantKey: String(v), request: { scenario, variant, seed: options.seed, from, to, maxEvents: options.maxEvents } }),
    ),
  );
  const total = options.replications * specs.length;
  const pending = new Map<number, Extract<FromWorker, { type: 'result' }>>();
  const nextChunk = specs.map(() => 0);
  let done = 0;
  let events = 0;
  let finished = 0;
  let next = 0;

  return new Promise<RunResult>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    const feed = (worker: WorkerPort) => {
      if (next < jobs.length) worker.post(jobs[next++]!);
    };
    const onMessage = (worker: WorkerPort) => (msg: FromWorker) => {
      if (settled) return;
      if (isCancelled()) return fail(new RunCancelled());
      if (msg.type === 'error') return fail(new Error(`A simulation worker failed: ${msg.message}`));
      if (msg.type !== 'result') return fail(new Error(`A simulation worker answered ${msg.type} to a run`));
      pending.set(msg.jobId, msg);
      for (let v = 0; v < specs.length; v++) {
        for (;;) {
          if (nextChunk[v]! >= ranges.length) break;
          const id = v * ranges.length + nextChunk[v]!;
          const ready = pending.get(id);
          if (!ready) break;
          pending.delete(id);
          accumulators[v]!.addChunk(ready.summary);
          done += ready.summary.count;
          events += ready.summary.events;
          nextChunk[v]!++;
          finished++;
        }
      }
      options.onProgress?.(done, total, events);
      if (finished === jobs.length) {
        settled = true;
        const defer = options.defer;
        if (!defer) return resolve(finishRun(scenario, options.seed, options.replications, accumulators));
        // Deferred: each variant's summary in a task of its own, then the comparisons.
        const summaries: VariantSummary[] = [];
        const step = () =>
          defer(() => {
            try {
              if (summaries.length < accumulators.length) {
                summaries.push(accumulators[summaries.length]!.summary());
                step();
              } else resolve(runResultOf(scenario, options.seed, options.replications, summaries));
            } catch (err) {
              reject(err instanceof Error ? err : new Error(String(err)));
            }
          });
        step();
      } else feed(worker);
    };
    for (const worker of workers) {
      worker.listen(onMessage(worker), fail);
      feed(worker);
    }
    if (jobs.length === 0) {
      settled = true;
      resolve(finishRun(scenario, options.seed, options.replications, accumulators));
    }
  });
}
