import type { VariantSpec } from '../../../simulation/run/variantSpec';
import type { Scenario } from '../../../simulation/scenario/schema';
import type { RunChoice } from '../state/runStore';

/** A structure the comparison or an analysis can run on: the base as drawn, a preset, or a saved variant. */
export interface VariantChoice {
  key: string;
  label: string;
  spec: VariantSpec;
}

/** Every structure of the document: as drawn, walled, cross-functional, then its saved variants. */
export function variantChoices(doc: Scenario | null): VariantChoice[] {
  return [
    { key: 'base', label: 'As drawn', spec: { kind: 'base' } },
    { key: 'walled', label: 'Walled', spec: { kind: 'preset', preset: 'walled' } },
    { key: 'cross-functional', label: 'Cross-functional', spec: { kind: 'preset', preset: 'cross-functional' } },
    ...(doc?.variants ?? []).map((v) => ({ key: v.id, label: v.name, spec: { kind: 'saved' as const, id: v.id } })),
  ];
}

/**
 * The variants to compare: the user's choice, without variants deleted
 * since, plus every variant made since the choice (a variant just made is
 * what the user wants to see next).
 */
export function pickedVariants(choice: RunChoice, choices: readonly VariantChoice[]): string[] {
  const exists = new Set(choices.map((c) => c.key));
  const made = choices.filter((c) => c.spec.kind === 'saved' && !choice.known.includes(c.key)).map((c) => c.key);
  return [...choice.picked.filter((k) => exists.has(k)), ...made.filter((k) => !choice.picked.includes(k))];
}

/** The choice after the user toggled a variant in or out (every variant there now counts as known). */
export function toggleVariant(choice: RunChoice, choices: readonly VariantChoice[], key: string): RunChoice {
  const picked = pickedVariants(choice, choices);
  return { ...choice, picked: picked.includes(key) ? picked.filter((k) => k !== key) : [...picked, key], known: choices.filter((c) => c.spec.kind === 'saved').map((c) => c.key) };
}
