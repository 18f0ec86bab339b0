/**
 * Shared arithmetic of the queueing oracles: how far a replication mean may
 * sit from a closed-form value before the engine is called wrong.
 */
import { meanCI, type ConfidenceInterval } from '../stats/confidenceInterval';

/**
 * Confidence level of the oracle intervals. The replication means are
 * independent (distinct seeds) and, over thousands of customers each, close
 * to normal, so a 99.9% Student-t interval misses a correct engine's target
 * with probability 0.001 per check; over the ~25 checks of this folder that
 * is a 2.5% chance for a fixed seed set to fail spuriously, and the seeds are
 * fixed, so a pass is reproducible, not luck re-rolled on each run.
 */
export const ORACLE_LEVEL = 0.999;

/**
 * Bound on the start-up bias of a time average over a run that starts empty
 * (the engine's warm-up is not usable, see test/unit/simulation/model/engineBugs.test.ts): Whitt's
 * asymptotic bias of the M/M/1 queue length from empty is about
 * rho (1 + rho) / (2 mu (1 - rho)^3) item-hours; rho / (mu (1 - rho)^3)
 * bounds it. Spread over the lambda * T customers of the run it shifts the
 * mean time in system by at most that / (lambda T); the factor 2 also covers
 * the customers still in the system at the horizon, which are left out (a
 * bias of the same order, W / T). For c servers the single-server figure at
 * the same per-server load is used: a pooled queue relaxes faster, so this
 * is conservative.
 */
export function startupBias(rho: number, mu: number, lambda: number, horizon: number): number {
  return (2 * rho) / (mu * (1 - rho) ** 3) / (lambda * horizon);
}

/** The replication-mean interval and whether `expected` lies within it widened by `bias`. */
export function oracleCheck(values: readonly number[], expected: number, bias: number): { ci: ConfidenceInterval; error: number; tolerance: number } {
  const ci = meanCI(values, ORACLE_LEVEL);
  return { ci, error: Math.abs(ci.mean - expected), tolerance: ci.halfWidth + bias };
}
