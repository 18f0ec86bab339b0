import type { ModelInput } from '../model/modelInput';

/**
 * The people who may respond to `serviceId`'s incidents in this structure, as
 * the engine decides (compile.ts, incidents.ts canRespond): in a walled
 * structure its owners; cross-functional, its owners and the members of its
 * team (everyone, for a service of no team) who know it at least
 * `minKnowledge`. Empty: nobody in this structure can restore it (but a
 * person on call, out of hours). Null: the service is not in this model.
 */
export function whoCanRestore(model: Pick<ModelInput, 'people' | 'services' | 'structure'>, serviceId: string): string[] | null {
  const svc = model.services.find((s) => s.id === serviceId);
  if (!svc) return null;
  const ids = new Set(model.people.map((p) => p.id));
  const owners = svc.owners.filter((o) => ids.has(o));
  if (model.structure.mode === 'walled') return owners;
  const members = model.people.filter((p) => svc.team === null || p.team === svc.team).map((p) => p.id);
  const knowing = members.filter((p) => (svc.knowledge[p] ?? 0) >= model.structure.minKnowledge);
  return [...new Set([...owners, ...knowing])];
}
