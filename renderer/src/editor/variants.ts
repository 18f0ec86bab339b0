import type { Scenario, Variant } from '../../../simulation/scenario/schema';
import { crossTrain } from '../../../simulation/analysis/crossTrain';
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
  // What the variant it starts from changes (its absences or handoff costs, say) stays changed.
  const source = from === null ? undefined : doc.variants.find((v) => v.id === from);
  const { people, services } = crossTrain(m, crossTraining);
  const pct = Math.round(crossTraining * 100);
  return {
    id: newId('cross-functional', doc.variants.map((v) => v.id)),
    name: newName(crossTraining > 0 ? `Cross-functional, cross-trained to ${pct}%` : 'Cross-functional', doc.variants.map((v) => v.name)),
    description:
      crossTraining > 0
        ? `Collective ownership and one shared backlog per team; everyone reaches at least ${pct}% in their team's skills and services.`
        : 'Collective ownership and one shared backlog per team, with the skills people have today.',
    overrides: {
      ...structuredClone(source?.overrides ?? {}),
      structure: { ...structuredClone(m.structure), mode: 'cross-functional', dispatch: 'pull', assignments: [] },
      ...(crossTraining > 0 ? { people, services } : {}),
    },
  };
}
