/**
 * Racing: rank many candidate variants (one absence per person, one training
 * option each, one value of a dial each) against a baseline without running
 * every candidate to the full count.
 *
 * All candidates run the same replications as the baseline (common random
 * numbers), so each has a paired difference to it. At checkpoints (20
 * replications, then doubling, up to the maximum), a candidate leaves the race
 * when its effect is
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
 * than the 95% shown, since every candidate is judged at each checkpoint and one
 * wrong elimination would change the ranking. This is successive elimination as in racing
 * algorithms for model selection (Maron & Moore, "Hoeffding races", NIPS 1993,
 * with Student-t intervals in place of Hoeffding's bound, which needs a known
 * range: the "t.bonferroni" test of Birattari's R package `race`), kept to the
 * top `keep` rather than the single best, with successive halving's doubling
 * budget. Rank-based races (F-race's Friedman test, Birattari et al. 2002) do
 * not fit: they rank by the typical replication, and the leaders by mean are
 * exactly the candidates whose difference is zero in most replications.
 * Fully sequential indifference-zone procedures (Kim & Nelson's KN) need a
 * normal spread and an indifference zone; with these zero-heavy differences
 * they eliminate nothing within a few hundred replications either.
 *
 * Two rules keep it sound and make it pay only where it can:
 *
 * - Rare effects cannot leave: a candidate whose paired difference is non-zero
 *   in fewer than {@link RARE_EVENTS} replications so far has its effect in a
 *   few replications, so its sample spread says little about its mean (the
 *   rule of thumb for a normal approximation, at least 10 events), and its
 *   upper bound is not trusted. On the organisation's stress test by time to
 *   restore, the true fifth, an on-call engineer, is exactly zero in 19 of the
 *   first 20 replications and then rises in six of the next 13; by lead time,
 *   the on-call engineers' differences are zero in 15 to 19 of 20, and the
 *   former rule dropped them all at the first stage. Its lower bound is still
 *   evidence against others (missing rare large values only make it lower).
 * - A checkpoint is a barrier (workers wait for the slowest chunk) and splits
 *   every candidate's replications into more chunks, so one is made only where
 *   it can pay: the next checkpoint is the first doubling at which some
 *   candidate would leave if the means held and the intervals narrowed as
 *   1/sqrt(n) (see {@link nextCheckpoint}); when none would, the candidates run
 *   straight to the maximum, as the exhaustive run would.
 *
 * The candidates still in the race run to the maximum, so the leaders' figures
 * are those of the exhaustive run, and their order among themselves is the same.
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
import { tQuantile } from '../stats/studentT';

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
  /**
   * The hour from which the candidates differ from the baseline only by
   * planned absences (the absence stress test's window): the runners given
   * it share each replication's run up to there between them (see
   * model/fork.ts). It changes no result.
   */
  forkAt?: number;
}

/** The race's record, beside a result whose dropped candidates have fewer replications than the leaders. */
export interface RaceInfo {
  metric: ScalarMetric;
  /** For each candidate (in input order, baseline excluded): replications run and why it left the race (or 'finished'). */
  candidates: { variantId: string; replications: number; outcome: 'finished' | 'ranked-out' | 'negligible' }[];
  /** Replications run in all, against what running every variant to the maximum would take. */
  replicationsRun: number;
  replicationsExhaustive: number;
  /** The replication counts the race stopped at to judge the candidates (the last is the maximum). */
  checkpoints: number[];
}

/** Replications in which a candidate's paired difference must be non-zero before its upper bound is trusted. */
export const RARE_EVENTS = 10;

/**
 * A candidate's paired interval against the baseline, and whether its effect is rare: non-zero in fewer than
 * {@link RARE_EVENTS} replications so far (then its upper bound is not trusted, see the module's comment).
 */
export type RaceEffect = ConfidenceInterval & { rare?: boolean };

/** The two-sided level candidates are judged at: Bonferroni over the candidates. */
export function raceLevel(candidates: number): number {
  return 1 - 0.05 / Math.max(1, candidates);
}

/**
 * The paired interval of `metric` for a candidate against the baseline over their common replications, or null; with
 * `better` 'lower', of its decrease (baseline minus candidate), so that a larger effect always ranks higher.
 */
function effect(candidate: VariantAccumulator, baseline: VariantAccumulator, metric: ScalarMetric, level: number, better: 'higher' | 'lower'): RaceEffect | null {
  const [pa, pb] = finitePairs(candidate.scalarValues(metric), baseline.scalarValues(metric));
  if (pa.length < 2) return null;
  const ci = better === 'lower' ? pairedDiffCI(pb, pa, level) : pairedDiffCI(pa, pb, level);
  let events = 0;
  for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) events++;
  return { ...ci, rare: events < RARE_EVENTS };
}

/**
 * Which candidates leave the race after a stage, from their paired intervals
 * (null: not measurable yet, stays in). A rare effect never leaves, but counts
 * as clearly ahead of others. Exported for tests.
 */
export function eliminate(effects: readonly (RaceEffect | null)[], keep: number, negligible: number): ('ranked-out' | 'negligible' | null)[] {
  const byMean = effects
    .map((e, i) => ({ e, i }))
    .filter((x) => x.e !== null)
    .sort((x, y) => y.e!.mean - x.e!.mean || x.i - y.i);
  const leaders = new Set(byMean.slice(0, keep).map((x) => x.i));
  return effects.map((e, i) => {
    if (!e || e.rare) return null;
    const clearlyAhead = effects.filter((o, j) => j !== i && o !== null && o.low > e.high).length;
    if (clearlyAhead >= keep) return 'ranked-out';
    if (!leaders.has(i) && e.low >= -negligible && e.high <= negligible) return 'negligible';
    return null;
  });
}

/**
 * Where the race should next stop to judge the candidates, from their intervals at `n` replications: the first
 * doubling of `n` below `max` at which {@link eliminate} would drop someone if every mean stayed where it is and every
 * half-width narrowed as t(n' - 1) / sqrt(n') (what more replications of the same spread give); `max` when there is
 * none, so that a race that cannot pay runs like the exhaustive pass. Exported for tests.
 */
export function nextCheckpoint(effects: readonly (RaceEffect | null)[], n: number, max: number, keep: number, negligible: number, level: number): number {
  const p = 1 - (1 - level) / 2;
  for (let next = 2 * n; next < max; next *= 2) {
    const scale = (tQuantile(p, next - 1) / tQuantile(p, n - 1)) * Math.sqrt(n / next);
    const projected = effects.map((e): RaceEffect | null => {
      if (!e) return null;
      const halfWidth = e.halfWidth * scale;
      return { ...e, low: e.mean - halfWidth, high: e.mean + halfWidth, halfWidth, n: next };
    });
    if (eliminate(projected, keep, negligible).some((v) => v !== null)) return next;
  }
  return max;
}

/** Races the candidates (see the module's comment); the result holds every variant with the replications it got. */
export async function race(scenario: Scenario, runner: RangeRunner, options: RaceOptions): Promise<{ result: RunResult; race: RaceInfo }> {
  const keep = options.keep ?? 5;
  const max = options.maxReplications;
  const better = options.better ?? 'higher';
  const accumulators = options.variants.map((spec) => {
    const r = resolveVariantSpec(scenario, spec);
    // A race ranks by figures: the bands over time, read only by a run's charts, are not kept.
    return new VariantAccumulator(r.id, r.name, false);
  });
  const [baseline, ...candidates] = accumulators;
  if (!baseline) throw new RangeError('a race needs a baseline');
  const outcome: ('ranked-out' | 'negligible' | null)[] = candidates.map(() => null);
  const total = max * accumulators.length;
  const level = raceLevel(candidates.length);
  const checkpoints: number[] = [];
  let done = 0;
  let stage = Math.min(max, Math.max(2, options.firstStage ?? 20));
  const negligible = options.negligible ?? -Infinity;
  // Progress: the most there can still be is what has run plus the rest of the maximum for the baseline and those still in.
  const report = () => {
    if (!options.onProgress) return;
    let racing = 0;
    let most = done;
    accumulators.forEach((a, i) => {
      if (i > 0 && outcome[i - 1] !== null) return;
      if (i > 0) racing++;
      most += max - a.count;
    });
    options.onProgress(done, most, racing);
  };
  for (;;) {
    const tasks = accumulators
      .map((accumulator, i) => ({ spec: options.variants[i]!, accumulator, to: stage }))
      .filter((t, i) => i === 0 || outcome[i - 1] === null);
    await runner.run(tasks, (n) => {
      done += n;
      report();
    });
    checkpoints.push(stage);
    if (stage >= max) {
      report();
      break;
    }
    const inRace = candidates.map((c, i) => (outcome[i] === null ? c : null));
    const effects = inRace.map((c) => (c ? effect(c, baseline, options.metric, level, better) : null));
    eliminate(effects, keep, negligible).forEach((v, i) => {
      if (v && inRace[i]) outcome[i] = v;
    });
    const left = effects.map((e, i) => (outcome[i] === null ? e : null));
    stage = nextCheckpoint(left, stage, max, keep, negligible, level);
    report();
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
      checkpoints,
    },
  };
}
