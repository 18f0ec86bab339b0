import type { RandomStream } from './randomStream';

/**
 * xoshiro128** 1.1 (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", 2018; reference C: xoshiro128starstar.c at prng.di.unimi.it):
 * a 32-bit generator with 128 bits of state and period 2^128 - 1, written with
 * 32-bit integer operations only, so it is fast in JavaScript and gives the
 * same numbers on every engine.
 *
 * Construct it from four 32-bit words that are not all zero (an all-zero state
 * would output zeros forever, so it is refused with a RangeError). Use
 * `RandomStreams` to get well-mixed states from a seed and a name; the raw
 * constructor exists for the reference vectors.
 */
export class Xoshiro128StarStar implements RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = 0;
    this.s1 = 0;
    this.s2 = 0;
    this.s3 = 0;
    this.reseed(s0, s1, s2, s3);
  }

  /**
   * Starts again from the state (s0, s1, s2, s3), with the constructor's
   * checks, so a generator can be reused instead of allocated (the model
   * gives each work item its own generator and recycles finished items).
   */
  reseed(s0: number, s1: number, s2: number, s3: number): this {
    if (!(isWord(s0) && isWord(s1) && isWord(s2) && isWord(s3))) throw badWords(s0, s1, s2, s3);
    if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    return this;
  }

  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /** The next raw 32-bit output of the reference algorithm, in [0, 2^32). */
  /** Moves this generator to where `other` is: the same point of the same sequence. */
  copyFrom(other: Xoshiro128StarStar): void {
    this.s0 = other.s0;
    this.s1 = other.s1;
    this.s2 = other.s2;
    this.s3 = other.s3;
  }

  /** A new generator at the same point of the same sequence. */
  copy(): Xoshiro128StarStar {
    const [a, b, c, d] = this.state();
    return new Xoshiro128StarStar(a, b, c, d);
  }

  nextUint32(): number {
    return this.step() >>> 0;
  }

  /** Uniform on [0, 1) with 53 bits: consumes two outputs; never returns 1 (see {@link RandomStream.next}). */
  next(): number {
    // 27 high bits of one output and 26 of the next make a 53-bit integer.
    const hi = this.step() >>> 5;
    const lo = this.step() >>> 6;
    return (hi * 67108864 + lo) * 1.1102230246251565e-16; // 2^26, 2^-53
  }

  /** Uniform integer in 0..n-1 for an integer n in 1..2^32 (see {@link RandomStream.int}). */
  int(n: number): number {
    if (!(n >= 1 && n <= 4294967296 && Number.isInteger(n))) {
      throw new RangeError(`int(n) needs an integer n in 1..2^32, got ${n}`);
    }
    return Math.floor(this.next() * n);
  }

  /** One step of the reference algorithm; returns the output as a signed int32. */
  private step(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    const s3 = this.s3;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }
}

/** An integer in 0..2^32 - 1 (NaN, fractions, negatives and 2^32 or more change under `>>> 0`). */
const isWord = (w: number): boolean => w >>> 0 === w;

// Kept out of reseed so it stays small enough to inline.
function badWords(...words: number[]): RangeError {
  const w = words.find((x) => !isWord(x));
  return new RangeError(`xoshiro128** state words must be 32-bit unsigned integers, got ${w}`);
}
