import type { ImportProblem } from './problems';

/** One rule of a CODEOWNERS file: a path pattern and its owners (`@user`, `@org/team` or an email). */
export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  matcher: RegExp;
}

export interface Codeowners {
  rules: CodeownersRule[];
  problems: ImportProblem[];
}

/**
 * A gitignore-style pattern as GitHub reads it in CODEOWNERS: `*` within a
 * path segment, `**` across segments, `?` one character; a pattern with no
 * slash but a trailing one matches at any depth; a leading `/` (or a slash
 * inside) anchors it at the repository root; a pattern matches a directory
 * and everything under it. Null with a reason for what GitHub does not
 * support (`!` negation, `[ ]` ranges).
 */
export function patternToRegExp(pattern: string): RegExp | string {
  if (pattern.startsWith('!')) return 'negation (!) is not supported in CODEOWNERS';
  if (/[[\]]/.test(pattern)) return 'character ranges ([ ]) are not supported in CODEOWNERS';
  let p = pattern.replace(/\\#/g, '#');
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith('/') || p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i]!;
    if (ch === '*' && p[i + 1] === '*') {
      if (p[i + 2] === '/') {
        re += '(?:.*/)?';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  const head = anchored ? '^' : '^(?:.*/)?';
  // A file pattern matches the file or a directory of that name (and its contents); a directory pattern only contents.
  const tail = dirOnly ? '/.*$' : '(?:/.*)?$';
  return new RegExp(head + re + tail);
}

/** Reads a CODEOWNERS file; rules keep the file's order (the last match wins, see {@link ownersOf}). */
export function parseCodeowners(text: string, file = 'CODEOWNERS'): Codeowners {
  const rules: CodeownersRule[] = [];
  const problems: ImportProblem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = i + 1;
      const content = raw.replace(/(^|[^\\])#.*$/, '$1').trim();
      if (content === '') return;
      if (/^\[.*\]$/.test(content) || /^\^\[.*\]/.test(content)) {
        problems.push({ file, line, reason: 'GitLab section headers are not read; the rules under it are', value: content });
        return;
      }
      const [pattern, ...owners] = content.split(/\s+/);
      const matcher = patternToRegExp(pattern!);
      if (typeof matcher === 'string') {
        problems.push({ file, line, field: 'pattern', reason: `${matcher}; rule skipped`, value: pattern });
        return;
      }
      const bad = owners.filter((o) => !/^@[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/.test(o) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(o));
      for (const o of bad) problems.push({ file, line, field: 'owner', reason: `"${o}" is not @user, @org/team or an email; left out`, value: o });
      rules.push({ pattern: pattern!, owners: owners.filter((o) => !bad.includes(o)), line, matcher });
    });
  return { rules, problems };
}

/**
 * The owners of a path: GitHub's rule, the *last* matching pattern in the
 * file takes precedence (an empty owner list there means "no owner", even if
 * an earlier rule matched). Null when no rule matches.
 */
export function ownersOf(codeowners: Pick<Codeowners, 'rules'>, path: string): CodeownersRule | null {
  const p = path.replace(/^\/+/, '');
  for (let i = codeowners.rules.length - 1; i >= 0; i--) if (codeowners.rules[i]!.matcher.test(p)) return codeowners.rules[i]!;
  return null;
}

/** `@org/team` -> `team`; `@user` -> `user`; an email as it is. */
export function ownerHandle(owner: string): { kind: 'team' | 'user' | 'email'; handle: string } {
  if (owner.includes('@') && !owner.startsWith('@')) return { kind: 'email', handle: owner.toLowerCase() };
  const name = owner.replace(/^@/, '');
  const slash = name.indexOf('/');
  return slash >= 0 ? { kind: 'team', handle: name.slice(slash + 1) } : { kind: 'user', handle: name };
}
