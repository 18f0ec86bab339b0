import { describe, expect, it } from 'vitest';
import { crossTrainingVariants, rankTraining, TRAINED_KNOWLEDGE } from '../../../../simulation/analysis/crossTraining';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { runScenario } from '../../../../simulation/run/runScenario';
import { scenarioSchema } from '../../../../simulation/scenario/schema';

describe('cross-training advisor', () => {
  it('tries teammates learning each service one person can restore, and puts the most useful first', () => {
    const scenario = scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());
    // Cross-functional, so that a trained person may respond to incidents.
    const variants = crossTrainingVariants(scenario, { kind: 'preset', preset: 'cross-functional' });
    // Three fragile services, two teammates each who do not know them well.
    expect(variants).toHaveLength(1 + 6);
    const names = variants.slice(1).map((v) => (v.kind === 'inline' ? v.variant.name : ''));
    expect(names).toContain('Sam (software engineer) learns Recommendation service');
    const trained = variants[1]!;
    if (trained.kind !== 'inline') throw new Error('expected an inline variant');
    const knowledge = trained.variant.overrides.services!.find((s) => s.id === 'recommendations')!.knowledge;
    expect(Object.values(knowledge)).toContain(TRAINED_KNOWLEDGE);

    const ranked = rankTraining(runScenario(scenario, { replications: 80, seed: 5, variants }));
    expect(ranked).toHaveLength(6);
    // Best first: means of the differences never rise down the list.
    const means = ranked.map((r) => r.ttrMean!.difference!.mean);
    expect([...means].sort((a, b) => a - b)).toEqual(means);
    // An expert busy with feature work puts it aside for an incident, so a second person who knows a service helps
    // most where its only expert is away: Sam, the only one who knows the core platform module, is on leave for
    // 400 h, so teaching it to Dana or Mel shortens restores the most.
    expect(ranked[0]!.option).toMatch(/learns Core platform prediction module$/);
    expect(ranked[0]!.ttrMean!.difference!.high).toBeLessThan(0);
  });
});
