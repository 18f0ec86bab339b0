import type { CatalogGroup } from './backstage';
import { entityRef } from './backstage';
import { applyCodeowners } from './ownership';
import { applyHistory, type ModelPerson } from './history';
import { findPerson, type ImportedOrganisation, type ImportedTeam } from './organisation';
import { convertPeople } from './peopleCsv';
import { keyOf } from './problems';
import type { OrgChoices, OrgSources } from './sources';

/**
 * The organisation the sources describe under the user's choices. Sources
 * are read in order of authority: the catalog gives teams, people and
 * services; the people file adds people and overrides their team, skills and
 * availability (it is the HR record); CODEOWNERS adds owners of services;
 * the history adds knowledge. Every conflict between sources is a note, and
 * every reference to something no source defines is a problem with its file
 * and line.
 */
export function buildOrganisation(sources: OrgSources, choices: OrgChoices, modelPeople: readonly ModelPerson[] = []): ImportedOrganisation {
  const org: ImportedOrganisation = { teams: [], people: [], services: [], knowledge: [], problems: [], notes: [] };
  const cat = sources.catalog;
  const team = (nameOrKey: string) => org.teams.find((t) => t.key === keyOf(nameOrKey) || keyOf(t.name) === keyOf(nameOrKey));
  const addTeam = (t: ImportedTeam) => team(t.key) ?? (org.teams.push(t), t);

  if (cat) {
    org.problems.push(...cat.problems);
    const owned = new Set(cat.services.map((s) => (s.owner ? entityRef(s.owner, 'group') : '')));
    const isTeam = (g: CatalogGroup) => g.type !== null || g.members.length > 0 || owned.has(g.ref) || cat.users.some((u) => u.memberOf.includes(g.ref)) || g.typeText === 'team';
    for (const g of cat.groups) {
      if (!isTeam(g)) {
        org.notes.push(`Group ${g.name}${g.typeText ? ` (${g.typeText})` : ''} has no members and owns nothing: not imported as a team.`);
        continue;
      }
      addTeam({ key: keyOf(g.name), name: g.title, type: g.type, source: `${g.file}:${g.line}` });
      if (!g.type && g.typeText && g.typeText !== 'team') org.notes.push(`Team ${g.title}: type "${g.typeText}" is not a Team Topologies type; stream-aligned assumed.`);
    }
    for (const u of cat.users) {
      const groups = [...u.memberOf, ...cat.groups.filter((g) => g.members.includes(u.ref)).map((g) => g.ref)];
      const teams = [...new Set(groups.map((ref) => cat.groups.find((g) => g.ref === ref)).filter((g) => g && team(g.name)).map((g) => team(g!.name)!.key))];
      for (const ref of groups) if (!cat.groups.some((g) => g.ref === ref)) org.problems.push({ file: u.file, line: u.line, field: 'spec.memberOf', reason: `${ref} is not a Group in the catalog` });
      if (teams.length > 1) org.notes.push(`${u.title} is in ${teams.length} teams (${teams.join(', ')}); put in ${teams[0]}.`);
      org.people.push({ key: keyOf(u.title), name: u.title, team: teams[0] ?? null, role: null, skills: {}, availability: null, emails: u.email ? [u.email] : [], handles: [u.name], source: `${u.file}:${u.line}` });
    }
    for (const g of cat.groups)
      for (const m of g.members) if (!cat.users.some((u) => u.ref === m)) org.problems.push({ file: g.file, line: g.line, field: 'spec.members', reason: `${m} is not a User in the catalog; left out of ${g.title}` });
  }

  if (sources.people) {
    const { people, problems } = convertPeople(sources.people.table, sources.people.mapping, sources.people.fixes);
    org.problems.push(...problems);
    for (const p of people) {
      const t = p.team ? addTeam({ key: keyOf(p.team), name: p.team, type: null, source: `${sources.people.table.file}:${p.row}` }) : null;
      const same = findPerson(org.people, p.name, p.emails);
      if (same) {
        if (t && same.team && same.team !== t.key) org.notes.push(`${same.name}: team ${t.name} from ${sources.people.table.file} row ${p.row} replaces ${team(same.team)?.name ?? same.team} from the catalog.`);
        if (t) same.team = t.key;
        Object.assign(same.skills, p.skills);
        same.availability = p.availability ?? same.availability;
        same.role = p.role ?? same.role;
        same.emails = [...new Set([...same.emails, ...p.emails])];
      } else org.people.push({ key: uniqueKey(keyOf(p.name), org.people), name: p.name, team: t?.key ?? null, role: p.role, skills: p.skills, availability: p.availability, emails: p.emails, handles: [], source: `${sources.people.table.file}:${p.row}` });
    }
  }

  if (cat) {
    const systemsInUse = new Set(cat.services.filter((s) => s.kind === 'Component' && s.system).map((s) => s.system!));
    for (const s of cat.services) {
      if (s.kind === 'System' && systemsInUse.has(s.ref)) continue; // its components are the services
      let teamKey: string | null = null;
      const owners: string[] = [];
      if (s.owner) {
        const ref = entityRef(s.owner, 'group');
        const group = cat.groups.find((g) => g.ref === ref);
        const user = cat.users.find((u) => u.ref === entityRef(s.owner!, 'user'));
        if (group) teamKey = team(group.name)?.key ?? null;
        else if (user && (ref.startsWith('user:') || !s.owner.includes(':'))) {
          const p = findPerson(org.people, user.title, user.email ? [user.email] : [], user.name);
          if (p) owners.push(p.key);
          teamKey = p?.team ?? null;
        } else org.problems.push({ file: s.file, line: s.line, field: 'spec.owner', reason: `owner ${s.owner} is not a Group or User in the catalog; ${s.title} imported without an owner`, value: s.owner });
      }
      org.services.push({ key: keyOf(s.name), name: s.title, team: teamKey, owners, source: `${s.file}:${s.line}`, files: 0, truckFactor: null });
    }
  }

  for (const r of choices.pathRules) {
    const name = r.service.trim();
    if (name && !org.services.some((s) => s.key === keyOf(name) || keyOf(s.name) === keyOf(name))) org.services.push({ key: keyOf(name), name, team: null, owners: [], source: `folder ${r.prefix || '(root)'}`, files: 0, truckFactor: null });
  }

  if (sources.codeowners) applyCodeowners(org, sources.codeowners, choices.pathRules, sources.git?.commits.flatMap((c) => c.files.map((f) => f.path)) ?? []);
  if (sources.git) applyHistory(org, sources.git, choices, modelPeople);

  for (const s of org.services)
    if (s.owners.length === 0) org.notes.push(`${s.name} has no person as owner${s.team ? ` (only team ${org.teams.find((t) => t.key === s.team)?.name ?? s.team})` : ''}: in a walled structure nobody responds to its incidents. Name owners in CODEOWNERS, import the history, or set them on the canvas.`);
  // A team no source gives a type keeps its type if the scenario has it; a new one is stream-aligned, said in the preview.
  return org;
}

function uniqueKey(base: string, taken: readonly { key: string }[]): string {
  let k = base || 'person';
  for (let i = 2; taken.some((t) => t.key === k); i++) k = `${base}-${i}`;
  return k;
}
