import { compileModel } from '../model/compile';
import { PrefixForks } from '../model/fork';
import { replicationSeed, runReplication } from '../model/replication';
import type { Scenario } from '../scenario/schema';
import type { VariantAccumulator } from './variantSummary';
import { resolveVariantSpec, type VariantSpec } from './variantSpec';
import type { ChunkSummary } from './chunkSummary';
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
  /**
   * Replications [to, ahead) that a later `run` will ask for unless the
   * caller stops first: a runner may run them when a worker would otherwise
   * wait for the others (at a checkpoint), keeping their results, not adding
   * them, until a later `run`'s `to` takes them in. A later `to` must then
   * reach `ahead`, or the caller stop.
   */
  ahead?: number;
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

/** In this thread (tests, small runs); `forkAt` as {@link WorkerRunnerOptions.forkAt}. */
export function inThreadRunner(scenario: Scenario, seed: number, maxEvents?: number, forkAt?: number): RangeRunner {
  const models = new Map<VariantAccumulator, ReturnType<typeof compileModel>>();
  const forks = forkAt === undefined ? null : new PrefixForks();
  return {
    run(tasks, onChunk) {
      for (const t of tasks) {
        let model = models.get(t.accumulator);
        if (!model) models.set(t.accumulator, (model = compileModel(resolveVariantSpec(scenario, t.spec).model)));
        forks?.keepRange(t.accumulator.count, t.to);
        for (let i = t.accumulator.count; i < t.to; i++) {
          const r = forks ? forks.run(model, i, replicationSeed(seed, i), forkAt!, maxEvents) : runReplication(model, i, replicationSeed(seed, i), { maxEvents });
          t.accumulator.add(r);
          onChunk?.(1, r.events);
        }
      }
      return Promise.resolve();
    },
  };
}

let rangeRunCounter = 0;
/** Job ids unique in this thread, so that a late answer (to a chunk run ahead for a run that then stopped) is never taken for another run's. */
let jobCounter = 0;

/** A chunk of one variant's replications [from, to); its summary once it is back. */
interface Chunk {
  readonly from: number;
  readonly to: number;
  summary: ChunkSummary | null;
}

/** A variant's chunks not yet added to its accumulator, in replication order. */
interface VariantChunks {
  readonly key: string;
  readonly spec: VariantSpec;
  readonly accumulator: VariantAccumulator;
  readonly chunks: Chunk[];
  /** Where the chunks planned so far end. */
  planned: number;
  /** How far the current `run` takes the variant: chunks past it wait there. */
  to: number;
}

/** A runner on workers, which {@link RangeTask.ahead} may leave with chunks running when a `run` resolves. */
export interface WorkerRangeRunner extends RangeRunner {
  /**
   * Stops running ahead: chunks ahead of the run not yet posted are dropped,
   * and it resolves once no chunk of this runner is running on a worker. Call
   * it before the workers serve anything else.
   */
  drain(): Promise<void>;
}

/** How a {@link workerRunner} runs its chunks. */
export interface WorkerRunnerOptions {
  /** Checked as each chunk comes back (default: never). */
  isCancelled?: () => boolean;
  maxEvents?: number;
  /** Chunks each worker has in flight (default 2). */
  inFlightPerWorker?: number;
  /** False for analyses whose accumulators keep no bands: the workers then send no bins (default true). */
  bands?: boolean;
  /**
   * Workers, by index, put to work only when their share of the waiting work
   * reaches {@link COLD_START_EVENTS} (default: none). The CLI pool passes its
   * workers that have run nothing yet, one list for all its runs; the app,
   * all but the first, a new list per run (see joinWhenWorthIt). A worker's
   * flag is cleared here once it has answered. Results do not depend on it.
   */
  cold?: boolean[];
  /** The events of waiting work a cold worker's share must reach before it is put to work (default {@link COLD_START_EVENTS}). */
  coldStartEvents?: number;
  /** The hour from which the variants differ only by planned absences: their runs share what comes before (see ChunkRequest.forkAt). */
  forkAt?: number;
}

/**
 * Events of waiting work a cold worker must have as its share before it is
 * put to work. A worker's first few hundred replications run many times
 * slower than later ones while V8 compiles the model's code, on a thread of
 * its own: 200 replications of the walled data team take about 0.35 s in a
 * new thread (0.55 s of CPU) and 0.05 s once warm. On a machine with few
 * cores, a second cold worker's compiling competes with the first's for them,
 * and a run that is over in half a second finishes sooner on one worker (the
 * bench's answers: 0.46-0.54 s on one against 0.58-0.72 s on two). In the time
 * a new worker spends warming up, a warm one runs about this many events.
 */
export const COLD_START_EVENTS = 400_000;

/**
 * On workers (the app's Web Workers, the CLI's threads): splits each task into
 * chunks small enough to keep every worker busy, and adds each variant's
 * chunks in replication order as they come back. Each worker has `inFlight`
 * chunks posted and not yet answered: more than one, so that it never waits
 * for the next to be posted; a few more where the coordinating thread also
 * draws the page (the first chunks are single replications, which a warm
 * worker runs faster than a busy UI thread comes back to its messages), but
 * not many, since at the end of a batch one worker may still have them all
 * to run while the others wait. With
 * `ahead`, the chunks of [to, ahead) are posted after the run's own and keep
 * the workers busy while the caller decides what comes next. `isCancelled` is
 * checked as each chunk comes back; the caller stops the workers themselves
 * for an immediate stop.
 */
export function workerRunner(workers: readonly WorkerPort[], scenario: Scenario, seed: number, options: WorkerRunnerOptions = {}): WorkerRangeRunner {
  const { isCancelled = () => false, maxEvents, inFlightPerWorker = 2, bands = true, coldStartEvents = COLD_START_EVENTS, forkAt } = options;
  // One run id for the whole run or analysis, so workers keep each variant's compiled model between batches.
  const runId = `range-${++rangeRunCounter}`;
  const variants = new Map<VariantAccumulator, VariantChunks>();
  // Which variants each worker has been sent (and compiled) in this run: later chunks go without the scenario.
  const sent = workers.map(() => new Set<string>());
  const inFlight = workers.map(() => 0);
  const posted = new Map<number, Chunk>();
  // Chunks to post, in order: each run's own, then those ahead of it.
  const queue: { variant: VariantChunks; chunk: Chunk }[] = [];
  let failure: Error | null = null;
  let current: { onChunk?: (replications: number, events: number) => void; resolve: () => void; reject: (err: Error) => void } | null = null;
  let onIdle: (() => void) | null = null;
  const idle = () => inFlight.every((n) => n === 0);
  const cold = options.cold ?? workers.map(() => false);
  // Workers this runner may give work to: every warm one, and cold ones once there is enough for them.
  const engaged = workers.map((_, w) => cold[w] !== true);
  // Events per replication of the chunks back so far (all variants), to weigh the waiting work.
  let eventsBack = 0;
  let replicationsBack = 0;
  const engageMore = () => {
    const active = engaged.filter(Boolean).length;
    if (active === engaged.length || queue.length === 0) return;
    let wanted: boolean;
    if (active === 0) wanted = true;
    else if (replicationsBack === 0) wanted = false;
    else {
      let waiting = 0;
      for (const { chunk } of queue) waiting += chunk.to - chunk.from;
      wanted = (waiting * eventsBack) / replicationsBack / (active + 1) >= coldStartEvents;
    }
    if (!wanted) return;
    const w = engaged.indexOf(false);
    engaged[w] = true;
    feed(w);
    engageMore();
  };

  const fail = (err: unknown) => {
    if (failure) return;
    failure = err instanceof Error ? err : new Error(String(err));
    queue.length = 0;
    current?.reject(failure);
    current = null;
    // A worker that failed may never answer: nothing is left to wait for.
    onIdle?.();
  };
  const feed = (w: number) => {
    while (engaged[w] && inFlight[w]! < inFlightPerWorker && queue.length > 0) {
      const { variant, chunk } = queue.shift()!;
      const jobId = ++jobCounter;
      posted.set(jobId, chunk);
      inFlight[w]!++;
      const range = { seed, from: chunk.from, to: chunk.to, maxEvents, ...(bands ? {} : { bands }), ...(forkAt === undefined ? {} : { forkAt }) };
      const known = sent[w]!.has(variant.key);
      sent[w]!.add(variant.key);
      workers[w]!.post(
        known
          ? { type: 'chunkMore', jobId, runId, variantKey: variant.key, range }
          : { type: 'chunk', jobId, runId, variantKey: variant.key, request: { scenario, variant: variant.spec, ...range } },
      );
    }
  };
  // Adds each variant's chunks that are back, in order, as far as the run in progress takes it; resolves the run when all are there.
  const advance = () => {
    if (!current) return;
    let done = true;
    for (const v of variants.values()) {
      while (v.chunks[0]?.summary && v.chunks[0].to <= v.to) {
        const summary = v.chunks.shift()!.summary!;
        v.accumulator.addChunk(summary);
        current.onChunk?.(summary.count, summary.events);
      }
      if (v.accumulator.count < v.to) done = false;
    }
    if (done) {
      const finished = current;
      current = null;
      finished.resolve();
    }
  };
  const onMessage = (w: number) => (msg: FromWorker) => {
    const chunk = posted.get(msg.jobId);
    // Not this runner's (a late answer to an earlier runner on the same workers).
    if (!chunk) return;
    posted.delete(msg.jobId);
    inFlight[w]!--;
    if (!failure) {
      if (isCancelled()) fail(new RunCancelled());
      else if (msg.type === 'error') fail(new Error(`A simulation worker failed: ${msg.message}`));
      else if (msg.type !== 'result') fail(new Error(`A simulation worker answered ${msg.type} to a run`));
      else {
        chunk.summary = msg.summary;
        cold[w] = false;
        eventsBack += msg.summary.events;
        replicationsBack += msg.summary.count;
        try {
          advance();
        } catch (err) {
          fail(err);
        }
        feed(w);
        engageMore();
      }
    }
    if (idle()) onIdle?.();
  };
  // `together`: the replications planned in the same pass for every task (chunks are sized on it, see chunkRanges).
  const plan = (v: VariantChunks, to: number, together: number): Chunk[] => {
    const from = v.planned;
    if (to <= from) return [];
    v.planned = to;
    return chunkRanges(to - from, workers.length, together).map(([a, b]) => ({ from: from + a, to: from + b, summary: null }));
  };
  const pass = (ends: readonly { v: VariantChunks; to: number }[]) => {
    const together = ends.reduce((sum, { v, to }) => sum + Math.max(0, to - v.planned), 0);
    enqueue(ends.map(({ v, to }) => ({ variant: v, chunks: plan(v, to, together) })));
  };
  // The chunks of all the tasks in turn (the first of each, then the second, ...), so that every variant advances together.
  const enqueue = (planned: readonly { variant: VariantChunks; chunks: Chunk[] }[]) => {
    for (let k = 0; planned.some((p) => k < p.chunks.length); k++) {
      for (const { variant, chunks } of planned) {
        const chunk = chunks[k];
        if (!chunk) continue;
        variant.chunks.push(chunk);
        queue.push({ variant, chunk });
      }
    }
  };

  return {
    run(tasks, onChunk) {
      if (failure) return Promise.reject(failure);
      if (current) return Promise.reject(new Error('a range runner runs one batch at a time'));
      const chosen = tasks.map((task) => {
        let v = variants.get(task.accumulator);
        if (!v) {
          const count = task.accumulator.count;
          v = { key: String(variants.size), spec: task.spec, accumulator: task.accumulator, chunks: [], planned: count, to: count };
          variants.set(task.accumulator, v);
        }
        // Chunks run ahead are not split: a run ends where one of them does.
        if (task.to > task.accumulator.count && task.to < v.planned && !v.chunks.some((c) => c.to === task.to)) {
          throw new RangeError(`replications up to ${task.to} were asked for after chunks up to ${v.planned} were planned, and no chunk ends at ${task.to}`);
        }
        v.to = Math.max(task.to, task.accumulator.count);
        return { task, v };
      });
      pass(chosen.map(({ task, v }) => ({ v, to: task.to })));
      pass(chosen.map(({ task, v }) => ({ v, to: task.ahead ?? task.to })));
      return new Promise<void>((resolve, reject) => {
        current = { onChunk, resolve, reject };
        workers.forEach((worker, w) => worker.listen(onMessage(w), fail));
        try {
          advance();
        } catch (err) {
          fail(err);
        }
        workers.forEach((_, w) => feed(w));
        engageMore();
      });
    },
    drain() {
      // Chunks ahead not posted yet are dropped (and planned again if a later run asks for them).
      for (let i = queue.length - 1; i >= 0; i--) {
        const { variant, chunk } = queue[i]!;
        if (chunk.from < variant.to) continue;
        queue.splice(i, 1);
        variant.chunks.splice(variant.chunks.indexOf(chunk), 1);
        variant.planned = Math.min(variant.planned, chunk.from);
      }
      if (idle()) return Promise.resolve();
      return new Promise<void>((resolve) => {
        onIdle = () => {
          onIdle = null;
          resolve();
        };
      });
    },
  };
}
