import { compileModel } from '../model/compile';
import { replicationSeed, runReplication } from '../model/replication';
import type { Scenario } from '../scenario/schema';
import type { VariantAccumulator } from './variantSummary';
import { resolveVariantSpec, type VariantSpec } from './variantSpec';
import { chunkRanges, type FromWorker, type ToWorker } from './workerProtocol';

/** A worker as the coordinator sees it, whatever runs it (a Node worker thread, a Web Worker). */
export interface WorkerPort {
  post(message: ToWorker): void;
  /** Sets the handler for this worker's messages (replacing any earlier one). */
  listen(onMessage: (message: FromWorker) => void, onError: (error: unknown) => void): void;
}

/** Thrown when a run is cancelled. */
export class RunCancelled extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'RunCancelled';
  }
}

/** One variant to extend: its spec, the accumulator holding its replications so far, and how far to take it. */
export interface RangeTask {
  spec: VariantSpec;
  accumulator: VariantAccumulator;
  /** Replications [accumulator.count, to) are run next. */
  to: number;
}

/**
 * Runs some variants further, each from where its accumulator stands to its
 * own `to`, for analyses that give variants different numbers of replications
 * (racing: see simulation/analysis/racing.ts). Replication i of every variant
 * uses the same seed (common random numbers), and chunks are added in
 * replication order, so the result does not depend on the number of workers.
 * Resolves when every task has reached its `to`; `onChunk` reports progress.
 */
export interface RangeRunner {
  run(tasks: readonly RangeTask[], onChunk?: (replications: number, events: number) => void): Promise<void>;
}

/** In this thread (tests, small runs). */
export function inThreadRunner(scenario: Scenario, seed: number, maxEvents?: number): RangeRunner {
  const models = new Map<VariantAccumulator, ReturnType<typeof compileModel>>();
  return {
    run(tasks, onChunk) {
      for (const t of tasks) {
        let model = models.get(t.accumulator);
        if (!model) models.set(t.accumulator, (model = compileModel(resolveVariantSpec(scenario, t.spec).model)));
        for (let i = t.accumulator.count; i < t.to; i++) {
          const r = runReplication(model, i, replicationSeed(seed, i), { maxEvents });
          t.accumulator.add(r);
          onChunk?.(1, r.events);
        }
      }
      return Promise.resolve();
    },
  };
}

let rangeRunCounter = 0;

/**
 * On workers (the app's Web Workers, the CLI's threads): splits each task into
 * chunks small enough to keep every worker busy, and adds each variant's
 * chunks in replication order as they come back. `isCancelled` is checked as
 * each chunk comes back; the caller stops the workers themselves for an
 * immediate stop.
 */
export function workerRunner(workers: readonly WorkerPort[], scenario: Scenario, seed: number, isCancelled: () => boolean = () => false, maxEvents?: number): RangeRunner {
  // One run id for the whole run or analysis, so workers keep each variant's compiled model between batches.
  const runId = `range-${++rangeRunCounter}`;
  const keys = new Map<VariantAccumulator, string>();
  // Which variants each worker has been sent (and compiled) in this run: later chunks go without the scenario.
  const sent = workers.map(() => new Set<string>());
  return {
    run(tasks, onChunk) {
      const jobs: { variantKey: string; spec: VariantSpec; from: number; to: number }[] = [];
      const owner: { task: RangeTask; index: number }[] = [];
      const order: number[][] = tasks.map(() => []);
      // Chunks of all the tasks in turn (the first of each, then the second, ...), so that every variant advances together.
      const together = tasks.reduce((sum, task) => sum + Math.max(0, task.to - task.accumulator.count), 0);
      const ranges = tasks.map((task) => {
        if (!keys.has(task.accumulator)) keys.set(task.accumulator, String(keys.size));
        return chunkRanges(Math.max(0, task.to - task.accumulator.count), workers.length, together);
      });
      for (let k = 0; ranges.some((r) => k < r.length); k++) {
        tasks.forEach((task, t) => {
          const range = ranges[t]![k];
          if (!range) return;
          const from = task.accumulator.count;
          order[t]!.push(jobs.length);
          owner.push({ task, index: t });
          jobs.push({ variantKey: keys.get(task.accumulator)!, spec: task.spec, from: from + range[0], to: from + range[1] });
        });
      }
      if (jobs.length === 0) return Promise.resolve();
      const pending = new Map<number, Extract<FromWorker, { type: 'result' }>>();
      const next = tasks.map(() => 0);
      let posted = 0;
      let added = 0;
      return new Promise<void>((resolve, reject) => {
        let settled = false;
        const fail = (err: unknown) => {
          if (settled) return;
          settled = true;
          reject(err instanceof Error ? err : new Error(String(err)));
        };
        const feed = (w: number) => {
          if (posted >= jobs.length) return;
          const jobId = posted++;
          const job = jobs[jobId]!;
          const range = { seed, from: job.from, to: job.to, maxEvents };
          const known = sent[w]!.has(job.variantKey);
          sent[w]!.add(job.variantKey);
          workers[w]!.post(
            known
              ? { type: 'chunkMore', jobId, runId, variantKey: job.variantKey, range }
              : { type: 'chunk', jobId, runId, variantKey: job.variantKey, request: { scenario, variant: job.spec, ...range } },
          );
        };
        const onMessage = (w: number) => (msg: FromWorker) => {
          if (settled) return;
          if (isCancelled()) return fail(new RunCancelled());
          if (msg.type === 'error') return fail(new Error(`A simulation worker failed: ${msg.message}`));
          if (msg.type !== 'result') return fail(new Error(`A simulation worker answered ${msg.type} to a run`));
          pending.set(msg.jobId, msg);
          const t = owner[msg.jobId]!.index;
          for (;;) {
            const id = order[t]![next[t]!];
            const ready = id === undefined ? undefined : pending.get(id);
            if (!ready) break;
            pending.delete(id!);
            tasks[t]!.accumulator.addChunk(ready.summary);
            next[t]!++;
            added++;
            onChunk?.(ready.summary.count, ready.summary.events);
          }
          if (added === jobs.length) {
            settled = true;
            return resolve();
          }
          feed(w);
        };
        // Two chunks in flight per worker, so that it never waits for the next one to be posted.
        workers.forEach((worker, w) => {
          worker.listen(onMessage(w), fail);
          feed(w);
          feed(w);
        });
      });
    },
  };
}
