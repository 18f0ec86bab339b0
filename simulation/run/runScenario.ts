import { compileModel, type CompiledModel } from '../model/compile';
import { PrefixForks } from '../model/fork';
import { replicationSeed, replicationSeeds, runReplication } from '../model/replication';
import type { ReplicationResult } from '../model/results';
import type { Scenario } from '../scenario/schema';
import { compareVariants, type MetricComparison } from './comparison';
import { ChunkSummarizer, type ChunkSummary } from './chunkSummary';
import { VariantAccumulator, type VariantSummary } from './variantSummary';
import { resolveVariantSpec, type VariantSpec } from './variantSpec';
import { firstCheckpoint, measurePrecision, nextCheckpoint, stoppingInfo, type PrecisionTarget, type StoppingInfo } from './precision';

export interface RunOptions {
  /** A fixed number of replications (default: the scenario's), unless `precision` is given. */
  replications?: number;
  /** Run until precise instead: replications in batches until every headline figure meets the target (see precision.ts). */
  precision?: PrecisionTarget;
  seed?: number;
  /** The structures to compare; the first is the baseline. Default: the base scenario. */
  variants?: VariantSpec[];
  maxEvents?: number;
  /** Called after each replication (for progress). */
  onReplication?: (done: number, total: number) => void;
}

export interface RunResult {
  scenarioName: string;
  seed: number;
  replications: number;
  /** The seed of every replication, the same for every variant (common random numbers). */
  replicationSeeds: number[];
  variants: VariantSummary[];
  /** Each variant after the first against the first, paired by replication. */
  comparisons: { variantId: string; baselineId: string; metrics: MetricComparison[] }[];
  events: number;
  /** How the number of replications was chosen, and why the run stopped (absent in results kept before it existed). */
  stopping?: StoppingInfo;
}

/** One chunk of work for a worker: replications [from, to) of one variant. */
export interface ChunkRequest {
  scenario: Scenario;
  variant: VariantSpec;
  seed: number;
  from: number;
  to: number;
  maxEvents?: number;
  /** False: the summary leaves out the bins of the bands over time (for analyses that rank; see VariantAccumulator). */
  bands?: boolean;
  /**
   * The hour from which the run's variants differ only by planned absences
   * (the absence stress test's window): each replication's run up to it is
   * made once and shared by the variants (see model/fork.ts), with `forks`
   * keeping it. The same results.
   */
  forkAt?: number;
}

/** Runs a chunk; `compiled` caches the compiled model between chunks of the same variant. */
export function runChunk(request: ChunkRequest, compiled?: CompiledModel): ReplicationResult[] {
  const out: ReplicationResult[] = [];
  forEachInChunk(request, compiled, (r) => out.push(r));
  return out;
}

/**
 * As {@link runChunk}, reducing the results as they are made to what the
 * coordinating thread needs (see chunkSummary.ts), for sending to it.
 */
export function runChunkSummary(request: ChunkRequest, compiled?: CompiledModel, forks?: PrefixForks): ChunkSummary {
  const summarizer = new ChunkSummarizer(request.bands !== false);
  forEachOf(request, compiled ?? compileModel(resolveVariantSpec(request.scenario, request.variant).model), (r) => summarizer.add(r), forks);
  return summarizer.finish();
}

/** As {@link runChunkSummary}, for replications [from, to) of a model already compiled. */
export function runRangeSummary(range: Pick<ChunkRequest, 'seed' | 'from' | 'to' | 'maxEvents' | 'bands' | 'forkAt'>, model: CompiledModel, forks?: PrefixForks): ChunkSummary {
  const summarizer = new ChunkSummarizer(range.bands !== false);
  forEachOf(range, model, (r) => summarizer.add(r), forks);
  return summarizer.finish();
}

function forEachInChunk(request: ChunkRequest, compiled: CompiledModel | undefined, use: (r: ReplicationResult) => void): void {
  forEachOf(request, compiled ?? compileModel(resolveVariantSpec(request.scenario, request.variant).model), use);
}

/** Replications [from, to) of `model`; with `forkAt`, from prefixes kept in `forks` (or in a new keeper for this call). */
function forEachOf(range: Pick<ChunkRequest, 'seed' | 'from' | 'to' | 'maxEvents' | 'forkAt'>, model: CompiledModel, use: (r: ReplicationResult) => void, forks?: PrefixForks): void {
  const forkAt = range.forkAt;
  const keeper = forkAt === undefined ? null : (forks ?? new PrefixForks());
  keeper?.keepRange(range.from, range.to);
  for (let i = range.from; i < range.to; i++) {
    const seed = replicationSeed(range.seed, i);
    use(keeper ? keeper.run(model, i, seed, forkAt!, range.maxEvents) : runReplication(model, i, seed, { maxEvents: range.maxEvents }));
  }
}

/** Summaries and comparisons from accumulated variants (shared by the sequential and parallel runners). */
export function finishRun(scenario: Scenario, seed: number, replications: number, accumulators: VariantAccumulator[], stopping?: StoppingInfo): RunResult {
  return runResultOf(scenario, seed, replications, accumulators.map((a) => a.summary()), stopping);
}

/** The precision of a run's headline figures from its accumulated variants (the first is the baseline). */
export function precisionOf(accumulators: readonly VariantAccumulator[], target: PrecisionTarget): ReturnType<typeof measurePrecision> {
  return measurePrecision(
    accumulators.map((a) => ({ variantId: a.variantId, scalars: (m) => a.scalarValues(m) })),
    target,
  );
}

/** The run's result from its variants' summaries (in order; the first is the baseline). */
export function runResultOf(scenario: Scenario, seed: number, replications: number, variants: VariantSummary[], stopping?: StoppingInfo): RunResult {
  const baseline = variants[0]!;
  return {
    stopping: stopping ?? { mode: 'fixed', replications, reason: 'fixed' },
    scenarioName: scenario.name,
    seed,
    replications,
    replicationSeeds: replicationSeeds(seed, replications),
    variants,
    comparisons: variants.slice(1).map((v) => ({ variantId: v.variantId, baselineId: baseline.variantId, metrics: compareVariants(v, baseline) })),
    events: variants.reduce((sum, v) => sum + v.events, 0),
  };
}

/**
 * Runs every variant for the same replications, one after the other, in this
 * thread. The parallel runners (worker threads, web workers) give exactly the
 * same result, since each replication depends only on its seed and results
 * are combined in replication order.
 */
/** Replications summarised together before they are added to their variant, in this thread (memory stays bounded). */
const IN_THREAD_CHUNK = 32;

export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const seed = options.seed ?? scenario.run.seed;
  const specs = options.variants?.length ? options.variants : [{ kind: 'base' as const }];
  const target = options.precision;
  const fixed = options.replications ?? scenario.run.replications;
  const total = (target ? target.maxReplications : fixed) * specs.length;
  let done = 0;
  const variants = specs.map((spec) => {
    const resolved = resolveVariantSpec(scenario, spec);
    return { acc: new VariantAccumulator(resolved.id, resolved.name), model: compileModel(resolved.model) };
  });
  // Replications are added to a variant in chunks of up to IN_THREAD_CHUNK, as the workers send them (the same
  // figures: chunks are combined in replication order), rather than one summary per replication.
  const runTo = (to: number) => {
    for (const { acc, model } of variants) {
      let summarizer = new ChunkSummarizer();
      let inChunk = 0;
      for (let i = acc.count; i < to; i++) {
        summarizer.add(runReplication(model, i, replicationSeed(seed, i), { maxEvents: options.maxEvents }));
        options.onReplication?.(++done, total);
        if (++inChunk === IN_THREAD_CHUNK || i === to - 1) {
          acc.addChunk(summarizer.finish());
          summarizer = new ChunkSummarizer();
          inChunk = 0;
        }
      }
    }
  };
  const accumulators = variants.map((v) => v.acc);
  if (!target) {
    runTo(fixed);
    return finishRun(scenario, seed, fixed, accumulators);
  }
  // Run until precise: the same checkpoints as the parallel runner, so the same replications and figures.
  let at: number | null = firstCheckpoint(target);
  let reached = 0;
  let measured = precisionOf(accumulators, target);
  while (at !== null) {
    runTo(at);
    reached = at;
    measured = precisionOf(accumulators, target);
    at = nextCheckpoint(reached, measured.figures, target);
  }
  return finishRun(scenario, seed, reached, accumulators, stoppingInfo(reached, measured, target));
}
