import { describe, expect, it } from 'vitest';
import { degreeOfAuthorship, fileAuthorship, knowledgeOfFiles, recencyWeight, truckFactor, type FileTouch } from '../../../../simulation/orgImport/authorship';

const DAY = 86_400;
const touch = (who: string, time: number, path = 'f.py', from: string | null = null): FileTouch => ({ who, time, path, from });

describe('degree of authorship (Fritz et al.; weights and thresholds of Avelino et al. 2016)', () => {
  // One file: A creates it, B changes it twice, A once more, C once. Given newest first, as git lists them.
  const history = [touch('C', 365 * DAY), touch('A', 0), touch('B', -1), touch('B', -2), touch('A', -3)];
  // By hand:
  //   A: FA=1, DL=2, AC=3: 3.293 + 1.098 + 0.164*2 - 0.321*ln 4 = 4.719 - 0.44500 = 4.27400
  //   B: FA=0, DL=2, AC=3: 3.293 + 0.328 - 0.44500 = 3.17600
  //   C: FA=0, DL=1, AC=4: 3.293 + 0.164 - 0.321*ln 5 = 3.457 - 0.51663 = 2.94037
  //   DOA_N: A 1, B 3.17600/4.27400 = 0.74310, C 2.94037/4.27400 = 0.68797
  //   Authors (DOA_N > 0.75 and DOA >= 3.293): A only (B misses 0.75 by a hair).
  const [file] = fileAuthorship(history);
  const by = (who: string) => file!.authors.find((a) => a.who === who)!;

  it('counts first authorship, deliveries and acceptances and computes DOA as published', () => {
    expect(by('A')).toMatchObject({ firstAuthor: true, deliveries: 2, acceptances: 3 });
    expect(by('B')).toMatchObject({ firstAuthor: false, deliveries: 2, acceptances: 3 });
    expect(by('C')).toMatchObject({ firstAuthor: false, deliveries: 1, acceptances: 4 });
    expect(by('A').doa).toBeCloseTo(4.274, 3);
    expect(by('B').doa).toBeCloseTo(3.176, 3);
    expect(by('C').doa).toBeCloseTo(2.94037, 4);
    expect(degreeOfAuthorship(true, 0, 0)).toBeCloseTo(4.391, 10);
  });

  it('normalises per file and applies both author thresholds', () => {
    expect(by('A').normalised).toBe(1);
    expect(by('B').normalised).toBeCloseTo(0.7431, 4);
    expect(by('C').normalised).toBeCloseTo(0.68797, 4);
    expect(file!.authors.filter((a) => a.author).map((a) => a.who)).toEqual(['A']);
  });

  it('weights knowledge by recency: half after one half-life since the last change, measured to the newest commit', () => {
    expect(recencyWeight(365 * DAY, 365)).toBe(0.5);
    expect(recencyWeight(365 * DAY, 0)).toBe(1);
    const k = knowledgeOfFiles([file!], 365 * DAY, 365);
    expect(k.get('A')).toBeCloseTo(0.5, 6); // DOA_N 1, last change a year before the newest commit
    expect(k.get('B')).toBeCloseTo(0.7431 * 0.5, 4);
    expect(k.get('C')).toBeCloseTo(0.68797, 4); // the newest commit is theirs
    // A service of two files, the second only C's: the mean over its files.
    const two = fileAuthorship([...history, touch('C', 10, 'g.py')]);
    expect(knowledgeOfFiles(two, 365 * DAY, 0).get('C')).toBeCloseTo((0.68797 + 1) / 2, 4);
    expect(knowledgeOfFiles(two, 365 * DAY, 0).get('A')).toBeCloseTo(0.5, 6);
  });

  it('carries a file history across a rename', () => {
    const files = fileAuthorship([touch('B', 2, 'new.py', 'old.py'), touch('A', 1, 'old.py')]);
    expect(files.map((f) => f.path)).toEqual(['new.py']);
    expect(files[0]!.authors.find((a) => a.who === 'A')!.firstAuthor).toBe(true);
  });
});

describe('truck factor (Avelino et al.: remove top authors until more than half the files are orphaned)', () => {
  const solo = (who: string, path: string) => fileAuthorship([touch(who, 0, path)])[0]!;
  it('counts the people whose leaving orphans most files', () => {
    // A authors f1, f2, f3 (with B co-author of f3), B authors f4.
    const f3 = fileAuthorship([touch('A', 0, 'f3'), touch('B', 1, 'f3'), touch('B', 2, 'f3'), touch('B', 3, 'f3')])[0]!;
    expect(f3.authors.filter((a) => a.author).map((a) => a.who).sort()).toEqual(['A', 'B']);
    const files = [solo('A', 'f1'), solo('A', 'f2'), f3, solo('B', 'f4')];
    // Without A: f1, f2 orphaned (2 of 4, not more than half); without B too: all 4.
    expect(truckFactor(files)).toBe(2);
    // Only B is still in the organisation: f1, f2 are orphaned already; removing B orphans the rest.
    expect(truckFactor(files, new Set(['B']))).toBe(1);
    expect(truckFactor([solo('A', 'f1')], new Set(['B']))).toBe(0);
  });
});
