/**
 * Who knows which file, from its history: the degree-of-authorship (DOA)
 * model of Fritz et al. ("A degree-of-knowledge model to capture source code
 * familiarity", ICSE 2010; "Degree-of-knowledge: modeling a developer's
 * knowledge of code", TOSEM 2014), with the weights and the author thresholds
 * Avelino et al. use to estimate truck factors ("A novel approach for
 * estimating truck factors", ICPC 2016):
 *
 *   DOA(d, f) = 3.293 + 1.098 * FA + 0.164 * DL - 0.321 * ln(1 + AC)
 *
 * FA is 1 if d made the first change to f in the history, DL the number of
 * changes d made to f, AC the number of changes others made to f. DOA is
 * normalised per file by the file's largest DOA (DOA_N in 0..1); d is an
 * *author* of f when DOA_N > 0.75 and DOA >= 3.293 (Avelino et al.).
 *
 * Recency (ours, not part of the published model): knowledge fades with the
 * time since a person last changed the file, halving every `halfLifeDays`,
 * measured to the newest commit in the history (never to today, so the same
 * file gives the same result on any day). The knowledge a person has of a
 * file is DOA_N x 0.5^(days since their last change / half-life), and of a
 * service the mean of that over the service's files (0 for files they never
 * changed). Authorship and the truck factor use the published model alone.
 *
 * Limits, said where they are shown: a history that starts after a file was
 * created credits its first change in the export as the creation (FA); files
 * deleted since are still counted, as `git log --numstat` does not say so.
 */

/** The published weights (Avelino et al. 2016, after Fritz et al.). */
export const DOA_WEIGHTS = { intercept: 3.293, firstAuthorship: 1.098, deliveries: 0.164, acceptances: -0.321 } as const;
/** An author of a file has DOA_N above this and an absolute DOA of at least the intercept. */
export const AUTHOR_NORMALISED_THRESHOLD = 0.75;
export const AUTHOR_ABSOLUTE_THRESHOLD = 3.293;

export function degreeOfAuthorship(firstAuthor: boolean, deliveries: number, acceptances: number): number {
  const w = DOA_WEIGHTS;
  return w.intercept + w.firstAuthorship * (firstAuthor ? 1 : 0) + w.deliveries * deliveries + w.acceptances * Math.log(1 + acceptances);
}

/** One change to one file by one person (identities already merged: one `who` per person). */
export interface FileTouch {
  who: string;
  /** Seconds since 1970. */
  time: number;
  path: string;
  /** The path before, for a rename: the file's history carries on under the new path. */
  from: string | null;
}

export interface FileAuthor {
  who: string;
  firstAuthor: boolean;
  deliveries: number;
  acceptances: number;
  doa: number;
  normalised: number;
  author: boolean;
  lastChange: number;
}

export interface FileAuthorship {
  path: string;
  changes: number;
  authors: FileAuthor[];
}

interface Record_ {
  creator: string;
  counts: Map<string, number>;
  last: Map<string, number>;
  total: number;
}

/**
 * DOA of every person for every file. Touches may come in any order; they are
 * taken oldest first (ties in the order given, reversed, since git lists the
 * newest first).
 */
export function fileAuthorship(touches: readonly FileTouch[]): FileAuthorship[] {
  const ordered = touches.map((t, i) => ({ t, i })).sort((a, b) => a.t.time - b.t.time || b.i - a.i);
  const files = new Map<string, Record_>();
  for (const { t } of ordered) {
    if (t.from !== null && t.from !== t.path && files.has(t.from) && !files.has(t.path)) {
      files.set(t.path, files.get(t.from)!);
      files.delete(t.from);
    }
    let r = files.get(t.path);
    if (!r) files.set(t.path, (r = { creator: t.who, counts: new Map(), last: new Map(), total: 0 }));
    r.counts.set(t.who, (r.counts.get(t.who) ?? 0) + 1);
    r.last.set(t.who, Math.max(r.last.get(t.who) ?? -Infinity, t.time));
    r.total++;
  }
  return [...files.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([path, r]) => {
      const raw = [...r.counts.entries()].map(([who, dl]) => ({ who, firstAuthor: who === r.creator, deliveries: dl, acceptances: r.total - dl, doa: degreeOfAuthorship(who === r.creator, dl, r.total - dl), lastChange: r.last.get(who)! }));
      const max = Math.max(...raw.map((a) => a.doa));
      const authors = raw
        .map((a) => {
          const normalised = max > 0 ? a.doa / max : 0;
          return { ...a, normalised, author: normalised > AUTHOR_NORMALISED_THRESHOLD && a.doa >= AUTHOR_ABSOLUTE_THRESHOLD };
        })
        .sort((a, b) => b.doa - a.doa || (a.who < b.who ? -1 : 1));
      return { path, changes: r.total, authors };
    });
}

/** 0.5^(age / half-life); age in seconds, half-life in days. A half-life of 0 or less turns recency off. */
export function recencyWeight(ageSeconds: number, halfLifeDays: number): number {
  if (!(halfLifeDays > 0)) return 1;
  return Math.pow(0.5, Math.max(0, ageSeconds) / (halfLifeDays * 86_400));
}

/**
 * Knowledge (0..1) of each person of a set of files: the mean over the files
 * of DOA_N x recency, where recency is measured to `asOf` (the newest commit).
 */
export function knowledgeOfFiles(files: readonly FileAuthorship[], asOf: number, halfLifeDays: number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const f of files) for (const a of f.authors) sums.set(a.who, (sums.get(a.who) ?? 0) + a.normalised * recencyWeight(asOf - a.lastChange, halfLifeDays));
  const out = new Map<string, number>();
  if (files.length === 0) return out;
  for (const [who, sum] of sums) out.set(who, Math.min(1, sum / files.length));
  return out;
}

/**
 * The truck factor of a set of files (Avelino et al.'s greedy algorithm): remove
 * the person who authors the most files, then the next, until more than half of
 * the files have no author left; the number removed. `among` limits the people
 * who count (those still in the organisation); files with no author among them
 * count as already orphaned. 0 means more than half are orphaned today.
 */
export function truckFactor(files: readonly FileAuthorship[], among?: ReadonlySet<string>): number {
  if (files.length === 0) return 0;
  const authorsOf = files.map((f) => new Set(f.authors.filter((a) => a.author && (!among || among.has(a.who))).map((a) => a.who)));
  const orphaned = () => authorsOf.filter((s) => s.size === 0).length;
  let removed = 0;
  while (orphaned() * 2 <= files.length) {
    const coverage = new Map<string, number>();
    for (const s of authorsOf) for (const who of s) coverage.set(who, (coverage.get(who) ?? 0) + 1);
    const top = [...coverage.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (!top) break;
    for (const s of authorsOf) s.delete(top[0]);
    removed++;
  }
  return removed;
}
