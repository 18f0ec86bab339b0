import { LogHistogram, type LogHistogramSnapshot } from './logHistogram';

/**
 * Kaplan-Meier (product-limit) estimates of a duration's distribution when
 * some durations are censored: still running at the end of the run, so only
 * known to be longer than what was seen (an item not finished, an incident
 * not restored). Leaving them out, as a plain percentile of the finished ones
 * does, understates every percentile; counting them as finished at the
 * horizon does too. The estimator uses each censored duration for as long as
 * it was watched, and no longer.
 *
 * Groups are distinct times, ascending, each with the durations that ended
 * there (`events`) and those censored there; at a tie the events come first
 * (the usual convention: a duration censored at t was still running at t).
 * S(t) = product over event times t_j <= t of (1 - d_j / n_j), n_j the
 * durations still running just before t_j.
 */
export interface SurvivalGroup {
  time: number;
  events: number;
  censored: number;
}

export interface CensoredQuantile {
  /** The estimate, or (when `beyond`) the longest duration seen: the quantile is more than this. */
  value: number;
  /** True when the estimated distribution never reaches the level: the quantile lies beyond what was watched. */
  beyond: boolean;
}

export interface SurvivalCurve {
  /** Event times and S just after each. */
  times: number[];
  survival: number[];
  /** The longest duration seen (event or censored); NaN when there are none. */
  longest: number;
  /** 1 - S at the last event: the highest level a quantile can be estimated for (0 with no events; NaN with no durations). */
  reach: number;
  events: number;
  censored: number;
}

// Products of many factors drift by a few ulps; a level this close counts as reached.
const TOLERANCE = 1e-9;

/** The product-limit curve of grouped durations (groups in ascending time, counts >= 0). */
export function survivalCurve(groups: readonly SurvivalGroup[]): SurvivalCurve {
  let atRisk = 0;
  let events = 0;
  let censored = 0;
  for (const g of groups) {
    if (!(g.events >= 0 && g.censored >= 0 && Number.isFinite(g.time))) throw new RangeError(`bad survival group at time ${g.time}`);
    atRisk += g.events + g.censored;
    events += g.events;
    censored += g.censored;
  }
  const times: number[] = [];
  const survival: number[] = [];
  let s = 1;
  let longest = NaN;
  let last = -Infinity;
  for (const g of groups) {
    if (!(g.time >= last)) throw new RangeError('survival groups must be in ascending time');
    last = g.time;
    if (g.events + g.censored > 0) longest = g.time;
    if (g.events > 0) {
      s *= 1 - g.events / atRisk;
      times.push(g.time);
      survival.push(s);
    }
    atRisk -= g.events + g.censored;
  }
  const total = events + censored;
  return { times, survival, longest, reach: total === 0 ? NaN : events === 0 ? 0 : 1 - s, events, censored };
}

/** True when a curve reaching `reach` (SurvivalCurve.reach) has no estimate of its p-quantile (see curveQuantile). */
export const beyond = (reach: number, p: number): boolean => reach < p - TOLERANCE;

/** The p-quantile of a curve: the first event time where S <= 1 - p; beyond what was seen when S never gets there. */
export function curveQuantile(curve: SurvivalCurve, p: number): CensoredQuantile {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile level must be in (0, 1), got ${p}`);
  if (curve.events + curve.censored === 0) return { value: NaN, beyond: false };
  for (let j = 0; j < curve.times.length; j++) {
    if (curve.survival[j]! <= 1 - p + TOLERANCE) return { value: curve.times[j]!, beyond: false };
  }
  return { value: curve.longest, beyond: true };
}

/** Kaplan-Meier from exact durations: `observed[i]` false when `times[i]` is censored. */
export function kaplanMeier(times: readonly number[], observed: readonly boolean[]): SurvivalCurve {
  if (times.length !== observed.length) throw new RangeError('times and observed differ in length');
  const order = times.map((_, i) => i).sort((a, b) => times[a]! - times[b]!);
  const groups: SurvivalGroup[] = [];
  for (const i of order) {
    const t = times[i]!;
    if (!(t >= 0 && t < Infinity)) throw new RangeError(`durations must be finite and >= 0, got ${t}`);
    let g = groups[groups.length - 1];
    if (!g || g.time !== t) groups.push((g = { time: t, events: 0, censored: 0 }));
    if (observed[i]) g.events++;
    else g.censored++;
  }
  return survivalCurve(groups);
}

/**
 * Kaplan-Meier from two histograms of the same settings: finished durations
 * and censored ones. Each bucket is one time (the bucket's reported value,
 * within the histogram's relative error of every duration in it), so the
 * estimate carries that error too; within a bucket the finished come first.
 */
export function histogramSurvival(finished: LogHistogramSnapshot, censored: LogHistogramSnapshot): SurvivalCurve {
  const h = LogHistogram.fromSnapshot(finished);
  if (censored.relativeError !== finished.relativeError || censored.min !== finished.min || censored.max !== finished.max) {
    throw new RangeError('finished and censored histograms need the same settings');
  }
  const byBucket = new Map<number, SurvivalGroup>();
  const at = (i: number) => {
    let g = byBucket.get(i);
    if (!g) byBucket.set(i, (g = { time: 0, events: 0, censored: 0 }));
    return g;
  };
  for (const [i, c] of finished.buckets) at(i).events += c;
  for (const [i, c] of censored.buckets) at(i).censored += c;
  const lowest = Math.min(finished.buckets.length + finished.zeros > 0 ? finished.lowest : Infinity, censored.buckets.length + censored.zeros > 0 ? censored.lowest : Infinity);
  const highest = Math.max(finished.buckets.length + finished.zeros > 0 ? finished.highest : -Infinity, censored.buckets.length + censored.zeros > 0 ? censored.highest : -Infinity);
  const groups: SurvivalGroup[] = [];
  if (finished.zeros + censored.zeros > 0) groups.push({ time: 0, events: finished.zeros, censored: censored.zeros });
  for (const i of [...byBucket.keys()].sort((a, b) => a - b)) {
    const g = byBucket.get(i)!;
    g.time = Math.min(highest, Math.max(lowest, h.bucketValue(i)));
    groups.push(g);
  }
  // Clamping can make neighbouring buckets share a time; ascending order still holds. The longest is known exactly.
  const curve = survivalCurve(groups);
  return { ...curve, longest: Number.isFinite(highest) ? highest : NaN };
}

/**
 * The p-quantiles (`levels`, each in (0, 1)) and the reach of the
 * Kaplan-Meier curve of two histograms of the same settings, finished and
 * censored durations: exactly `curveQuantile(histogramSurvival(finished.snapshot(),
 * censored.snapshot()), p).value` for each level and that curve's `reach`,
 * read from the histograms' buckets in one pass without building snapshots
 * or the curve (a replication summarises several such distributions).
 * `into` receives the quantiles, in the order of `levels`; returns the reach.
 */
export function histogramQuantiles(finished: LogHistogram, censored: LogHistogram, levels: readonly number[], into: number[]): number {
  if (censored.relativeError !== finished.relativeError || censored.min !== finished.min || censored.max !== finished.max) {
    throw new RangeError('finished and censored histograms need the same settings');
  }
  for (const p of levels) if (!(p > 0 && p < 1)) throw new RangeError(`quantile level must be in (0, 1), got ${p}`);
  into.length = levels.length;
  into.fill(NaN);
  const total = finished.count + censored.count;
  if (total === 0) return NaN;
  const lowest = Math.min(finished.count > 0 ? finished.smallest : Infinity, censored.count > 0 ? censored.smallest : Infinity);
  const highest = Math.max(finished.count > 0 ? finished.largest : -Infinity, censored.count > 0 ? censored.largest : -Infinity);
  let atRisk = total;
  let s = 1;
  let found = 0;
  let events = 0;
  // Zeros first (time 0, not clamped), then each bucket in ascending order, as histogramSurvival groups them;
  // the buckets below the smallest positive value seen are empty, and those past the largest are never reached.
  const positive = Math.min(smallestPositive(finished), smallestPositive(censored));
  const first = positive < Infinity ? finished.bucketOf(positive) : finished.buckets;
  for (let i = first - 1; i < finished.buckets && atRisk > 0; i++) {
    const zeros = i === first - 1;
    const d = zeros ? finished.zeroCount : finished.bucketCount(i);
    const c = zeros ? censored.zeroCount : censored.bucketCount(i);
    if (d > 0) {
      s *= 1 - d / atRisk;
      events += d;
      // Each level not yet found that this step's S reaches (S only falls, so the others come later).
      for (let k = 0; k < levels.length && found < levels.length; k++) {
        if (Number.isNaN(into[k]!) && s <= 1 - levels[k]! + TOLERANCE) {
          into[k] = zeros ? 0 : Math.min(highest, Math.max(lowest, finished.bucketValue(i)));
          found++;
        }
      }
    }
    atRisk -= d + c;
  }
  // Levels the curve never reaches lie beyond what was watched: the longest duration seen.
  if (found < levels.length) for (let k = 0; k < levels.length; k++) if (Number.isNaN(into[k]!)) into[k] = highest;
  return events === 0 ? 0 : 1 - s;
}

/**
 * The smallest positive value a histogram holds, Infinity when none: its smallest value when that is positive, or
 * else (it holds zeros) a positive value no larger than any it holds, the lowest of its buckets' range.
 */
function smallestPositive(h: LogHistogram): number {
  if (h.count === h.zeroCount) return Infinity;
  return h.smallest > 0 ? h.smallest : h.min / 2;
}
