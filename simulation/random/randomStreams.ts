import { murmur3, splitMix32, utf8 } from './hash';
import { Xoshiro128StarStar } from './xoshiro128';

/**
 * Hands out independent, named random streams for one run seed.
 *
 * The stream for a name depends only on (seed, name): its four state words are
 * MurmurHash3 of the name's UTF-8 bytes under four hash seeds drawn from
 * SplitMix32(run seed). So creating, using or adding other streams never
 * changes the numbers of an existing one, whatever the order; this is what lets
 * two structure variants see the same arrivals (common random numbers) as
 * long as they use the same names for the same sources of randomness.
 *
 * Naming convention: `purpose:subject`, e.g. `arrivals:svc-recs`.
 *
 * Edge cases: `stream(name)` returns the same stream object for the same name
 * within one `RandomStreams` (it keeps its position); use {@link fresh} for a
 * new stream at the start of the sequence. Names may be any string, including
 * the empty string. Distinct names map to distinct states except with
 * probability about 2^-128 per pair.
 */
export class RandomStreams {
  /** The run seed, an unsigned 32-bit integer. */
  get seed(): number {
    return this.runSeed;
  }
  private runSeed: number;
  private hashSeeds: readonly [number, number, number, number];
  private readonly streams = new Map<string, Xoshiro128StarStar>();

  /** @throws RangeError unless `seed` is an integer in 0..2^32-1. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`run seed must be an integer in 0..4294967295, got ${seed}`);
    }
    this.runSeed = seed;
    const next = splitMix32(seed);
    this.hashSeeds = [next(), next(), next(), next()];
  }

  /** The stream for `name`, created on first use and shared afterwards. */
  stream(name: string): Xoshiro128StarStar {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = this.fresh(name);
      this.streams.set(name, s);
    }
    return s;
  }

  /**
   * Makes `target` a copy of this one (seed, streams and their positions),
   * reusing its generators for the names both have; `copies` gets each of
   * this one's generators mapped to its copy in `target`.
   */
  copyInto(target: RandomStreams, copies: Map<Xoshiro128StarStar, Xoshiro128StarStar>): void {
    target.runSeed = this.runSeed;
    target.hashSeeds = this.hashSeeds;
    for (const name of target.streams.keys()) if (!this.streams.has(name)) target.streams.delete(name);
    for (const [name, generator] of this.streams) {
      let copy = target.streams.get(name);
      if (copy) copy.copyFrom(generator);
      else target.streams.set(name, (copy = generator.copy()));
      copies.set(generator, copy);
    }
  }

  /** A new stream for `name` at the start of its sequence, not shared. */
  fresh(name: string): Xoshiro128StarStar {
    const bytes = nameBytes(name);
    const [a, b, c, d] = this.hashSeeds;
    const w0 = murmur3(bytes, a);
    const w1 = murmur3(bytes, b);
    const w2 = murmur3(bytes, c);
    const w3 = murmur3(bytes, d);
    // All four zero has probability 2^-128; the generator cannot run from it.
    return (w0 | w1 | w2 | w3) === 0 ? new Xoshiro128StarStar(1, 0, 0, 0) : new Xoshiro128StarStar(w0, w1, w2, w3);
  }
}

/**
 * Names' UTF-8 bytes, kept: a model run makes a few hundred streams, by the
 * same names in every replication. Emptied when it grows past 4,096 names.
 */
const bytesOfName = new Map<string, Uint8Array>();
function nameBytes(name: string): Uint8Array {
  let bytes = bytesOfName.get(name);
  if (bytes === undefined) {
    if (bytesOfName.size >= 4096) bytesOfName.clear();
    bytes = utf8(name);
    bytesOfName.set(name, bytes);
  }
  return bytes;
}
