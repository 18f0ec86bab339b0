/**
 * The uniform random source every sampler in the engine draws from.
 *
 * Implementations must be deterministic: the same construction gives the same
 * sequence on any machine. The engine has one implementation,
 * {@link Xoshiro128StarStar}; the interface exists so tests can pass a scripted
 * source and so samplers do not depend on the algorithm.
 */
export interface RandomStream {
  /**
   * A float uniformly distributed on [0, 1) with 53 bits of resolution: every
   * value is a multiple of 2^-53, the largest is 1 - 2^-53, so the result is
   * never exactly 1 and `1 - next()` is never 0 (safe under a logarithm).
   * `next()` itself can be 0 (with probability 2^-53).
   */
  next(): number;
  /** The next raw 32-bit output, an integer in [0, 2^32). */
  nextUint32(): number;
  /**
   * An integer uniformly distributed on 0..n-1. `n` must be a positive integer
   * no greater than 2^32; anything else throws a RangeError. Computed as
   * floor(next() * n), so the bias is below n * 2^-53 (negligible here).
   */
  int(n: number): number;
}
