import { describe, expect, it } from 'vitest';
import { analyseModel } from '../../../../simulation/analysis/modelAnalysis';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { scenarioSchema } from '../../../../simulation/scenario/schema';

const walled = () => scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());

describe('risks while drawing', () => {
  it('flags a skill nobody holds once its only holder is gone, with the services whose work needs it', () => {
    const model = walled();
    expect(analyseModel(model).unheldSkills).toEqual([]);
    const holder = analyseModel(model).soleSkillHolders.find((h) => h.skillId === 'ml-engineering')!;
    const without = { ...model, people: model.people.filter((p) => p.id !== holder.personId) };
    const unheld = analyseModel(without).unheldSkills;
    expect(unheld.map((u) => u.skillId)).toEqual(['ml-engineering']);
    const needing = model.services.filter((s) => s.work.stages.some((st) => st.skill === 'ml-engineering')).map((s) => s.name);
    expect(needing.length).toBeGreaterThan(0);
    expect(unheld[0]!.neededBy).toEqual(needing);
  });
});
