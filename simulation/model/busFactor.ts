/**
 * A service's bus factor: how many people could restore it quickly. One rule
 * for the risks shown while drawing, the validator's warnings and the
 * engine's figures at the start and end of a run: the people the structure
 * lets respond to its incidents (walled: its owners; cross-functional: its
 * owners, and the members of its team who know it at least to the structure's
 * least knowledge) who also know it well, at {@link BUS_FACTOR_KNOWLEDGE} or
 * more. The person on call, who may respond to anything while on call, is
 * not counted: on-call is a rota, not knowledge.
 */
import type { Person, Service, Structure } from '../scenario/schema';

/** Knowledge from which a person counts towards a service's bus factor. */
export const BUS_FACTOR_KNOWLEDGE = 0.5;

/**
 * Does a person with knowledge `knowledge` of a service count towards its bus
 * factor? `owner`: they own it; `inTeam`: they are in its team (or it has no
 * team).
 */
export function countsTowardBusFactor(structure: Pick<Structure, 'mode' | 'minKnowledge'>, knowledge: number, owner: boolean, inTeam: boolean): boolean {
  if (knowledge < BUS_FACTOR_KNOWLEDGE) return false;
  if (owner) return true;
  return structure.mode === 'cross-functional' && inTeam && knowledge >= structure.minKnowledge;
}

/** The people (ids, in the order of `people`) who count towards `service`'s bus factor under `structure`. */
export function busFactorPeople(structure: Pick<Structure, 'mode' | 'minKnowledge'>, service: Service, people: readonly Person[]): string[] {
  return people
    .filter((p) => countsTowardBusFactor(structure, service.knowledge[p.id] ?? 0, service.owners.includes(p.id), service.team === null || p.team === service.team))
    .map((p) => p.id);
}
