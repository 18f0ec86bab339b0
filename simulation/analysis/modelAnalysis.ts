import { busFactorPeople } from '../model/busFactor';
import type { Person, Scenario, Service, Skill, Structure } from '../scenario/schema';
import { levelOf } from '../scenario/idMap';

/** Level from which someone counts as holding a skill (for "only holder of a skill"). */
export const SKILL_HOLDER_LEVEL = 0.5;

export interface ServiceRisk {
  serviceId: string;
  name: string;
  /** People the structure lets respond to its incidents who know it well enough to restore it quickly (model/busFactor.ts). */
  knowers: string[];
  busFactor: number;
}

export interface ModelAnalysis {
  services: ServiceRisk[];
  /** Services nobody or only one person can restore. */
  fragileServices: ServiceRisk[];
  /** Skills held (at a useful level) by exactly one person. */
  soleSkillHolders: { skillId: string; skill: string; personId: string; person: string }[];
  /**
   * Skills nobody holds at a useful level (after someone left, say), with
   * the services whose work needs them (in the model's order; may be empty).
   */
  unheldSkills: { skillId: string; skill: string; neededBy: string[] }[];
}

/**
 * The risks a manager should see while drawing: how many people can restore
 * each service under the structure (its bus factor), which skills only one
 * person holds, and which skills nobody holds.
 */
export function analyseModel(model: {
  people: readonly Person[];
  services: readonly Service[];
  skills: readonly Skill[];
  structure: Pick<Structure, 'mode' | 'minKnowledge'>;
}): ModelAnalysis {
  const services = model.services.map((s) => {
    const knowers = busFactorPeople(model.structure, s, model.people);
    return { serviceId: s.id, name: s.name, knowers, busFactor: knowers.length };
  });
  const soleSkillHolders: ModelAnalysis['soleSkillHolders'] = [];
  const unheldSkills: ModelAnalysis['unheldSkills'] = [];
  for (const skill of model.skills) {
    const holders = model.people.filter((p) => (levelOf(p.skills, skill.id) ?? 0) >= SKILL_HOLDER_LEVEL);
    if (holders.length === 1) soleSkillHolders.push({ skillId: skill.id, skill: skill.name, personId: holders[0]!.id, person: holders[0]!.name });
    if (holders.length === 0) unheldSkills.push({ skillId: skill.id, skill: skill.name, neededBy: model.services.filter((s) => s.work.stages.some((st) => st.skill === skill.id)).map((s) => s.name) });
  }
  return { services, fragileServices: services.filter((s) => s.busFactor <= 1), soleSkillHolders, unheldSkills };
}

export type ModelParts = Pick<Scenario, 'people' | 'services' | 'skills' | 'teams' | 'structure'>;
