import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { runScenario } from '../../../../simulation/run/runScenario';
import { scenarioSchema } from '../../../../simulation/scenario/schema';

describe('bus factor at the start and the end of the run, and where knowledge came from', () => {
  it('is carried per service into the summary: pairing in a cross-functional team raises it, and is told apart from learning by doing', () => {
    const scenario = scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());
    const variants = [
      { kind: 'preset' as const, preset: 'walled' as const },
      { kind: 'preset' as const, preset: 'cross-functional' as const },
    ];
    const r = runScenario(scenario, { replications: 8, seed: 3, variants });
    const [walled, cross] = r.variants;
    for (const v of r.variants) {
      for (const s of v.services) {
        expect(s.busFactorStart!.mean).toBeGreaterThanOrEqual(0);
        expect(s.knowledgeFromWork).toBeGreaterThanOrEqual(0);
        expect(s.knowledgeFromPairing).toBeGreaterThanOrEqual(0);
      }
    }
    // Walled: only owners may restore, so the bus factor cannot grow however much others learn.
    for (const s of walled!.services) expect(s.busFactor.mean).toBeLessThanOrEqual(s.busFactorStart!.mean);
    // Cross-functional: the team may restore, and what they learn shows in the end figure of some service.
    expect(cross!.services.some((s) => s.busFactor.mean > s.busFactorStart!.mean)).toBe(true);
  });
});
