/**
 * Incidents a structure cannot restore (issue 15, item 5) are counted and
 * named, never summed to the horizon as outage; and the fit of the baseline
 * to the record (item 3) says so.
 */
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../../simulation/replay/replayComparison';
import { baselineFit } from '../../../../simulation/replay/replayFit';
import { incident, logOf } from './logAt';
import { service, tinyTeam } from './tinyTeam';

// Monday 10:00 and 11:00 (UTC): one incident of the API (owned by Ann), two of Billing (owned by nobody).
const log = logOf([incident('a', 'api', 10, 10, 11, ['ann']), incident('b1', 'billing', 10, 10, 11, ['ann']), incident('b2', 'billing', 11, 11, 12, ['ann'])]);
const scenario = tinyTeam(['ann'], [service('api', ['ann'], ['ann'], 1, 0), service('billing', [], [], 1, 0)], log);

describe('incidents nobody can restore', () => {
  const r = runReplay(scenario, log, { variants: [{ kind: 'base' }], replications: 4, seed: 3, detection: 'model' });

  it('are counted by service with the reason, and left out of the outage total (not counted to the horizon)', () => {
    const t = r.totals[0]!;
    expect(t.unrestored).toEqual([{ serviceId: 'billing', serviceName: 'billing', incidents: 2, reason: 'nobody can restore' }]);
    expect(t.restored).toBe(1);
    expect(t.simulatedMean).toBeCloseTo(1, 9);
    expect(t.actualHours).toBeCloseTo(1, 9);
    expect(r.incidents[1]!.simulated[0]).toMatchObject({ notRestored: 4 });
    expect(Number.isNaN(r.incidents[1]!.simulated[0]!.mean)).toBe(true);
  });

  it('make the fit poor, and the verdict says why', () => {
    const fit = baselineFit(r)!;
    expect(fit.unrestored).toBe(2);
    expect(fit.good).toBe(false);
    expect(fit.verdict).toContain('poorly');
    expect(fit.causes).toContain('Nobody in this structure can restore billing (2 incidents).');
  });

  it('a service missing from a structure is named as such', () => {
    const without = { ...scenario, services: scenario.services.filter((s) => s.id !== 'billing') };
    const t = runReplay(without, log, { variants: [{ kind: 'base' }], replications: 2, seed: 3, detection: 'model' }).totals[0]!;
    expect(t.unrestored).toEqual([{ serviceId: 'billing', serviceName: 'billing', incidents: 2, reason: 'not in the model' }]);
  });
});

describe('the fit of the baseline to the record', () => {
  it('is the replayed total over the recorded, the median of per-incident ratios (replayed median / recorded) and the share within 2x', () => {
    // Recorded 1 h, 2 h and 4 h; each replays in 1 h exactly: ratios 1, 0.5, 0.25.
    const three = logOf([incident('1', 'api', 10, 10, 11, ['ann']), incident('2', 'api', 12, 12, 14, ['ann']), incident('3', 'api', 24 + 10, 24 + 10, 24 + 14, ['ann'])]);
    const s = tinyTeam(['ann'], [service('api', ['ann'], ['ann'], 1, 0)], three);
    const fit = baselineFit(runReplay(s, three, { variants: [{ kind: 'base' }], replications: 3, seed: 1, detection: 'model' }))!;
    expect(fit.recordedHours).toBeCloseTo(7, 9);
    expect(fit.replayedHours).toBeCloseTo(3, 9);
    expect(fit.totalRatio).toBeCloseTo(3 / 7, 9);
    expect(fit.medianRatio).toBeCloseTo(0.5, 9);
    expect(fit.within2x).toBeCloseTo(2 / 3, 9);
    expect(fit.good).toBe(false);
    expect(fit.verdict).toBe('The model reproduces this log poorly: replayed outage is 0.43x the recorded one (shorter). What-ifs on it say more about the model than about the structure.');
    // Repair as recorded: it fits.
    const good = baselineFit(runReplay(s, three, { variants: [{ kind: 'base' }], replications: 3, seed: 1, detection: 'recorded' }))!;
    expect(good.totalRatio).toBeCloseTo(1, 9);
    expect(good.good).toBe(true);
    expect(good.verdict).toMatch(/^The model reproduces this log well/);
  });
});
