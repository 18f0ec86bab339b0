import { current, isDraft } from 'immer';
import type { Scenario, VariantOverrides } from '../../../simulation/scenario/schema';
import { withOverrides } from '../../../simulation/model/modelInput';

export type PartKey = 'skills' | 'teams' | 'people' | 'services' | 'structure' | 'absencePolicy' | 'parameters';

/** Every part a variant may replace. */
export const PART_KEYS: readonly PartKey[] = ['skills', 'teams', 'people', 'services', 'structure', 'absencePolicy', 'parameters'];

/** The parts of the model a command edits, wherever they live (the base, or a variant's overrides). */
export interface EditableParts {
  skills: Scenario['skills'];
  teams: Scenario['teams'];
  people: Scenario['people'];
  services: Scenario['services'];
  structure: Scenario['structure'];
  /** How often people are away and leave (the same kind of team in each variant, unless a variant changes it). */
  absencePolicy: Scenario['absencePolicy'];
  /** Handoff costs, rework, learning and speed by skill. */
  parameters: Scenario['parameters'];
}

/**
 * The arrays and objects a command may change, for the base (variant null)
 * or a variant. For a variant, each part in `touches` that it does not
 * override yet is first copied from the base into its overrides, so the
 * edit changes the variant only. Assigning a part (`parts.people = ...`)
 * writes it back to where it lives.
 */
export function partsFor(draft: Scenario, variant: string | null, touches: readonly PartKey[]): EditableParts {
  const v = variant === null ? undefined : draft.variants.find((x) => x.id === variant);
  if (!v) return draft;
  const o: VariantOverrides = v.overrides;
  for (const key of touches) {
    if (o[key] === undefined) {
      const base: unknown = draft[key];
      (o as Record<PartKey, unknown>)[key] = structuredClone(isDraft(base) ? current(base) : base);
    }
  }
  const part = <K extends PartKey>(key: K) => ({
    get: () => (o[key] ?? draft[key]) as EditableParts[K],
    set: (value: EditableParts[K]) => {
      (o as Record<PartKey, unknown>)[key] = value;
    },
  });
  const view = {} as EditableParts;
  for (const key of PART_KEYS) {
    const { get, set } = part(key);
    Object.defineProperty(view, key, { get, set: set as (v: unknown) => void, enumerable: true });
  }
  return view;
}

/** The model a variant shows (its overrides over the base); the base for null or an unknown id. */
export function modelOf(doc: Scenario, variant: string | null): EditableParts {
  const o: VariantOverrides = (variant === null ? undefined : doc.variants.find((v) => v.id === variant))?.overrides ?? {};
  return withOverrides(doc, o);
}
