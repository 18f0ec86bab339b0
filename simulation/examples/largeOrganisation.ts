import type { ScenarioInput } from '../scenario/schema';
import { organisationScenario } from './organisation';

/**
 * A bigger version of the benchmark organisation: `teams` teams of ten
 * people with four services each (30 teams: 300 people, 120 services), for
 * measuring the editor and the file loader at scale.
 */
export function largeOrganisation(teams = 30): ScenarioInput {
  const one = organisationScenario();
  const out: ScenarioInput = { ...one, name: `Organisation of ${teams * 10}`, teams: [], people: [], services: [] };
  for (let t = 1; t <= teams; t++) {
    const rename = (id: string) => id.replace(/^t\d+-/, `t${t}-`).replace(/^team-\d+$/, `team-${t}`);
    const src = 1 + ((t - 1) % 5);
    for (const team of one.teams.filter((x) => x.id === `team-${src}`)) out.teams.push({ ...team, id: `team-${t}`, name: `Stream team ${t}` });
    for (const p of one.people.filter((x) => x.team === `team-${src}`)) out.people.push({ ...p, id: rename(p.id), team: `team-${t}`, name: p.name.replace(/team \d+/, `team ${t}`) });
    for (const s of one.services.filter((x) => x.team === `team-${src}`)) {
      out.services.push({
        ...s,
        id: rename(s.id),
        team: `team-${t}`,
        name: s.name.replace(/team \d+/, `team ${t}`),
        owners: s.owners!.map(rename),
        knowledge: Object.fromEntries(Object.entries(s.knowledge!).map(([k, v]) => [rename(k), v])),
      });
    }
  }
  return out;
}
