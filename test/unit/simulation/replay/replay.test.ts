import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../simulation/cli/workerPool';
import { runReplay, type ReplayComparison } from '../../../../simulation/replay/replayComparison';
import { absenceWhatIf, crossFunctionalWhatIf, onCallWhatIf } from '../../../../simulation/replay/whatIfs';
import type { VariantSpec } from '../../../../simulation/run/variantSpec';
import { recordedHours } from '../../../../simulation/replay/replayClock';
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
    const actual = log.incidents.reduce((sum, i) => sum + recordedHours(i), 0);
    for (const t of first.totals) {
      // The sample's structures restore everything, so every incident is in the total.
      expect(t.unrestored).toEqual([]);
      expect(t.actualHours).toBeCloseTo(actual, 9);
      expect(t.low).toBeLessThan(t.simulatedMean);
      expect(t.high).toBeGreaterThan(t.simulatedMean);
    }
  });

  it('the nine-hour outage waits for Sam as drawn, and a cross-functional team need not wait', () => {
    // Only the planned absences (the default): Sam's leave, as it happened.
    const inc = first.incidents[outage]!;
    expect(first.absences).toBe('planned');
    // Friday 13:00 to Monday 14:00: 73 real hours.
    expect(inc.actualHours).toBe(73);
    const [walled, cross] = inc.simulated;
    // As drawn only Sam may restore it, and Sam is back on Monday at 09:00, 68 hours after it began.
    expect(walled!.p10).toBeGreaterThanOrEqual(68);
    // Cross-functional, someone starts at once (at half Sam's knowledge, so repairs are slower): often restored on Friday
    // (a repair longer than the afternoon and three hours' overtime still waits for Monday).
    expect(cross!.p10).toBeLessThan(12);
    expect(cross!.mean).toBeLessThan(walled!.mean - 10);
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
    // Working hours 960-1000: Monday 22 to Friday 26 June 2026, in Berlin.
    const thatWeek = r.incidents.filter((i) => Date.parse(i.start) >= Date.parse('2026-06-22T07:00:00Z') && Date.parse(i.start) < Date.parse('2026-06-26T15:00:00Z') && i.serviceId !== 'core-platform-module');
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
