import { describe, expect, it } from 'vitest';
import { parseGitDate, parseGitLog, renamedPath } from '../../../../simulation/orgImport/gitLog';
import { authorIdentities, identityIndex, suggestPerson } from '../../../../simulation/orgImport/identities';

const LOG = `commit 1111111aaaaaaa
Author: Gus Keller <gus.keller@gmail.com>
Date:   2026-03-02T10:00:00+01:00

    Tune the model

3\t1\tservices/reco/model.py

commit 2222222bbbbbbb
Merge: 1111111 3333333
Author: Ana Lima <ana@shop.example>
Date:   Mon Mar 2 09:00:00 2026 +0000

    Merge branch

commit 3333333ccccccc
Author: Gus Keller <GUS@shop.example>
Date:   Sun Mar 1 09:00:00 2026 +0000

    Move file

0\t0\tservices/reco/{old => new}/x.py
-\t-\tservices/reco/logo.png
this line is not numstat
`;

describe('git log --numstat', () => {
  it('reads commits, both date styles, renames and binary files, and skips merges', () => {
    const log = parseGitLog(LOG, 'h.txt');
    expect(log.commits.map((c) => c.hash)).toEqual(['1111111aaaaaaa', '3333333ccccccc']);
    expect(log.merges).toBe(1);
    expect(log.commits[0]!.time).toBe(Date.UTC(2026, 2, 2, 9) / 1000);
    expect(log.commits[1]!.email).toBe('gus@shop.example');
    expect(log.commits[1]!.files).toEqual([
      { path: 'services/reco/new/x.py', from: 'services/reco/old/x.py', added: 0, deleted: 0 },
      { path: 'services/reco/logo.png', from: null, added: null, deleted: null },
    ]);
  });

  it('lists a line it cannot read with its number and reason', () => {
    const log = parseGitLog(LOG, 'h.txt');
    expect(log.problems).toEqual([expect.objectContaining({ file: 'h.txt', line: 24, reason: expect.stringContaining('not a numstat line') })]);
    const bad = parseGitLog('commit abcdef1\nAuthor: X <x@y>\nDate: yesterday\n\n1\t1\ta\n', 'h.txt');
    expect(bad.commits).toEqual([]);
    expect(bad.problems.map((p) => p.line)).toEqual([3, 1]);
    expect(parseGitLog('hello\n', 'h.txt').problems[0]).toMatchObject({ line: 1, reason: expect.stringContaining('before the first "commit"') });
  });

  it('parses dates and renames as git prints them', () => {
    expect(parseGitDate('2026-03-02 10:00:00 -0130')).toBe(Date.UTC(2026, 2, 2, 11, 30) / 1000);
    expect(parseGitDate('2026-13-02T10:00:00Z')).toBeNull();
    expect(renamedPath('a => b')).toEqual({ path: 'b', from: 'a' });
    expect(renamedPath('src/{ => lib}/x.ts')).toEqual({ path: 'src/lib/x.ts', from: 'src/x.ts' });
  });
});

describe('authors with several emails', () => {
  it('are one identity when they share a name, and one person when any email matches', () => {
    const log = parseGitLog(LOG, 'h.txt');
    const ids = authorIdentities(log.commits);
    expect(ids).toHaveLength(1);
    expect(ids[0]!.emails.sort()).toEqual(['gus.keller@gmail.com', 'gus@shop.example']);
    const of = identityIndex(ids);
    expect(new Set(log.commits.map((c) => of(c))).size).toBe(1);
    const people = [{ key: 'gus-keller', name: 'Gus Keller', emails: ['gus@shop.example'], handles: [] }];
    expect(suggestPerson(ids[0]!, people)).toBe('gus-keller');
    expect(suggestPerson({ key: 'x', names: ['G. K.'], emails: ['gk1980@gmail.com'], commits: 1, bot: false }, people)).toBeNull();
  });

  it('flags bots', () => {
    const ids = authorIdentities(parseGitLog('commit abcdef1\nAuthor: dependabot[bot] <1+dependabot[bot]@users.noreply.github.com>\nDate: 2026-01-01T00:00:00Z\n\n1\t0\tx\n').commits);
    expect(ids[0]!.bot).toBe(true);
  });
});
