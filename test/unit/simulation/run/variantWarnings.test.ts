import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { variantStructureWarnings } from '../../../../simulation/run/variantWarnings';
import { scenarioSchema } from '../../../../simulation/scenario/schema';

const reorganisation = () =>
  scenarioSchema.parse(JSON.parse(readFileSync(new URL('../../../../simulation/examples/reorganisation.handoff.json', import.meta.url), 'utf8')));

describe('variantStructureWarnings', () => {
  it('names the stage a preset leaves to nobody (Pricing has no one at 0.3 in operations once the teams are cross-functional)', () => {
    const scenario = reorganisation();
    expect(variantStructureWarnings(scenario, [{ kind: 'preset', preset: 'walled' }])).toEqual([]);
    expect(variantStructureWarnings(scenario, [{ kind: 'preset', preset: 'walled' }, { kind: 'preset', preset: 'cross-functional' }])).toEqual([
      'Cross-functional: nobody in the team is qualified for the operations stage of Price engine at level 30 or more (the structure\'s least skill level), so its work never finishes',
    ]);
    // The plan moves the operations engineers into the teams: nothing is left to nobody.
    expect(variantStructureWarnings(scenario, [{ kind: 'saved', id: scenario.variants[0]!.id }])).toEqual([]);
  });

  it('leaves out what the base itself has (the scenario warnings say it once)', () => {
    const scenario = reorganisation();
    // Make the base cross-functional: its own warnings now carry the Pricing stage, so the preset adds nothing.
    const crossBase = { ...scenario, structure: { ...scenario.structure, mode: 'cross-functional' as const } };
    expect(variantStructureWarnings(crossBase, [{ kind: 'preset', preset: 'cross-functional' }])).toEqual([]);
  });
});
