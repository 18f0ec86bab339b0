/**
 * Run until precise: replications are run in batches until every headline
 * figure is known to the precision the user asked for, instead of a fixed
 * count.
 *
 * The procedure is the sequential procedure for a specified absolute
 * precision of Law & Kelton (Simulation Modeling and Analysis, 5th ed.,
 * section 9.4.1): after n >= n0 replications, stop as soon as the 95%
 * confidence interval's half-width t(n-1) * s / sqrt(n) is at or below the
 * target. Each headline figure is checked:
 *
 * - with two or more structures, the paired relative difference of each
 *   structure against the first (its half-width in percentage points: a
 *   difference of -38% +- 2 points);
 * - with one structure, the figure's own relative half-width (half-width /
 *   |mean|, in percent), as in Law & Kelton's relative-precision procedure.
 *
 * Checks happen only at checkpoints that depend on the results so far and
 * nothing else (never on how many workers there are or the order in which
 * they finish), so the same seed and precision give the same replications and
 * the same figures on 1 or N workers. The next checkpoint is the count the
 * current variance says is needed (n * (half-width / target)^2), at least a
 * tenth more and at most twice the current count, never past the maximum.
 */
import { meanCI, pairedRelativeDiffCI } from '../stats/confidenceInterval';
import { finitePairs } from './comparison';
import type { ScalarMetric } from './scalarMetrics';

/** Figures whose precision decides when a run stops, and the target that applies to each. */
export const HEADLINE_METRICS: readonly { metric: ScalarMetric; kind: 'leadTime' | 'timeToRestore' }[] = [
  { metric: 'leadTimeP50', kind: 'leadTime' },
  { metric: 'leadTimeP85', kind: 'leadTime' },
  { metric: 'leadTimeP95', kind: 'leadTime' },
  { metric: 'ttrP50', kind: 'timeToRestore' },
  { metric: 'ttrP95', kind: 'timeToRestore' },
];

/** What "precise" means: 95% half-widths in percentage points, and the bounds on the count. */
export interface PrecisionTarget {
  /** Half-width for lead-time figures, in percentage points (default 2). */
  leadTimePct: number;
  /** Half-width for time-to-restore figures, in percentage points (default 5: incidents are far rarer). */
  timeToRestorePct: number;
  /** Replications before the first check (default 30). */
  minReplications: number;
  /** Replications at most (the scenario's replications). */
  maxReplications: number;
}

export const DEFAULT_PRECISION = { leadTimePct: 2, timeToRestorePct: 5, minReplications: 30 } as const;

/** One headline figure's precision at a checkpoint. */
export interface FigurePrecision {
  metric: ScalarMetric;
  /** The structure compared with the first (or measured, with one structure). */
  variantId: string;
  /** The 95% half-width reached, in percentage points; Infinity with fewer than two values. */
  halfWidthPct: number;
  targetPct: number;
}

/** How a run chose its number of replications, carried with its result. */
export interface StoppingInfo {
  mode: 'precision' | 'fixed';
  replications: number;
  /** Why it stopped: every figure precise, the maximum reached, or a fixed count asked for. */
  reason: 'precise' | 'maximum' | 'fixed';
  target?: PrecisionTarget;
  /** The least precise figure at the stop (relative to its target), with every figure's precision. */
  worst?: FigurePrecision;
  figures?: FigurePrecision[];
  /** Figures no replication could measure (no incidents at all, say): they do not hold the run back. */
  unmeasured?: { metric: ScalarMetric; variantId: string }[];
}

/** Per-replication values of one variant, in replication order (NaN where nothing was measured). */
export type ScalarsOf = (metric: ScalarMetric) => readonly number[];

/** The precision of every headline figure after the replications so far. */
export function measurePrecision(
  variants: readonly { variantId: string; scalars: ScalarsOf }[],
  target: PrecisionTarget,
): { figures: FigurePrecision[]; unmeasured: { metric: ScalarMetric; variantId: string }[] } {
  const figures: FigurePrecision[] = [];
  const unmeasured: { metric: ScalarMetric; variantId: string }[] = [];
  const baseline = variants[0];
  if (!baseline) return { figures, unmeasured };
  const compared = variants.length > 1 ? variants.slice(1) : variants;
  for (const { metric, kind } of HEADLINE_METRICS) {
    const targetPct = kind === 'leadTime' ? target.leadTimePct : target.timeToRestorePct;
    for (const v of compared) {
      const halfWidthPct = variants.length > 1 ? pairedHalfWidthPct(v.scalars(metric), baseline.scalars(metric)) : ownHalfWidthPct(v.scalars(metric));
      if (halfWidthPct === null) unmeasured.push({ metric, variantId: v.variantId });
      else figures.push({ metric, variantId: v.variantId, halfWidthPct, targetPct });
    }
  }
  return { figures, unmeasured };
}

/** The least precise figure relative to its target (null when nothing was measurable). */
export function worstFigure(figures: readonly FigurePrecision[]): FigurePrecision | null {
  let worst: FigurePrecision | null = null;
  for (const f of figures) if (!worst || f.halfWidthPct / f.targetPct > worst.halfWidthPct / worst.targetPct) worst = f;
  return worst;
}

/**
 * The next checkpoint after `done` replications, or null to stop. `figures` are
 * the precisions at `done`; a run with nothing measurable stops at the minimum.
 */
export function nextCheckpoint(done: number, figures: readonly FigurePrecision[], target: PrecisionTarget): number | null {
  if (done >= target.maxReplications) return null;
  const worst = worstFigure(figures);
  if (!worst || worst.halfWidthPct <= worst.targetPct) return null;
  const ratio = worst.halfWidthPct / worst.targetPct;
  const needed = Number.isFinite(ratio) ? Math.ceil(done * ratio * ratio) : 2 * done;
  const next = Math.min(Math.max(needed, done + Math.max(1, Math.ceil(done / 10))), 2 * done);
  return Math.min(next, target.maxReplications);
}

/**
 * The least that {@link nextCheckpoint} can return after a checkpoint at
 * `done` unless it stops there: the replications certain to run if the run
 * goes on, which workers can start before the checkpoint is decided.
 */
export function leastNextCheckpoint(done: number, target: PrecisionTarget): number {
  return Math.min(done + Math.max(1, Math.ceil(done / 10)), target.maxReplications);
}

/**
 * Whether a run whose figures were `figures` after `done` replications is
 * expected to go on past `checkpoint`: its least precise figure's variance
 * says more are needed than that. A guess for running ahead (see
 * {@link leastNextCheckpoint}), which never decides when a run stops; false
 * with nothing measured yet.
 */
export function expectedPast(checkpoint: number, done: number, figures: readonly FigurePrecision[], target: PrecisionTarget): boolean {
  if (checkpoint >= target.maxReplications || done === 0) return false;
  const worst = worstFigure(figures);
  if (!worst) return false;
  const ratio = worst.halfWidthPct / worst.targetPct;
  return !Number.isFinite(ratio) || done * ratio * ratio > checkpoint;
}

/** The first checkpoint: the minimum, within the maximum. */
export function firstCheckpoint(target: PrecisionTarget): number {
  return Math.max(1, Math.min(target.minReplications, target.maxReplications));
}

/** The stopping record at the last checkpoint. */
export function stoppingInfo(done: number, measured: ReturnType<typeof measurePrecision>, target: PrecisionTarget): StoppingInfo {
  const worst = worstFigure(measured.figures);
  const precise = !worst || worst.halfWidthPct <= worst.targetPct;
  return {
    mode: 'precision',
    replications: done,
    reason: precise ? 'precise' : 'maximum',
    target,
    ...(worst ? { worst } : {}),
    figures: measured.figures,
    unmeasured: measured.unmeasured,
  };
}

/** Checks a target the user typed, in one clear sentence per problem. */
export function precisionTarget(maxReplications: number, leadTimePct: number = DEFAULT_PRECISION.leadTimePct, timeToRestorePct: number = DEFAULT_PRECISION.timeToRestorePct, minReplications: number = DEFAULT_PRECISION.minReplications): PrecisionTarget {
  for (const [what, v] of [
    ['lead-time precision', leadTimePct],
    ['time-to-restore precision', timeToRestorePct],
  ] as const) {
    if (!Number.isFinite(v) || v <= 0 || v > 100) throw new RangeError(`${what} must be above 0 and at most 100 percentage points, not ${v}`);
  }
  if (!Number.isInteger(maxReplications) || maxReplications < 1) throw new RangeError(`the most replications must be a whole number of at least 1, not ${maxReplications}`);
  if (!Number.isInteger(minReplications) || minReplications < 2) throw new RangeError(`the fewest replications must be a whole number of at least 2, not ${minReplications}`);
  return { leadTimePct, timeToRestorePct, minReplications, maxReplications };
}

/** Half-width of the paired relative difference, in points; null when it cannot be measured. */
function pairedHalfWidthPct(a: readonly number[], b: readonly number[]): number | null {
  const [pa, pb] = finitePairs(a, b);
  if (pa.length < 2) return pa.length === 0 ? null : Infinity;
  const meanB = pb.reduce((x, y) => x + y, 0) / pb.length;
  if (meanB === 0) return null;
  return 100 * pairedRelativeDiffCI(pa, pb).halfWidth;
}

/** Relative half-width of one structure's figure (half-width / |mean|), in percent; null when unmeasurable. */
function ownHalfWidthPct(values: readonly number[]): number | null {
  const ok = values.filter(Number.isFinite);
  if (ok.length < 2) return ok.length === 0 ? null : Infinity;
  const ci = meanCI(ok);
  if (ci.mean === 0) return ci.halfWidth === 0 ? 0 : null;
  return (100 * ci.halfWidth) / Math.abs(ci.mean);
}
