/**
 * Racing: rank many candidate variants (one absence per person, one training
 * option each, one value of a dial each) against a baseline without running
 * every candidate to the full count.
 *
 * All candidates run the same replications as the baseline (common random
 * numbers), so each has a paired difference to it. Stage by stage (20
 * replications, then twice as many for those still in the race, up to the
 * maximum), a candidate leaves the race when its effect is
 *
 * - clearly ranked: at least `keep` other candidates are clearly ahead of it
 *   (their paired difference's lower bound is above its upper bound), or
 * - clearly negligible, where the caller sets a margin: its whole interval lies
 *   within +-`negligible` of zero and it is not among the `keep` leaders by mean.
 *   Off by default: an absence's effect often comes from a few replications
 *   (an incident on their service while they are away), so after 20
 *   replications most differences are exactly zero and the interval looks
 *   narrow when it is not; on the organisation of 50 a 1% margin dropped a true
 *   top-five person that way;
 *
 * with intervals at a Bonferroni-corrected level (1 - 0.05 / candidates) rather
 * than the 95% shown, since every candidate is judged at each stage and one
 * wrong elimination would change the ranking. This is successive elimination as in racing
 * algorithms for model selection (Maron & Moore's Hoeffding races) with
 * successive halving's doubling budget. The candidates still in the race
 * run to the maximum, so the leaders' figures are those of the exhaustive
 * run, and their order among themselves is the same.
 *
 * The decisions depend only on the replications so far, so the result is the
 * same in one thread and on any number of workers.
 */
import type { RunResult } from '../run/runScenario';
import { runResultOf } from '../run/runScenario';
import { finitePairs } from '../run/comparison';
import { summariseVariants } from '../run/runCoordinator';
import type { RangeRunner } from '../run/rangeRunner';
import type { ScalarMetric } from '../run/scalarMetrics';
import { VariantAccumulator } from '../run/variantSummary';
import { resolveVariantSpec, type VariantSpec } from '../run/variantSpec';
import type { Scenario } from '../scenario/schema';
import { pairedDiffCI, type ConfidenceInterval } from '../stats/confidenceInterval';

export interface RaceOptions {
  /** The baseline first, then the candidates. */
  variants: VariantSpec[];
  seed: number;
  /** Replications the baseline and the leaders reach (the exhaustive run's count). */
  maxReplications: number;
  /** The figure candidates are ranked by: by default, the larger its paired increase over the baseline, the higher the rank. */
  metric: ScalarMetric;
  /** 'lower': the larger the paired decrease, the higher the rank (a training option that shortens restores most). Default 'higher'. */
  better?: 'higher' | 'lower';
  /** How many leaders must come out right (default 5). */
  keep?: number;
  /** Effects within +-this of zero, in the metric's unit, are negligible (default: no such rule, see above). */
  negligible?: number;
  /** Replications in the first stage (default 20). */
  firstStage?: number;
  /** Called as chunks come back and after each stage: the replications run so far (all variants), the most there could be (less as candidates leave), and the candidates still in. */
  onProgress?: (done: number, total: number, racing: number) => void;
  /** Summarises each variant at the end in a task of its own (see CoordinatedRunOptions.defer). Default: at once. */
  defer?: (work: () => void) => void;
}

/** The race's record, beside a result whose dropped candidates have fewer replications than the leaders. */
export interface RaceInfo {
  metric: ScalarMetric;
  /** For each candidate (in input order, baseline excluded): replications run and why it left the race (or 'finished'). */
  candidates: { variantId: string; replications: number; outcome: 'finished' | 'ranked-out' | 'negligible' }[];
  /** Replications run in all, against what running every variant to the maximum would take. */
  replicationsRun: number;
  replicationsExhaustive: number;
}


/**
 * The paired interval of `metric` for a candidate against the baseline over their common replications, or null; with
 * `better` 'lower', of its decrease (baseline minus candidate), so that a larger effect always ranks higher.
 */
function effect(candidate: VariantAccumulator, baseline: VariantAccumulator, metric: ScalarMetric, level: number, better: 'higher' | 'lower'): ConfidenceInterval | null {
  const [pa, pb] = finitePairs(candidate.scalarValues(metric), baseline.scalarValues(metric));
  if (pa.length < 2) return null;
  return better === 'lower' ? pairedDiffCI(pb, pa, level) : pairedDiffCI(pa, pb, level);
}

/**
 * Which candidates leave the race after a stage, from their paired intervals
 * (null: not measurable yet, stays in). Exported for tests.
 */
export function eliminate(effects: readonly (ConfidenceInterval | null)[], keep: number, negligible: number): ('ranked-out' | 'negligible' | null)[] {
  const byMean = effects
    .map((e, i) => ({ e, i }))
    .filter((x) => x.e !== null)
    .sort((x, y) => y.e!.mean - x.e!.mean || x.i - y.i);
  const leaders = new Set(byMean.slice(0, keep).map((x) => x.i));
  return effects.map((e, i) => {
    if (!e) return null;
    const clearlyAhead = effects.filter((o, j) => j !== i && o !== null && o.low > e.high).length;
    if (clearlyAhead >= keep) return 'ranked-out';
    if (!leaders.has(i) && e.low >= -negligible && e.high <= negligible) return 'negligible';
    return null;
  });
}

/** Races the candidates (see the module's comment); the result holds every variant with the replications it got. */
export async function race(scenario: Scenario, runner: RangeRunner, options: RaceOptions): Promise<{ result: RunResult; race: RaceInfo }> {
  const keep = options.keep ?? 5;
  const max = options.maxReplications;
  const accumulators = options.variants.map((spec) => {
    const r = resolveVariantSpec(scenario, spec);
    return new VariantAccumulator(r.id, r.name);
  });
  const [baseline, ...candidates] = accumulators;
  if (!baseline) throw new RangeError('a race needs a baseline');
  const outcome: ('ranked-out' | 'negligible' | null)[] = candidates.map(() => null);
  const total = max * accumulators.length;
  let done = 0;
  let stage = Math.min(max, Math.max(2, options.firstStage ?? 20));
  const negligible = options.negligible ?? -Infinity;
  for (;;) {
    const tasks = accumulators
      .map((accumulator, i) => ({ spec: options.variants[i]!, accumulator, to: stage }))
      .filter((t, i) => i === 0 || outcome[i - 1] === null);
    const racing = candidates.filter((_, i) => outcome[i] === null);
    // The most there can still be: what has run, plus the rest of the maximum for the baseline and those still in.
    const most = () => done + (1 + racing.length) * max - accumulators.reduce((n, a, i) => n + (i === 0 || outcome[i - 1] === null ? a.count : 0), 0);
    await runner.run(tasks, (n) => {
      done += n;
      options.onProgress?.(done, most(), racing.length);
    });
    options.onProgress?.(done, most(), racing.length);
    if (stage >= max) break;
    const inRace = candidates.map((c, i) => (outcome[i] === null ? c : null));
    const verdicts = eliminate(
      inRace.map((c) => (c ? effect(c, baseline, options.metric, 1 - 0.05 / Math.max(1, candidates.length), options.better ?? 'higher') : null)),
      keep,
      negligible,
    );
    verdicts.forEach((v, i) => {
      if (v && inRace[i]) outcome[i] = v;
    });
    stage = Math.min(max, 2 * stage);
  }
  const summaries = await summariseVariants(accumulators, options.defer);
  const replicationsRun = accumulators.reduce((n, a) => n + a.count, 0);
  return {
    result: runResultOf(scenario, options.seed, max, summaries),
    race: {
      metric: options.metric,
      candidates: candidates.map((c, i) => ({ variantId: c.variantId, replications: c.count, outcome: outcome[i] ?? 'finished' })),
      replicationsRun,
      replicationsExhaustive: total,
    },
  };
}
