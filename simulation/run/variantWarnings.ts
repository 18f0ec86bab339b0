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
  const out = new Set<string>();
  for (const v of variantStructureProblems(scenario, specs)) for (const m of v.messages) out.add(`${v.name}: ${m}`);
  return [...out];
}

/** The same, by variant (id as in the run's results, name, and the sentences without the name), for the cards of a run. */
export function variantStructureProblems(scenario: Scenario, specs: readonly VariantSpec[]): { id: string; name: string; messages: string[] }[] {
  const base = new Set(stagesNobodyMayTakeIn(scenario).map((p) => p.message));
  return specs.map((spec) => {
    const variant = resolveVariantSpec(scenario, spec);
    return { id: variant.id, name: variant.name, messages: stagesNobodyMayTakeIn(variant.model).map((p) => p.message).filter((m) => !base.has(m)) };
  });
}
