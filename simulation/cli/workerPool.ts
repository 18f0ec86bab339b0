import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema';
import { finishRun, type RunResult } from '../run/runScenario';
import type { VariantSpec } from '../run/variantSpec';
import { resolveVariantSpec } from '../run/variantSpec';
import { VariantAccumulator } from '../run/variantSummary';
import { chunkRanges, type FromWorker, type ToWorker } from '../run/workerProtocol';

export interface PoolRunOptions {
  replications: number;
  seed: number;
  variants: VariantSpec[];
  maxEvents?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * A pool of worker threads (one per core by default) that runs replications
 * in parallel. Results are combined in replication order, so a run gives the
 * same numbers with any number of workers.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private runs = 0;

  constructor(size = Math.max(1, os.availableParallelism?.() ?? os.cpus().length)) {
    // From source (npm run simulate, tests) workers load TypeScript through tsx; built, plain JavaScript.
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(fromSource ? './workerFromSource.mjs' : './worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => new Worker(url));
  }

  get size(): number {
    return this.workers.length;
  }

  async run(scenario: Scenario, options: PoolRunOptions): Promise<RunResult> {
    const runId = `run-${++this.runs}`;
    const specs = options.variants.length ? options.variants : [{ kind: 'base' as const }];
    const accumulators = specs.map((spec) => {
      const r = resolveVariantSpec(scenario, spec);
      return new VariantAccumulator(r.id, r.name);
    });
    const ranges = chunkRanges(options.replications, this.workers.length);
    const jobs: ToWorker[] = [];
    specs.forEach((variant, v) =>
      ranges.forEach(([from, to]) =>
        jobs.push({ type: 'chunk', jobId: jobs.length, runId, variantKey: String(v), request: { scenario, variant, seed: options.seed, from, to, maxEvents: options.maxEvents } }),
      ),
    );
    // Results may arrive out of order; each variant takes its chunks in order.
    const pending = new Map<number, FromWorker & { type: 'result' }>();
    const nextChunk = specs.map(() => 0);
    const total = options.replications * specs.length;
    let done = 0;
    let next = 0;

    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const feed = (worker: Worker) => {
        if (next < jobs.length) worker.postMessage(jobs[next++]);
      };
      const onMessage = (worker: Worker) => (msg: FromWorker) => {
        if (msg.type === 'error') return reject(new Error(`a worker failed: ${msg.message}`));
        pending.set(msg.jobId, msg);
        for (let v = 0; v < specs.length; v++) {
          for (;;) {
            const id = v * ranges.length + nextChunk[v]!;
            const ready = nextChunk[v]! < ranges.length ? pending.get(id) : undefined;
            if (!ready) break;
            pending.delete(id);
            accumulators[v]!.addChunk(ready.summary);
            done += ready.summary.count;
            nextChunk[v]!++;
            finished++;
          }
        }
        options.onProgress?.(done, total);
        if (finished === jobs.length) resolve();
        else feed(worker);
      };
      for (const worker of this.workers) {
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        worker.on('message', onMessage(worker));
        worker.on('error', reject);
        feed(worker);
      }
      if (jobs.length === 0) resolve();
    });
    return finishRun(scenario, options.seed, options.replications, accumulators);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
