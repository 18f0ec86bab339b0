import type { ImportProblem } from './problems';

/** One commit of a `git log --numstat` export: who, when, and the files it changed. */
export interface GitCommit {
  hash: string;
  author: string;
  email: string;
  /** Seconds since 1970 (UTC). */
  time: number;
  /** 1-based line of the `commit` line in the export. */
  line: number;
  files: GitFileChange[];
}

export interface GitFileChange {
  path: string;
  /** The path before a rename, when the change is one. */
  from: string | null;
  added: number | null;
  deleted: number | null;
}

export interface GitLog {
  commits: GitCommit[];
  problems: ImportProblem[];
  /** Merge commits skipped (they repeat their parents' changes). */
  merges: number;
}

/** The command the dialog and the CLI show. `--no-merges` is optional: merges are skipped either way. */
export const GIT_LOG_COMMAND = 'git log --numstat --no-merges --date=iso-strict > git-history.txt';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as git prints it: ISO 8601 (`--date=iso-strict`, `--date=iso`) or
 * git's default (`Thu Feb 5 10:12:33 2026 +0100`). Seconds since 1970, or
 * null when it is neither.
 */
export function parseGitDate(text: string): number | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (iso) return utcSeconds(+iso[1]!, +iso[2]!, +iso[3]!, +iso[4]!, +iso[5]!, +iso[6]!, iso[7] ?? 'Z');
  const def = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) ([+-]\d{4})$/.exec(t);
  if (def) {
    const month = MONTHS.indexOf(def[1]!) + 1;
    if (month === 0) return null;
    return utcSeconds(+def[6]!, month, +def[2]!, +def[3]!, +def[4]!, +def[5]!, def[7]!);
  }
  return null;
}

function utcSeconds(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  let offset = 0;
  if (zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!z) return null;
    offset = (z[1] === '-' ? -1 : 1) * (+z[2]! * 60 + +z[3]!) * 60;
  }
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000 - offset;
}

/** `a/{b => c}/d` and `a => b`: the path after the rename and before it. */
export function renamedPath(text: string): { path: string; from: string | null } {
  const brace = /^(.*)\{(.*) => (.*)\}(.*)$/.exec(text);
  if (brace) {
    const join = (mid: string) => `${brace[1]}${mid}${brace[4]}`.replace(/\/\/+/g, '/');
    return { path: join(brace[3]!), from: join(brace[2]!) };
  }
  const plain = /^(.*) => (.*)$/.exec(text);
  if (plain) return { path: plain[2]!, from: plain[1]! };
  return { path: text, from: null };
}

/**
 * Reads the text of `git log --numstat` (any `--date` git prints as ISO or
 * its default). Commits come back in the order of the file (git's: newest
 * first). A line that fits nowhere is listed with its number and skipped;
 * a commit without an author or a date is skipped whole, and said so.
 */
export function parseGitLog(text: string, file = 'git log'): GitLog {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const commits: GitCommit[] = [];
  const problems: ImportProblem[] = [];
  let merges = 0;
  let current: (Partial<GitCommit> & { line: number; files: GitFileChange[]; merge: boolean }) | null = null;
  const finish = () => {
    if (!current) return;
    if (current.merge) merges++;
    else if (current.author === undefined) problems.push({ file, line: current.line, reason: `commit ${current.hash ?? ''} has no Author line; skipped` });
    else if (current.time === undefined) problems.push({ file, line: current.line, reason: `commit ${current.hash ?? ''} has no readable Date line; skipped` });
    else commits.push({ hash: current.hash!, author: current.author, email: current.email ?? '', time: current.time, line: current.line, files: current.files });
    current = null;
  };
  lines.forEach((raw, i) => {
    const line = i + 1;
    const commit = /^commit ([0-9a-f]{7,64})\b/.exec(raw);
    if (commit) {
      finish();
      current = { hash: commit[1]!, line, files: [], merge: false };
      return;
    }
    if (raw.trim() === '' || raw.startsWith('    ')) return; // blank, or the message (indented by git)
    if (!current) {
      problems.push({ file, line, reason: 'text before the first "commit" line; is this the output of git log --numstat?', value: raw.slice(0, 80) });
      return;
    }
    const c: NonNullable<typeof current> = current;
    const header = /^([A-Za-z]+):\s*(.*)$/.exec(raw);
    if (header && !raw.includes('\t')) {
      const [, key, value] = header;
      if (key === 'Merge') c.merge = true;
      else if (key === 'Author') {
        const who = /^(.*?)\s*<([^>]*)>\s*$/.exec(value!);
        c.author = (who ? who[1]! : value!).trim();
        c.email = (who ? who[2]! : '').trim().toLowerCase();
      } else if (key === 'Date' || key === 'AuthorDate') {
        const t = parseGitDate(value!);
        if (t === null) problems.push({ file, line, field: 'Date', reason: `"${value}" is not a date git prints (use --date=iso-strict)`, value });
        else c.time = t;
      }
      return; // Commit:, CommitDate:, Signed-off-by-style headers are not needed
    }
    const stat = /^(\d+|-)\t(\d+|-)\t(.+)$/.exec(raw);
    if (stat) {
      const { path, from } = renamedPath(stat[3]!);
      c.files.push({ path, from, added: stat[1] === '-' ? null : +stat[1]!, deleted: stat[2] === '-' ? null : +stat[2]! });
      return;
    }
    problems.push({ file, line, reason: 'not a numstat line ("added<TAB>deleted<TAB>path"), a header or a message', value: raw.slice(0, 80) });
  });
  finish();
  if (commits.length === 0 && problems.length === 0) problems.push({ file, line: null, reason: 'no commits found; export the history with: ' + GIT_LOG_COMMAND });
  return { commits, problems, merges };
}
