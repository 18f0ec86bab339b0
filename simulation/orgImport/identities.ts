import type { GitCommit } from './gitLog';
import { keyOf } from './problems';

/**
 * One person as git knows them: the names and emails they committed under.
 * Emails are merged when they share a name (the same person at work and at
 * home), names when they share an email (a renamed account); `key` is the
 * first email seen (or the name, for commits without one).
 */
export interface AuthorIdentity {
  key: string;
  names: string[];
  emails: string[];
  commits: number;
  /** A bot account ("dependabot[bot]", "renovate-bot"): suggested to leave out. */
  bot: boolean;
}

const BOT = /(\[bot\]|(^|[-_ ])bot$|^dependabot|^renovate|^github-actions|noreply@github\.com$)/i;

/** The identities in a history, most commits first. */
export function authorIdentities(commits: readonly GitCommit[]): AuthorIdentity[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const add = (x: string) => parent.has(x) || parent.set(x, x);
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const c of commits) {
    const n = `name:${keyOf(c.author)}`;
    add(n);
    if (c.email) {
      add(`email:${c.email}`);
      union(`email:${c.email}`, n);
    }
  }
  const groups = new Map<string, AuthorIdentity>();
  for (const c of [...commits].reverse()) {
    const root = find(`name:${keyOf(c.author)}`);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { key: c.email || `name:${keyOf(c.author)}`, names: [], emails: [], commits: 0, bot: false }));
    if (!g.names.includes(c.author)) g.names.push(c.author);
    if (c.email && !g.emails.includes(c.email)) g.emails.push(c.email);
    g.commits++;
    g.bot ||= BOT.test(c.author) || BOT.test(c.email);
  }
  return [...groups.values()].sort((a, b) => b.commits - a.commits || (a.key < b.key ? -1 : 1));
}

/** The identity a commit belongs to. */
export function identityIndex(identities: readonly AuthorIdentity[]): (c: Pick<GitCommit, 'author' | 'email'>) => string | null {
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const id of identities) {
    for (const e of id.emails) byEmail.set(e, id.key);
    for (const n of id.names) byName.set(keyOf(n), id.key);
  }
  return (c) => (c.email ? byEmail.get(c.email) : undefined) ?? byName.get(keyOf(c.author)) ?? null;
}

/** A person an identity may be: matched by any of its emails, then by any of its names (or the email's local part). */
export function suggestPerson(identity: AuthorIdentity, people: readonly { key: string; name: string; emails: string[]; handles: string[] }[]): string | null {
  for (const e of identity.emails) {
    const p = people.find((x) => x.emails.includes(e));
    if (p) return p.key;
  }
  const names = new Set([...identity.names.map(keyOf), ...identity.emails.map((e) => keyOf(e.split('@')[0]!))]);
  return people.find((p) => names.has(p.key) || names.has(keyOf(p.name)) || p.handles.some((h) => names.has(keyOf(h))))?.key ?? null;
}
