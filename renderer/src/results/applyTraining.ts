import { TRAINED_KNOWLEDGE } from '../../../simulation/analysis/crossTraining';
import { resolveVariantSpec, type VariantSpec } from '../../../simulation/run/variantSpec';
import type { Scenario, Variant } from '../../../simulation/scenario/schema';
import { newId, newName } from '../editor/editorActions';

/**
 * A training the advisor suggested as a variant of its own: the structure
 * the advisor ran on (the base, a preset or a saved variant, whose changes it
 * keeps) with `personId` knowing `serviceId` as well as the advisor assumed.
 * Only the parts that differ from the base are overridden.
 */
export function trainingVariant(doc: Scenario, on: VariantSpec, personId: string, serviceId: string): Variant {
  const model = resolveVariantSpec(doc, on).model;
  const person = model.people.find((p) => p.id === personId);
  const service = model.services.find((s) => s.id === serviceId);
  if (!person || !service) throw new Error(`This training no longer fits the scenario: ${person ? '' : `nobody has the id "${personId}"`}${!person && !service ? ' and ' : ''}${service ? '' : `no service has the id "${serviceId}"`}.`);
  const saved = on.kind === 'saved' ? doc.variants.find((v) => v.id === on.id) : undefined;
  const overrides = {
    ...structuredClone(saved?.overrides ?? {}),
    ...(on.kind === 'preset' ? { structure: structuredClone(model.structure) } : {}),
    services: model.services.map((s) => (s.id === serviceId ? { ...structuredClone(s), knowledge: { ...s.knowledge, [personId]: Math.max(s.knowledge[personId] ?? 0, TRAINED_KNOWLEDGE) } } : structuredClone(s))),
  };
  const basis = saved ? saved.name : on.kind === 'preset' ? (on.preset === 'walled' ? 'walled' : 'cross-functional') : 'as drawn';
  return {
    id: newId('training', doc.variants.map((v) => v.id)),
    name: newName(`${person.name} learns ${service.name}`, doc.variants.map((v) => v.name)),
    description: `${person.name} knows ${service.name} to ${Math.round(TRAINED_KNOWLEDGE * 100)}% (suggested by the cross-training advisor, on ${basis}).`,
    overrides,
  };
}
