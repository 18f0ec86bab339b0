import { normalCdf, normalQuantile } from './normal';
import { incompleteBeta, logGamma } from './specialFunctions';

/**
 * Upper tail P(T > t) of Student's t with `df` degrees of freedom, for t >= 0,
 * from the incomplete beta function: P(T > t) = I_{df/(df+t^2)}(df/2, 1/2) / 2.
 */
function upperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * Student-t CDF P(T <= t); `df` > 0, may be fractional (Welch) or Infinity
 * (normal). Accurate to about 1e-14 for df up to 1e4, degrading to about
 * 1e-10 absolute by df = 1e7 (the continued fraction loses digits there).
 */
export function tCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = upperTail(Math.abs(t), df);
  return t < 0 ? tail : 1 - tail;
}

/**
 * Student-t quantile: the t with P(T <= t) = p, for `df` > 0 (fractional
 * allowed; Infinity gives the normal quantile). Exact formulas for df = 1 and
 * 2; otherwise a Cornish-Fisher start refined by bracketed Newton steps on the
 * exact CDF, to about 1e-12 relative; for df > 1e6 the Cornish-Fisher series
 * itself (its error is then below 1e-20). p = 0 or 1 give -/+Infinity.
 * Example: tQuantile(0.975, 9) = 2.2621571628.
 * @throws RangeError for p outside [0, 1] or df <= 0 or NaN.
 */
export function tQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`tQuantile needs p in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = p < 0.5 ? p : 1 - p; // upper-tail probability of |t|
  const sign = p < 0.5 ? -1 : 1;
  // A run asks for the same few quantiles hundreds of times (one interval per metric, a handful of n): remember them.
  const key = `${q}/${df}`;
  let value = remembered.get(key);
  if (value === undefined) {
    value = upperQuantile(q, df);
    if (remembered.size >= REMEMBERED) remembered.clear();
    remembered.set(key, value);
  }
  return sign * value;
}

const REMEMBERED = 256;
const remembered = new Map<string, number>();

/** The t > 0 with P(T > t) = q, 0 < q < 0.5. */
function upperQuantile(q: number, df: number): number {
  if (df === 1) return Math.tan(Math.PI * (0.5 - q));
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  const z = -normalQuantile(q);
  if (df === Infinity) return z;
  const start = cornishFisher(z, df);
  if (df > 1e6) return start;
  // Bracket [lo, hi] around the root, then Newton steps that never leave it.
  let lo = 0;
  let hi = Math.max(start, 1);
  while (upperTail(hi, df) > q) {
    lo = hi;
    hi *= 2;
  }
  let t = start > lo && start < hi ? start : (lo + hi) / 2;
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  for (let i = 0; i < 200; i++) {
    const f = upperTail(t, df) - q; // decreasing in t
    if (f > 0) lo = t;
    else hi = t;
    const density = Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
    let next = t + f / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * t) return next;
    t = next;
  }
  return t;
}

/** Cornish-Fisher expansion of the t quantile around the normal quantile z (A&S 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
}
