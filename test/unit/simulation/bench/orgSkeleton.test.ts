import { describe, expect, it } from 'vitest';
import { organisation, ORG_VARIANTS } from '../../../../simulation/bench/org';
import { runOrgSkeleton } from '../../../../simulation/bench/orgSkeleton';
import { runScenario } from '../../../../simulation/run/runScenario';

describe('organisation skeleton (the benchmark floor)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(runOrgSkeleton(3)).toEqual(runOrgSkeleton(3));
    expect(runOrgSkeleton(3).meanLeadTime).not.toBe(runOrgSkeleton(4).meanLeadTime);
  });

  it('makes about as many events as the real organisation model, so its time per run is a fair floor', () => {
    const runs = 5;
    let skeleton = 0;
    for (let i = 0; i < runs; i++) skeleton += runOrgSkeleton(i + 1).events;
    const real = runScenario(organisation(), { replications: runs, variants: [ORG_VARIANTS[0]!] }).events;
    // Fewer events than the model (no review, rework or interruptions), but not by much: within 25%.
    expect(skeleton / runs).toBeGreaterThan(0.75 * (real / runs));
    expect(skeleton / runs).toBeLessThan(real / runs);
  });
});
