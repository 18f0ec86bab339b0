import { idFromName, matchName } from '../replay/nameMapping';
import type { Person, Scenario, Service, Skill, Team } from '../scenario/schema';
import type { ImportedOrganisation } from './organisation';

/** The model parts an import reads and changes. */
export type OrgModel = Pick<Scenario, 'skills' | 'teams' | 'people' | 'services'>;

/** One line of the preview: what the import adds to the scenario or changes in it. */
export interface MergeChange {
  kind: 'add' | 'change';
  entity: 'skill' | 'team' | 'person' | 'service' | 'owner' | 'knowledge';
  text: string;
}

/**
 * An import as changes to a scenario, in the terms of the editor's commands
 * (so the app applies it as one undoable step and the CLI applies the same
 * plan with {@link applyMergePlan}). Teams, people and services already in
 * the scenario (same name or id, ignoring case and spacing) are updated, not
 * duplicated; new ones get fresh ids and names no one else has.
 */
export interface MergePlan {
  addSkills: Skill[];
  addTeams: Team[];
  teamTypes: { id: string; type: Team['type'] }[];
  addPeople: Person[];
  personTeams: { id: string; team: string | null }[];
  personAvailability: { id: string; availability: number }[];
  personSkills: { id: string; skill: string; level: number }[];
  addServices: Service[];
  serviceTeams: { id: string; team: string | null }[];
  owners: { service: string; person: string }[];
  knowledge: { service: string; person: string; level: number }[];
  changes: MergeChange[];
}

/** Default workload of an imported service (the editor's for a new service): set it on the Workload tab or calibrate it from an incident log. */
export const IMPORTED_SERVICE_DEFAULTS = { incidentsPerHour: 0.002, workPerHour: 0.01, repairMeanHours: 4, detectionMeanHours: 0.5, stageMeanHours: 8 } as const;

export function planMerge(doc: OrgModel, org: ImportedOrganisation): MergePlan {
  const plan: MergePlan = { addSkills: [], addTeams: [], teamTypes: [], addPeople: [], personTeams: [], personAvailability: [], personSkills: [], addServices: [], serviceTeams: [], owners: [], knowledge: [], changes: [] };
  const ids = { skills: doc.skills.map((x) => x.id), teams: doc.teams.map((x) => x.id), people: doc.people.map((x) => x.id), services: doc.services.map((x) => x.id) };
  const names = { skills: doc.skills.map((x) => x.name), teams: doc.teams.map((x) => x.name), people: doc.people.map((x) => x.name), services: doc.services.map((x) => x.name) };
  const fresh = (kind: keyof typeof ids, name: string) => {
    const id = idFromName(name, ids[kind]);
    ids[kind].push(id);
    let n = name.slice(0, 190);
    for (let k = 2; names[kind].some((x) => x.toLowerCase() === n.toLowerCase()); k++) n = `${name.slice(0, 190)} ${k}`;
    names[kind].push(n);
    return { id, name: n };
  };
  const add = (kind: MergeChange['kind'], entity: MergeChange['entity'], text: string) => plan.changes.push({ kind, entity, text });

  const skillId = new Map<string, string>();
  for (const p of org.people)
    for (const s of Object.keys(p.skills)) {
      if (skillId.has(s)) continue;
      const found = matchName(s, doc.skills) ?? matchName(s, plan.addSkills);
      if (found) skillId.set(s, found);
      else {
        const { id, name } = fresh('skills', s);
        plan.addSkills.push({ id, name });
        skillId.set(s, id);
        add('add', 'skill', `skill ${name}`);
      }
    }

  const teamId = new Map<string, string>();
  for (const t of org.teams) {
    const found = doc.teams.find((x) => x.id === matchName(t.name, doc.teams) || x.id === t.key);
    if (found) {
      teamId.set(t.key, found.id);
      if (t.type && t.type !== found.type) {
        plan.teamTypes.push({ id: found.id, type: t.type });
        add('change', 'team', `team ${found.name}: ${found.type} -> ${t.type}`);
      }
      continue;
    }
    const { id, name } = fresh('teams', t.name);
    teamId.set(t.key, id);
    plan.addTeams.push({ id, name, type: t.type ?? 'stream-aligned', interactions: [] });
    add('add', 'team', `team ${name} (${t.type ?? 'stream-aligned, assumed'})`);
  }
  const teamOf = (key: string | null) => (key === null ? null : (teamId.get(key) ?? null));
  const teamName = (id: string | null) => (id === null ? 'no team' : (doc.teams.find((t) => t.id === id)?.name ?? plan.addTeams.find((t) => t.id === id)?.name ?? id));

  const personId = new Map<string, string>();
  for (const p of org.people) {
    const found = doc.people.find((x) => x.id === matchName(p.name, doc.people) || x.id === p.key);
    const skills = Object.fromEntries(Object.entries(p.skills).map(([s, level]) => [skillId.get(s)!, level]));
    if (found) {
      personId.set(p.key, found.id);
      const team = teamOf(p.team);
      if (p.team !== null && team !== found.team) {
        plan.personTeams.push({ id: found.id, team });
        add('change', 'person', `${found.name}: ${teamName(found.team)} -> ${teamName(team)}`);
      }
      if (p.availability !== null && p.availability !== found.availability) {
        plan.personAvailability.push({ id: found.id, availability: p.availability });
        add('change', 'person', `${found.name}: availability ${found.availability} -> ${p.availability}`);
      }
      for (const [skill, level] of Object.entries(skills))
        if (found.skills[skill] !== level) {
          plan.personSkills.push({ id: found.id, skill, level });
          add('change', 'person', `${found.name}: ${doc.skills.find((k) => k.id === skill)?.name ?? plan.addSkills.find((k) => k.id === skill)?.name ?? skill} ${found.skills[skill] ?? 0} -> ${level}`);
        }
      continue;
    }
    const { id, name } = fresh('people', p.name);
    personId.set(p.key, id);
    plan.addPeople.push({ id, name, team: teamOf(p.team), skills, absences: [], departureAt: null, availability: p.availability ?? 1 });
    add('add', 'person', `${name} (${teamName(teamOf(p.team))}${p.role ? `, ${p.role}` : ''})`);
  }
  const personName = (id: string) => doc.people.find((p) => p.id === id)?.name ?? plan.addPeople.find((p) => p.id === id)?.name ?? id;

  for (const s of org.services) {
    const owners = s.owners.map((o) => personId.get(o)).filter((o): o is string => o !== undefined);
    const knowledge = Object.fromEntries(org.knowledge.filter((k) => k.service === s.key && personId.has(k.person)).map((k) => [personId.get(k.person)!, k.level]));
    const found = doc.services.find((x) => x.id === matchName(s.name, doc.services) || x.id === s.key);
    if (found) {
      const team = teamOf(s.team);
      if (s.team !== null && team !== found.team) {
        plan.serviceTeams.push({ id: found.id, team });
        add('change', 'service', `${found.name}: team ${teamName(found.team)} -> ${teamName(team)}`);
      }
      for (const o of owners)
        if (!found.owners.includes(o)) {
          plan.owners.push({ service: found.id, person: o });
          add('add', 'owner', `${found.name}: owner ${personName(o)}`);
        }
      for (const [person, level] of Object.entries(knowledge))
        if (found.knowledge[person] !== level) {
          plan.knowledge.push({ service: found.id, person, level });
          add('change', 'knowledge', `${personName(person)} knows ${found.name}: ${found.knowledge[person] ?? 0} -> ${level}`);
        }
      continue;
    }
    const { id, name } = fresh('services', s.name);
    const team = teamOf(s.team);
    plan.addServices.push(importedService(id, name, team, owners, knowledge, stagesFor(team, plan, doc)));
    add('add', 'service', `${name} (${teamName(team)}; owners: ${owners.map(personName).join(', ') || 'none'}; ${Object.keys(knowledge).length} people know it)`);
  }
  return plan;
}

/** The (up to three) skills most of the team's people have, as the stages of its services' work. */
function stagesFor(team: string | null, plan: MergePlan, doc: OrgModel): string[] {
  const members = [...doc.people, ...plan.addPeople].filter((p) => team !== null && p.team === team);
  const count = new Map<string, number>();
  for (const p of members) for (const [s, l] of Object.entries(p.skills)) if (l > 0) count.set(s, (count.get(s) ?? 0) + 1);
  for (const u of plan.personSkills) if (members.some((m) => m.id === u.id)) count.set(u.skill, (count.get(u.skill) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([s]) => s);
}

function importedService(id: string, name: string, team: string | null, owners: string[], knowledge: Record<string, number>, stages: string[]): Service {
  const d = IMPORTED_SERVICE_DEFAULTS;
  return {
    id,
    name,
    team,
    criticality: 'medium',
    owners,
    knowledge,
    detection: { kind: 'exponential', mean: d.detectionMeanHours },
    incidents: { ratePerHour: d.incidentsPerHour, repairHours: { kind: 'lognormal', mean: d.repairMeanHours, sigma: 0.8 } },
    work: { arrivals: { kind: 'poisson', ratePerHour: stages.length ? d.workPerHour : 0 }, stages: stages.map((skill) => ({ skill, hours: { kind: 'lognormal', mean: d.stageMeanHours, sigma: 0.5 } })), review: null },
  };
}

/** The plan applied to a copy of the model parts (the CLI's merge; the app applies the same plan as commands). */
export function applyMergePlan<T extends OrgModel>(doc: T, plan: MergePlan): T {
  const out = structuredClone(doc);
  out.skills.push(...plan.addSkills);
  out.teams.push(...plan.addTeams);
  for (const u of plan.teamTypes) out.teams.find((t) => t.id === u.id)!.type = u.type;
  out.people.push(...plan.addPeople);
  for (const u of plan.personTeams) out.people.find((p) => p.id === u.id)!.team = u.team;
  for (const u of plan.personAvailability) out.people.find((p) => p.id === u.id)!.availability = u.availability;
  for (const u of plan.personSkills) out.people.find((p) => p.id === u.id)!.skills[u.skill] = u.level;
  out.services.push(...plan.addServices);
  for (const u of plan.serviceTeams) out.services.find((s) => s.id === u.id)!.team = u.team;
  for (const u of plan.owners) out.services.find((s) => s.id === u.service)!.owners.push(u.person);
  for (const u of plan.knowledge) out.services.find((s) => s.id === u.service)!.knowledge[u.person] = u.level;
  return out;
}
