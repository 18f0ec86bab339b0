import { applyVariant, BASE_VARIANT_ID, resolveVariant, type ModelInput } from '../model/modelInput';
import type { Scenario, Variant } from '../scenario/schema';

/** Quick variants anyone can ask for by name: the same model under one of the two poles. */
export const PRESET_VARIANTS = ['walled', 'cross-functional'] as const;
export type PresetVariant = (typeof PRESET_VARIANTS)[number];

/** What to run: the base, one of the scenario's variants, a preset, or a variant given in full. */
export type VariantSpec = { kind: 'base' } | { kind: 'saved'; id: string } | { kind: 'preset'; preset: PresetVariant } | { kind: 'inline'; variant: Variant };

export interface ResolvedVariant {
  id: string;
  name: string;
  model: ModelInput;
}

/** Reads a variant name from the command line or the UI: base, a preset, or a saved variant's id. */
export function parseVariantName(scenario: Scenario, name: string): VariantSpec {
  if (name === BASE_VARIANT_ID) return { kind: 'base' };
  if ((PRESET_VARIANTS as readonly string[]).includes(name)) return { kind: 'preset', preset: name as PresetVariant };
  if (scenario.variants.some((v) => v.id === name)) return { kind: 'saved', id: name };
  const known = [BASE_VARIANT_ID, ...PRESET_VARIANTS, ...scenario.variants.map((v) => v.id)].join(', ');
  throw new Error(`unknown variant "${name}" (this scenario has: ${known})`);
}

export function resolveVariantSpec(scenario: Scenario, spec: VariantSpec): ResolvedVariant {
  const base = resolveVariant(scenario, null);
  switch (spec.kind) {
    case 'base':
      return { id: BASE_VARIANT_ID, name: `${scenario.name} (as drawn)`, model: base };
    case 'saved': {
      const v = scenario.variants.find((x) => x.id === spec.id);
      if (!v) throw new Error(`scenario "${scenario.name}" has no variant "${spec.id}"`);
      return { id: v.id, name: v.name, model: resolveVariant(scenario, v.id) };
    }
    case 'preset': {
      const name = spec.preset === 'walled' ? 'Walled' : 'Cross-functional';
      return { id: spec.preset, name, model: applyVariant(base, { name, overrides: { structure: { ...base.structure, mode: spec.preset } } }) };
    }
    case 'inline':
      return { id: spec.variant.id, name: spec.variant.name, model: applyVariant(base, spec.variant) };
  }
}
