import { compileModel, type CompiledModel } from '../model/compile';
import type { ReplicationResult } from '../model/results';
import type { ChunkRequest } from './runScenario';
import { runChunk } from './runScenario';
import { resolveVariantSpec } from './variantSpec';

/**
 * Messages between a run's coordinator and its workers, the same for Node
 * worker threads (CLI) and Web Workers (the app).
 */
export type ToWorker = { type: 'chunk'; jobId: number; runId: string; variantKey: string; request: ChunkRequest };
export type FromWorker =
  | { type: 'result'; jobId: number; results: ReplicationResult[] }
  | { type: 'error'; jobId: number; message: string };

/**
 * The worker side: runs a chunk, compiling each variant's model once per run
 * and reusing it for later chunks of the same run.
 */
export function createChunkHandler(): (message: ToWorker) => FromWorker {
  let cacheRun = '';
  const cache = new Map<string, CompiledModel>();
  return (message) => {
    try {
      if (message.runId !== cacheRun) {
        cache.clear();
        cacheRun = message.runId;
      }
      let compiled = cache.get(message.variantKey);
      if (!compiled) {
        compiled = compileModel(resolveVariantSpec(message.request.scenario, message.request.variant).model);
        cache.set(message.variantKey, compiled);
      }
      return { type: 'result', jobId: message.jobId, results: runChunk(message.request, compiled) };
    } catch (err) {
      return { type: 'error', jobId: message.jobId, message: err instanceof Error ? err.message : String(err) };
    }
  };
}

/** Splits `replications` into chunks small enough to balance `workers` and report progress often. */
export function chunkRanges(replications: number, workers: number): [number, number][] {
  const size = Math.max(1, Math.min(64, Math.ceil(replications / (workers * 8))));
  const out: [number, number][] = [];
  for (let from = 0; from < replications; from += size) out.push([from, Math.min(replications, from + size)]);
  return out;
}
