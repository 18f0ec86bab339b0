/**
 * Small, fixed integer hashes used to turn (run seed, stream name) into
 * generator state. They are part of the reproducibility contract: changing
 * any constant here changes every simulated number, so the tests pin them to
 * published reference values.
 */

/**
 * MurmurHash3 x86_32 (Austin Appleby, SMHasher) of a byte string with a 32-bit
 * seed; returns an unsigned 32-bit integer. Bytes are read little-endian in
 * 4-byte blocks, exactly as the reference `MurmurHash3_x86_32`.
 */
export function murmur3(bytes: Uint8Array, seed: number): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const len = bytes.length;
  const blocks = len & ~3;
  let h = seed | 0;
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const rest = len & 3;
  if (rest > 0) {
    let k = 0;
    if (rest === 3) k ^= bytes[blocks + 2]! << 16;
    if (rest >= 2) k ^= bytes[blocks + 1]! << 8;
    k ^= bytes[blocks]!;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= len;
  return fmix32(h);
}

/**
 * The MurmurHash3 32-bit finaliser: a bijection on 32-bit integers with full
 * avalanche. Returns an unsigned 32-bit integer.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * SplitMix32: a Weyl sequence (step 0x9e3779b9, the 32-bit golden ratio)
 * passed through {@link fmix32}. Returns a function that yields the next
 * unsigned 32-bit output on each call; the first output is
 * fmix32(seed + 0x9e3779b9). Used to spread one 32-bit seed over many words.
 */
export function splitMix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return fmix32(state);
  };
}

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8(text: string): Uint8Array {
  // Stream names are nearly always ASCII: copy the codes, without an encoder call (a run names thousands of streams).
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return encoder.encode(text);
    bytes[i] = code;
  }
  return bytes;
}

const encoder = new TextEncoder();
