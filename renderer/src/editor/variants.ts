import type { Scenario, Variant } from '../../../simulation/scenario/schema';
import { modelOf } from '../document/editableParts';
import { newId, newName } from './editorActions';

/** A variant that starts as an exact copy of what is shown now (the base or another variant). */
export function duplicateVariant(doc: Scenario, from: string | null, name?: string): Variant {
  const source = from === null ? undefined : doc.variants.find((v) => v.id === from);
  return {
    id: newId('variant', doc.variants.map((v) => v.id)),
    name: newName(name ?? (source ? `${source.name} (copy)` : 'Variant'), doc.variants.map((v) => v.name)),
    description: source?.description ?? '',
    overrides: structuredClone(source?.overrides ?? {}),
  };
}

/**
 * The cross-functional version of a team: collective ownership, anyone
 * qualified pulls from one shared backlog, and everyone cross-trained so that
 * in their own team's skills and services they reach at least `crossTraining`
 * (0: no training, only the structure changes).
 */
export function crossFunctionalVariant(doc: Scenario, from: string | null, crossTraining: number): Variant {
  const m = modelOf(doc, from);
  const teamSkills = new Map<string | null, Set<string>>();
  for (const s of m.services) for (const st of s.work.stages) teamSkills.set(s.team, (teamSkills.get(s.team) ?? new Set()).add(st.skill));
  const people = m.people.map((p) => {
    const skills = { ...p.skills };
    for (const k of teamSkills.get(p.team) ?? []) skills[k] = Math.max(skills[k] ?? 0, crossTraining);
    return { ...p, skills };
  });
  const services = m.services.map((s) => {
    const knowledge = { ...s.knowledge };
    for (const p of m.people) if (p.team === s.team && crossTraining > 0) knowledge[p.id] = Math.max(knowledge[p.id] ?? 0, crossTraining);
    return { ...s, knowledge };
  });
  const pct = Math.round(crossTraining * 100);
  return {
    id: newId('cross-functional', doc.variants.map((v) => v.id)),
    name: newName(crossTraining > 0 ? `Cross-functional, cross-trained to ${pct}%` : 'Cross-functional', doc.variants.map((v) => v.name)),
    description:
      crossTraining > 0
        ? `Collective ownership and one shared backlog per team; everyone reaches at least ${pct}% in their team's skills and services.`
        : 'Collective ownership and one shared backlog per team, with the skills people have today.',
    overrides: {
      structure: { ...structuredClone(m.structure), mode: 'cross-functional', dispatch: 'pull', assignments: [] },
      ...(crossTraining > 0 ? { people, services } : {}),
    },
  };
}
