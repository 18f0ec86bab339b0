import type { Scenario, Structure, Variant, VariantOverrides } from '../scenario/schema';

/**
 * What the engine runs: one structure of one scenario (the base, or a variant
 * with its overrides applied), with the run settings.
 */
export type ModelInput = Pick<
  Scenario,
  'name' | 'calendar' | 'skills' | 'teams' | 'people' | 'services' | 'absencePolicy' | 'structure' | 'parameters' | 'run'
>;

/** The id the base scenario has among its variants. */
export const BASE_VARIANT_ID = 'base';

/**
 * The model of a variant: the base scenario with every part the variant
 * overrides replaced wholesale. `null` or {@link BASE_VARIANT_ID} gives the
 * base. Throws for an unknown id (a caller's error, not a user's).
 */
export function resolveVariant(scenario: Scenario, variantId: string | null): ModelInput {
  const base: ModelInput = {
    name: scenario.name,
    calendar: scenario.calendar,
    skills: scenario.skills,
    teams: scenario.teams,
    people: scenario.people,
    services: scenario.services,
    absencePolicy: scenario.absencePolicy,
    structure: scenario.structure,
    parameters: scenario.parameters,
    run: scenario.run,
  };
  if (variantId === null || variantId === BASE_VARIANT_ID) return base;
  const variant = scenario.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(`scenario "${scenario.name}" has no variant "${variantId}"`);
  return applyVariant(base, variant);
}

/** The parts of a scenario a variant may replace. */
export type VariantParts = Required<VariantOverrides>;

/** `base`'s parts with those `overrides` replaces taken from it instead (wholesale, part by part). */
export function withOverrides(base: VariantParts, o: VariantOverrides): VariantParts {
  return {
    skills: o.skills ?? base.skills,
    teams: o.teams ?? base.teams,
    people: o.people ?? base.people,
    services: o.services ?? base.services,
    structure: o.structure ?? base.structure,
    absencePolicy: o.absencePolicy ?? base.absencePolicy,
    parameters: o.parameters ?? base.parameters,
  };
}

/** `base` with the parts `variant` overrides replaced. */
export function applyVariant(base: ModelInput, variant: Pick<Variant, 'name' | 'overrides'>): ModelInput {
  return { ...base, name: `${base.name}: ${variant.name}`, ...withOverrides(base, variant.overrides) };
}

/** The same structure with the mode switched (keeping pairing, on-call, WIP and self-service settings). */
export function withMode(structure: Structure, mode: Structure['mode']): Structure {
  return { ...structure, mode };
}
