import { ownerHandle, ownersOf, type Codeowners, type CodeownersRule } from './codeowners';
import { findPerson, type ImportedOrganisation } from './organisation';
import { serviceOfPath, type PathRule } from './pathMapping';
import { keyOf } from './problems';

/**
 * Who owns each service according to CODEOWNERS. A service's paths are its
 * files in the history (or, without one, its folders); each path's owners are
 * those of the last matching rule (GitHub's precedence), and the service takes
 * the rule that owns most of its paths. `@org/team` sets the service's team
 * when the catalog did not; `@user` and emails become owners. An owner no
 * source knows is a problem on the rule's line.
 */
export function applyCodeowners(org: ImportedOrganisation, codeowners: Codeowners & { file: string }, rules: readonly PathRule[], historyPaths: readonly string[]): void {
  org.problems.push(...codeowners.problems);
  const reported = new Set<string>();
  const paths = new Map<string, string[]>();
  const files = historyPaths.length ? [...new Set(historyPaths)] : rules.filter((r) => r.prefix !== '').map((r) => `${r.prefix}/`);
  for (const p of files) {
    const svc = serviceOfPath(p, rules);
    if (!svc) continue;
    const key = keyOf(svc);
    paths.set(key, [...(paths.get(key) ?? []), p]);
  }
  let applied = 0;
  for (const s of org.services) {
    const counts = new Map<CodeownersRule, number>();
    for (const p of paths.get(s.key) ?? (s.key !== keyOf(s.name) ? (paths.get(keyOf(s.name)) ?? []) : [])) {
      // A folder stands for a file directly in it, so "/services/billing/" and "*" patterns both match.
      const rule = ownersOf(codeowners, p.endsWith('/') ? `${p}file` : p);
      if (rule) counts.set(rule, (counts.get(rule) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].line - a[0].line)[0]?.[0];
    if (!top) continue;
    applied++;
    for (const o of top.owners) {
      const h = ownerHandle(o);
      if (h.kind === 'team') {
        const t = org.teams.find((x) => x.key === keyOf(h.handle) || keyOf(x.name) === keyOf(h.handle));
        if (t) {
          if (s.team === null) s.team = t.key;
          else if (s.team !== t.key) org.notes.push(`${s.name}: CODEOWNERS line ${top.line} names ${o}, the catalog ${s.team}; the catalog's team kept.`);
          continue;
        }
      } else {
        const p = findPerson(org.people, h.handle, h.kind === 'email' ? [h.handle] : [], h.handle);
        if (p) {
          if (!s.owners.includes(p.key)) s.owners.push(p.key);
          if (s.team === null) s.team = p.team;
          continue;
        }
      }
      const id = `${top.line}:${o}`;
      if (reported.has(id)) continue;
      reported.add(id);
      org.problems.push({ file: codeowners.file, line: top.line, field: 'owner', reason: `${o} is not a ${h.kind === 'team' ? 'team' : 'person'} in the catalog or the people file; left out of ${s.name}'s owners`, value: o });
    }
  }
  if (applied === 0 && codeowners.rules.length > 0)
    org.notes.push(`${codeowners.file}: none of its ${codeowners.rules.length} rules reaches a service; say which folder is which service (step 2, or --map FOLDER=SERVICE).`);
}
