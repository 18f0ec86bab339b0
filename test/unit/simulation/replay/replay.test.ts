import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../simulation/cli/workerPool';
import { runReplay, type ReplayComparison } from '../../../../simulation/replay/replayComparison';
import { absenceWhatIf, crossFunctionalWhatIf, onCallWhatIf } from '../../../../simulation/replay/whatIfs';
import type { VariantSpec } from '../../../../simulation/run/variantSpec';
import { importSample } from './sampleLog';

const { scenario, log } = importSample();
const variants: VariantSpec[] = [{ kind: 'base' }, crossFunctionalWhatIf(scenario)];
const options = { variants, replications: 40, seed: 7, detection: 'logged' as const };
const outage = log.incidents.findIndex((i) => i.title.startsWith('Core platform prediction module down'));

describe('replaying the sample log', () => {
  const first = runReplay(scenario, log, options);

  it('gives the same numbers for the same seed, and other numbers for another', () => {
    expect(runReplay(scenario, log, options)).toEqual(first);
    expect(runReplay(scenario, log, { ...options, seed: 8 }).totals[0]!.simulatedMean).not.toBe(first.totals[0]!.simulatedMean);
  });

  it('compares every incident and the total with what was recorded, per structure', () => {
    expect(first.variants.map((v) => v.id)).toEqual(['base', 'what-if:cross-functional']);
    expect(first.incidents).toHaveLength(log.incidents.length);
    for (const inc of first.incidents) {
      expect(inc.simulated.map((s) => s.variantId)).toEqual(['base', 'what-if:cross-functional']);
      for (const s of inc.simulated) expect(s.p10 <= s.p50 && s.p50 <= s.p90 && s.mean >= s.p10 && s.mean > 0).toBe(true);
    }
    const actual = log.incidents.reduce((sum, i) => sum + i.resolved - i.start, 0);
    for (const t of first.totals) {
      expect(t.actualHours).toBeCloseTo(actual, 9);
      expect(t.low).toBeLessThan(t.simulatedMean);
      expect(t.high).toBeGreaterThan(t.simulatedMean);
    }
  });

  it('the nine-hour outage waits for Sam as drawn, and a cross-functional team need not wait', () => {
    // Only the planned absences (the default): Sam's leave, as it happened.
    const inc = first.incidents[outage]!;
    expect(first.absences).toBe('planned');
    expect(inc.actualHours).toBe(9);
    const [walled, cross] = inc.simulated;
    // As drawn only Sam may restore it, and Sam is back four working hours after it began.
    expect(walled!.p10).toBeGreaterThanOrEqual(4);
    // Cross-functional, someone starts at once (at half Sam's knowledge, so repairs are slower): the fast restores come sooner.
    expect(cross!.p10).toBeLessThan(4);
    expect(cross!.p10).toBeLessThan(walled!.p10 - 1);
  });

  it('with random absences as well, the outage takes longer as drawn, and much less cross-functional', () => {
    const random = runReplay(scenario, log, { ...options, absences: 'random' });
    expect(random.absences).toBe('random');
    const [walled, cross] = random.incidents[outage]!.simulated;
    expect(walled!.mean).toBeGreaterThan(first.incidents[outage]!.simulated[0]!.mean);
    expect(cross!.mean).toBeLessThan(walled!.mean - 2);
    expect(cross!.p90).toBeLessThan(walled!.p90);
    // Over the whole log, the structure's effect is the paired difference to the baseline, with its interval.
    const [base, xf] = random.totals;
    expect(base!.vsBaseline).toBeNull();
    expect(xf!.vsBaseline!.mean).toBeCloseTo(xf!.simulatedMean - base!.simulatedMean, 6);
    expect(xf!.vsBaseline!.high).toBeLessThan(0);
  });

  it('answers the other what-ifs: someone away that week, an on-call rotation', () => {
    const melAway = absenceWhatIf(scenario, 'mel', 960, 1);
    const r = runReplay(scenario, log, { ...options, replications: 10, variants: [{ kind: 'base' }, melAway, onCallWhatIf(scenario)] });
    expect(r.variants.map((v) => v.name)).toEqual([`${scenario.name} (as drawn)`, 'Mel (ML engineer) away that week', 'On-call rotation of 3']);
    const thatWeek = r.incidents.filter((i) => i.start >= 960 && i.start < 1000 && i.serviceId !== 'core-platform-module');
    expect(thatWeek.length).toBeGreaterThan(2);
    const mean = (v: number) => thatWeek.reduce((sum, i) => sum + i.simulated[v]!.mean, 0) / thatWeek.length;
    expect(mean(1)).toBeGreaterThan(mean(0) + 5);
  });
});

describe('the worker pool', () => {
  const pool = new WorkerPool(2);
  afterAll(() => pool.close());

  it('gives exactly the replay the in-thread runner gives', async () => {
    const small = { ...options, replications: 9 };
    const pooled: ReplayComparison = await pool.replay(scenario, log, small);
    expect(pooled).toEqual(runReplay(scenario, log, small));
  });
});
