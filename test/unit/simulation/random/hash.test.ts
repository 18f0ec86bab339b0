import { describe, expect, it } from 'vitest';
import { fmix32, murmur3, splitMix32, utf8 } from '../../../../simulation/random/hash';

describe('murmur3 (MurmurHash3_x86_32)', () => {
  // Published test vectors: Ian Boyd's set (Stack Overflow answer 31929528, also
  // used by the Python mmh3 tests) and the Wikipedia/SMHasher strings.
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['aaa', 0x9747b28c, 0x283e0130],
    ['aa', 0x9747b28c, 0x5d211726],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['abc', 0x9747b28c, 0xc84a62dd],
    ['ab', 0x9747b28c, 0x74875592],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['ππππππππ', 0x9747b28c, 0xd58063c1],
    ['abc', 0, 0xb3dd93fa],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
  ])('hashes %j with seed %i', (text, seed, expected) => {
    expect(murmur3(utf8(text), seed)).toBe(expected);
  });

  it('hashes raw bytes: four zero bytes with seed 0', () => {
    expect(murmur3(new Uint8Array([0, 0, 0, 0]), 0)).toBe(0x2362f9de);
    expect(murmur3(new Uint8Array([0x21, 0x43, 0x65, 0x87]), 0)).toBe(0xf55b516b);
  });
});

describe('fmix32 and splitMix32', () => {
  it('fmix32 maps 0 to 0 and is a bijection on a sample (no collisions)', () => {
    expect(fmix32(0)).toBe(0);
    const seen = new Set<number>();
    for (let i = 0; i < 50_000; i++) seen.add(fmix32(i * 0x9e3779b9));
    expect(seen.size).toBe(50_000);
  });

  it('splitMix32 yields fmix32 of the golden-ratio Weyl sequence', () => {
    const next = splitMix32(5);
    for (let k = 1; k <= 5; k++) expect(next()).toBe(fmix32((5 + k * 0x9e3779b9) >>> 0));
  });
});

describe('utf8', () => {
  it('gives the bytes TextEncoder gives, for ASCII and for any other text (lone surrogates included)', async () => {
    const fc = (await import('fast-check')).default;
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        expect([...utf8(text)]).toEqual([...encoder.encode(text)]);
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
