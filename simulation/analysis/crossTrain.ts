import type { Person, Service } from '../scenario/schema';
import { levelOf } from '../scenario/idMap';

/**
 * Everyone cross-trained to at least `level`: in the skills their team's
 * services need, and in knowledge of their team's services. Levels already
 * higher stay; `level` 0 changes nothing.
 */
export function crossTrain<M extends { people: readonly Person[]; services: readonly Service[] }>(model: M, level: number): { people: Person[]; services: Service[] } {
  const teamSkills = new Map<string | null, Set<string>>();
  for (const s of model.services) for (const st of s.work.stages) teamSkills.set(s.team, (teamSkills.get(s.team) ?? new Set()).add(st.skill));
  const people = model.people.map((p) => {
    const skills = { ...p.skills };
    for (const k of teamSkills.get(p.team) ?? []) skills[k] = Math.max(levelOf(skills, k) ?? 0, level);
    return { ...p, skills };
  });
  const services = model.services.map((s) => {
    const knowledge = { ...s.knowledge };
    for (const p of model.people) if (p.team === s.team && level > 0) knowledge[p.id] = Math.max(levelOf(knowledge, p.id) ?? 0, level);
    return { ...s, knowledge };
  });
  return { people, services };
}
