import { compileModel, type CompiledModel } from '../model/compile';
import { PrefixForks } from '../model/fork';
import { replicationSeed, runReplication } from '../model/replication';
import type { Scenario } from '../scenario/schema';
import { compileReplayModel, runReplayChunk, type ReplayChunkRequest } from '../replay/replayRun';
import type { ChunkSummary } from './chunkSummary';
import { runRangeSummary, type ChunkRequest } from './runScenario';
import { resolveVariantSpec } from './variantSpec';

/**
 * Messages between a run's coordinator and its workers, the same for Node
 * worker threads (CLI) and Web Workers (the app). A chunk's results come
 * reduced to a {@link ChunkSummary}, for `VariantAccumulator.addChunk`; post
 * it with {@link transferList} so its arrays move instead of being copied.
 * A replay chunk (an incident log replayed, see simulation/replay/) comes
 * back as each replayed incident's figures per replication.
 *
 * A worker is sent the scenario and the variant once per run: its first chunk
 * of a variant is a `chunk`, later ones a `chunkMore` with the replications
 * only (structured-cloning a 50-person scenario for every chunk cost more than
 * a small chunk's run). A `chunkMore` for a variant the worker has not
 * compiled in this run is answered with an error.
 */
export type ToWorker =
  | { type: 'chunk'; jobId: number; runId: string; variantKey: string; request: ChunkRequest }
  | { type: 'chunkMore'; jobId: number; runId: string; variantKey: string; range: ChunkRange }
  | { type: 'replay'; jobId: number; runId: string; variantKey: string; request: ReplayChunkRequest };
export type FromWorker =
  | { type: 'result'; jobId: number; summary: ChunkSummary }
  | { type: 'replayResult'; jobId: number; outcomes: Float64Array }
  | { type: 'error'; jobId: number; message: string };

/** The replications of a `chunkMore`: the rest of a {@link ChunkRequest}, whose scenario and variant the worker already has. */
export type ChunkRange = Omit<ChunkRequest, 'scenario' | 'variant'>;

/** What to transfer rather than copy when posting `message`. */
export function transferList(message: FromWorker): ArrayBuffer[] {
  if (message.type === 'replayResult') return [message.outcomes.buffer as ArrayBuffer];
  return message.type === 'result' ? [message.summary.ordered.buffer as ArrayBuffer, message.summary.bins.buffer as ArrayBuffer, message.summary.flow.buffer as ArrayBuffer] : [];
}

/**
 * The worker side: runs a chunk, compiling each variant's model once per run
 * and reusing it for later chunks of the same run.
 */
export function createChunkHandler(): (message: ToWorker) => FromWorker {
  let cacheRun = '';
  const cache = new Map<string, CompiledModel>();
  // Prefix runs shared by a run's variants (see ChunkRequest.forkAt), kept for the run.
  let forks = new PrefixForks();
  return (message) => {
    try {
      if (message.runId !== cacheRun) {
        cache.clear();
        cacheRun = message.runId;
        forks = new PrefixForks();
      }
      let compiled = cache.get(message.variantKey);
      if (message.type === 'replay') {
        const { request } = message;
        if (!compiled) cache.set(message.variantKey, (compiled = compileReplayModel(request.scenario, request.variant, request.plan)));
        return { type: 'replayResult', jobId: message.jobId, outcomes: runReplayChunk(request, compiled) };
      }
      if (message.type === 'chunkMore') {
        if (!compiled) throw new Error(`no model for variant ${message.variantKey} of run ${message.runId} in this worker: its first chunk never came`);
        return { type: 'result', jobId: message.jobId, summary: runRangeSummary(message.range, compiled, forks) };
      }
      if (!compiled) {
        compiled = compileModel(resolveVariantSpec(message.request.scenario, message.request.variant).model);
        cache.set(message.variantKey, compiled);
      }
      return { type: 'result', jobId: message.jobId, summary: runRangeSummary(message.request, compiled, forks) };
    } catch (err) {
      return { type: 'error', jobId: message.jobId, message: err instanceof Error ? err.message : String(err) };
    }
  };
}

/**
 * Sent to an idle worker when a scenario opens (the app's pool), before any
 * run: the worker runs about `events` events of the scenario, walled and
 * cross-functional in turn (the comparison a run makes by default, and the
 * code paths of both structures), and throws the results away, so that its first chunk does not start with code
 * the engine has never run (the first replications in a new worker run many
 * times slower than later ones). No answer is sent. It changes no result: a
 * replication depends on its model and seed only.
 */
export interface WarmUpMessage {
  type: 'warm';
  scenario: Scenario;
  events: number;
}

/**
 * The worker side of a {@link WarmUpMessage}, in steps: each call runs one
 * replication (cut short to stay within `events` in all) and says whether
 * there is more to do, so that a worker can run the steps between messages
 * and stop as soon as real work comes. A scenario that cannot run ends it
 * quietly (running it says what is wrong).
 */
export function warmUpSteps(message: WarmUpMessage): () => boolean {
  let models: CompiledModel[] | null = null;
  let left = message.events;
  let i = 0;
  return () => {
    try {
      models ??= (['walled', 'cross-functional'] as const).map((preset) => compileModel(resolveVariantSpec(message.scenario, { kind: 'preset', preset }).model));
      if (left > 0) left -= runReplication(models[i % 2]!, i >> 1, replicationSeed(message.scenario.run.seed, i++ >> 1), { maxEvents: left }).events;
      return left > 0;
    } catch {
      return false;
    }
  };
}

/**
 * Splits `replications` into chunks small enough to balance `workers` and
 * report progress often. `together` is the number of replications run in
 * the same pass, this one's and others' (several variants of an analysis):
 * the chunks are sized on it, so that 51 variants of 50 replications go in
 * 2 chunks each rather than 13 (each chunk costs about a millisecond of
 * messages and summaries, next to a model run of a few).
 */
export function chunkRanges(replications: number, workers: number, together = replications): [number, number][] {
  // Small enough that the last chunks balance the workers (results are packed, so a message costs little).
  const size = Math.max(1, Math.min(32, Math.ceil(Math.max(replications, together) / (workers * 8))));
  const out: [number, number][] = [];
  for (let from = 0; from < replications; from += size) out.push([from, Math.min(replications, from + size)]);
  return out;
}
