/**
 * Paired comparisons of two arms of a scenario on common random numbers,
 * for the direction tests of the phenomena (design.md, P1-P8).
 */
import type { ReplicationResult } from '../../../../simulation/model/results';
import { pairedDiffCI, type ConfidenceInterval } from '../../../../simulation/stats/confidenceInterval';
import { replicate } from './replicate';
import { buildScenario, type ScenarioSpec } from './scenarioBuilder';

/**
 * Confidence level of a direction test: the paired-difference interval must
 * exclude zero on the expected side. At 99% a model with no effect passes a
 * given check with probability 0.005 (one side), so a pass is evidence of
 * the effect, not of a lucky seed.
 */
export const DIRECTION_LEVEL = 0.99;

/** Both arms, replication by replication, on the same replication seeds. */
export function runArms(a: ScenarioSpec, b: ScenarioSpec, replications: number): [ReplicationResult[], ReplicationResult[]] {
  if ((a.seed ?? 1) !== (b.seed ?? 1)) throw new Error('arms must share the run seed (common random numbers)');
  return [replicate(buildScenario(a), replications), replicate(buildScenario(b), replications)];
}

/** Interval for mean(metric(higher)) - mean(metric(lower)), paired by replication. */
export function pairedDiff(higher: readonly ReplicationResult[], lower: readonly ReplicationResult[], metric: (r: ReplicationResult) => number): ConfidenceInterval {
  return pairedDiffCI(higher.map(metric), lower.map(metric), DIRECTION_LEVEL);
}

/** One line for the log: the difference and its interval. */
export function describeDiff(label: string, ci: ConfidenceInterval): string {
  return `${label}: ${ci.mean.toFixed(3)} [${ci.low.toFixed(3)}, ${ci.high.toFixed(3)}] (${DIRECTION_LEVEL * 100}%, n=${ci.n})`;
}
