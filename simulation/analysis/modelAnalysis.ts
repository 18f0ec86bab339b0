import { BUS_FACTOR_KNOWLEDGE } from '../model/replicationResult';
import type { Person, Scenario, Service, Skill } from '../scenario/schema';
import { levelOf } from '../scenario/idMap';

/** Level from which someone counts as holding a skill (for "only holder of a skill"). */
export const SKILL_HOLDER_LEVEL = 0.5;

export interface ServiceRisk {
  serviceId: string;
  name: string;
  /** People who know the service well enough to restore it quickly. */
  knowers: string[];
  busFactor: number;
}

export interface ModelAnalysis {
  services: ServiceRisk[];
  /** Services nobody or only one person can restore. */
  fragileServices: ServiceRisk[];
  /** Skills held (at a useful level) by exactly one person. */
  soleSkillHolders: { skillId: string; skill: string; personId: string; person: string }[];
}

/**
 * The risks a manager should see while drawing: how many people can restore
 * each service (its bus factor), and which skills only one person holds.
 */
export function analyseModel(model: { people: readonly Person[]; services: readonly Service[]; skills: readonly Skill[] }): ModelAnalysis {
  const byId = new Map(model.people.map((p) => [p.id, p]));
  const services = model.services.map((s) => {
    const knowers = Object.entries(s.knowledge)
      .filter(([pid, k]) => k >= BUS_FACTOR_KNOWLEDGE && byId.has(pid))
      .map(([pid]) => pid);
    return { serviceId: s.id, name: s.name, knowers, busFactor: knowers.length };
  });
  const soleSkillHolders: ModelAnalysis['soleSkillHolders'] = [];
  for (const skill of model.skills) {
    const holders = model.people.filter((p) => (levelOf(p.skills, skill.id) ?? 0) >= SKILL_HOLDER_LEVEL);
    if (holders.length === 1) soleSkillHolders.push({ skillId: skill.id, skill: skill.name, personId: holders[0]!.id, person: holders[0]!.name });
  }
  return { services, fragileServices: services.filter((s) => s.busFactor <= 1), soleSkillHolders };
}

export type ModelParts = Pick<Scenario, 'people' | 'services' | 'skills' | 'teams' | 'structure'>;
