import { upperIncompleteGamma } from './specialFunctions';

/**
 * Standard normal CDF Phi(x), accurate in relative terms in both tails
 * (computed as erfc through the incomplete gamma function). Phi(-Infinity) = 0,
 * Phi(Infinity) = 1, NaN gives NaN.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const tail = 0.5 * upperIncompleteGamma(0.5, (x * x) / 2); // P(Z > |x|)
  return x < 0 ? tail : 1 - tail;
}

/**
 * Standard normal quantile Phi^-1(p): a rational starting guess (Abramowitz and
 * Stegun 26.2.23) refined by Halley steps on {@link normalCdf}, to about
 * 1e-15 relative. p = 0 gives -Infinity and p = 1 gives Infinity.
 * @throws RangeError for p outside [0, 1] or NaN.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile needs p in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Solve in the lower tail, where the probability is held without cancellation.
  const q = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  let x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
  for (let i = 0; i < 8; i++) {
    const e = 0.5 * upperIncompleteGamma(0.5, (x * x) / 2) - q; // Phi(x) - q for x < 0
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    const step = u / (1 + (x * u) / 2);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(x)) break;
  }
  return p < 0.5 ? x : -x;
}
