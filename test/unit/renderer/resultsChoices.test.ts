import { describe, expect, it } from 'vitest';
import { TRAINED_KNOWLEDGE } from '../../../simulation/analysis/crossTraining';
import { EXAMPLES } from '../../../simulation/examples/catalog';
import { resolveVariant } from '../../../simulation/model/modelInput';
import { scenarioSchema, type Scenario } from '../../../simulation/scenario/schema';
import { trainingVariant } from '../../../renderer/src/results/applyTraining';
import { pickedVariants, toggleVariant, variantChoices } from '../../../renderer/src/results/variantChoices';
import { scenarioChanged } from '../../../renderer/src/runs/staleness';
import { initialChoice } from '../../../renderer/src/state/runStore';

const walledTeam = (): Scenario => scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());
const withVariant = (doc: Scenario, id: string): Scenario => ({ ...doc, variants: [...doc.variants, { id, name: id, description: '', overrides: {} }] });

describe('what Compare picks', () => {
  it('starts with walled against cross-functional, adds a variant made since, and drops one deleted', () => {
    const doc = walledTeam();
    const choice = initialChoice(doc);
    expect(pickedVariants(choice, variantChoices(doc))).toEqual(['walled', 'cross-functional']);
    const later = withVariant(doc, 'faster-handoffs');
    expect(pickedVariants(choice, variantChoices(later))).toEqual(['walled', 'cross-functional', 'faster-handoffs']);
    // The user takes it out again: it stays out (it is known now), and their other choices stay.
    const toggled = toggleVariant(choice, variantChoices(later), 'faster-handoffs');
    expect(pickedVariants(toggled, variantChoices(later))).toEqual(['walled', 'cross-functional']);
    const picked = toggleVariant(toggleVariant(toggled, variantChoices(later), 'faster-handoffs'), variantChoices(later), 'walled');
    expect(pickedVariants(picked, variantChoices(later))).toEqual(['cross-functional', 'faster-handoffs']);
    expect(pickedVariants(picked, variantChoices(doc))).toEqual(['cross-functional']);
  });

  it('does not add the variants a document had when it was opened', () => {
    const doc = withVariant(walledTeam(), 'old');
    expect(pickedVariants(initialChoice(doc), variantChoices(doc))).toEqual(['walled', 'cross-functional']);
    expect(initialChoice(doc).reps).toBe(String(doc.run.replications));
  });
});

describe('stale results', () => {
  it('are stale when the scenario differs, and not when an edit was undone to equal content', () => {
    const doc = walledTeam();
    expect(scenarioChanged(doc, doc)).toBe(false);
    expect(scenarioChanged(doc, structuredClone(doc))).toBe(false);
    const edited = { ...doc, people: doc.people.map((p, i) => (i === 0 ? { ...p, skills: { ...p.skills, backend: 1 } } : p)) };
    expect(scenarioChanged(doc, edited)).toBe(true);
    expect(scenarioChanged(null, edited)).toBe(false);
  });
});

describe("an advisor's suggestion as a variant", () => {
  it('is the structure it ran on with the one person knowing the one service, the rest as it was', () => {
    const doc = walledTeam();
    const service = doc.services[0]!;
    const learner = doc.people.find((p) => (service.knowledge[p.id] ?? 0) < TRAINED_KNOWLEDGE)!;
    const variant = trainingVariant(doc, { kind: 'preset', preset: 'cross-functional' }, learner.id, service.id);
    expect(variant.name).toBe(`${learner.name} learns ${service.name}`);
    const model = resolveVariant({ ...doc, variants: [variant] }, variant.id);
    expect(model.structure.mode).toBe('cross-functional');
    expect(model.services[0]!.knowledge[learner.id]).toBe(TRAINED_KNOWLEDGE);
    expect(model.services.slice(1)).toEqual(doc.services.slice(1));
    expect(model.people).toEqual(doc.people);
    // On the base, the structure stays the base's.
    const onBase = trainingVariant(doc, { kind: 'base' }, learner.id, service.id);
    expect(onBase.overrides.structure).toBeUndefined();
    expect(() => trainingVariant(doc, { kind: 'base' }, 'nobody', service.id)).toThrow('nobody has the id "nobody"');
  });
});
