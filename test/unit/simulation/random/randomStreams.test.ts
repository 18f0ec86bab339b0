import { describe, expect, it } from 'vitest';
import { murmur3, splitMix32, utf8 } from '../../../../simulation/random/hash';
import { RandomStreams } from '../../../../simulation/random/randomStreams';
import type { RandomStream } from '../../../../simulation/random/randomStream';

function take(stream: RandomStream, n: number): number[] {
  return Array.from({ length: n }, () => stream.nextUint32());
}

describe('RandomStreams', () => {
  it('gives the same sequence for the same seed and name', () => {
    expect(take(new RandomStreams(42).stream('arrivals:svc-recs'), 20)).toEqual(take(new RandomStreams(42).stream('arrivals:svc-recs'), 20));
  });

  it('derives state words as murmur3 of the UTF-8 name under four SplitMix32(seed) hash seeds', () => {
    // Both parts are checked against published vectors in hash.test.ts; this pins how they combine.
    const next = splitMix32(1);
    const bytes = utf8('arrivals');
    const expected = [next(), next(), next(), next()].map((hashSeed) => murmur3(bytes, hashSeed));
    expect(new RandomStreams(1).fresh('arrivals').state()).toEqual(expected);
    // And the literal values, so a change to either part is caught here too.
    expect(expected).toEqual([2259767293, 2824206442, 3768991090, 3015784668]);
  });

  it('gives different sequences for different names and for different seeds', () => {
    const streams = new RandomStreams(7);
    const a = take(streams.stream('arrivals:a'), 8);
    const b = take(streams.stream('arrivals:b'), 8);
    const c = take(new RandomStreams(8).stream('arrivals:a'), 8);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
    // Not merely shifted copies of one another either.
    expect(a.filter((x) => b.includes(x))).toEqual([]);
  });

  it('does not depend on which other streams exist, or in what order they were created and used', () => {
    const first = new RandomStreams(99);
    const lone = take(first.stream('repair:db'), 50);

    const second = new RandomStreams(99);
    take(second.stream('arrivals:web'), 1000);
    second.stream('zzz');
    take(second.stream('absence:alice'), 3);
    expect(take(second.stream('repair:db'), 50)).toEqual(lone);
  });

  it('shares one stream per name, and fresh() restarts it', () => {
    const streams = new RandomStreams(3);
    const s = streams.stream('x');
    expect(streams.stream('x')).toBe(s);
    const firstTwo = take(s, 2);
    expect(take(streams.stream('x'), 1)).not.toEqual(firstTwo.slice(0, 1));
    expect(take(streams.fresh('x'), 2)).toEqual(firstTwo);
  });

  it('gives streams with no detectable correlation between neighbouring names', () => {
    // Pearson correlation of 20,000 paired uniforms from 'w:1' and 'w:2': under
    // independence its standard error is 1/sqrt(n) = 0.00707; allow 4.5 of them.
    const streams = new RandomStreams(2024);
    const a = streams.stream('w:1');
    const b = streams.stream('w:2');
    const n = 20_000;
    let sa = 0;
    let sb = 0;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let i = 0; i < n; i++) {
      const x = a.next();
      const y = b.next();
      sa += x;
      sb += y;
      sab += x * y;
      saa += x * x;
      sbb += y * y;
    }
    const cov = sab / n - (sa / n) * (sb / n);
    const r = cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
    expect(Math.abs(r)).toBeLessThan(4.5 / Math.sqrt(n));
  });

  it('accepts seeds 0 and 2^32-1 and refuses others', () => {
    expect(() => new RandomStreams(0).stream('a').next()).not.toThrow();
    expect(() => new RandomStreams(0xffffffff).stream('a').next()).not.toThrow();
    for (const seed of [-1, 1.5, 2 ** 32, NaN]) expect(() => new RandomStreams(seed)).toThrow(RangeError);
  });
});
