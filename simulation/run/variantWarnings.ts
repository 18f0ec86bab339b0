import type { Scenario } from '../scenario/schema';
import { stagesNobodyMayTakeIn } from '../scenario/validate';
import { resolveVariantSpec, type VariantSpec } from './variantSpec';

/**
 * For each variant of a run (saved, preset or given in full): the stages
 * nobody may take under its structure, so their work never finishes. The
 * scenario's own warnings cover the base structure only; a preset that
 * makes the teams cross-functional can leave a team with nobody qualified
 * for a stage the walled base gave to a named specialist. Each sentence
 * starts with the variant's name; what the base has already is left out.
 */
export function variantStructureWarnings(scenario: Scenario, specs: readonly VariantSpec[]): string[] {
  const base = new Set(stagesNobodyMayTakeIn(scenario).map((p) => p.message));
  const out = new Set<string>();
  for (const spec of specs) {
    const variant = resolveVariantSpec(scenario, spec);
    for (const p of stagesNobodyMayTakeIn(variant.model)) if (!base.has(p.message)) out.add(`${variant.name}: ${p.message}`);
  }
  return [...out];
}
