import { describe, expect, it } from 'vitest';
import { personOf, runOnce } from './replicate';
import { buildScenario, constant } from './scenarioBuilder';

describe('part-time people (availability)', () => {
  it('work only their share of each week: 30 h of work at 50% of a 40 h week ends at 50 h', () => {
    const r = runOnce(
      buildScenario({
        skills: ['x'],
        people: [{ id: 'a', skills: { x: 1 }, availability: 0.5 }],
        services: [{ id: 'svc', arrivals: [0], stages: [{ skill: 'x', hours: constant(30) }] }],
        horizonHours: 200,
      }),
    );
    // Works 0-20, away 20-40, works 40-50.
    expect(r.leadTime.mean).toBeCloseTo(50, 12);
    // Away the second half of each of the five weeks.
    expect(personOf(r, 'a').absentHours).toBeCloseTo(100, 12);
    expect(personOf(r, 'a').hours.work).toBeCloseTo(30, 12);
  });

  it('a full-time person is never away', () => {
    const r = runOnce(
      buildScenario({
        skills: ['x'],
        people: [{ id: 'a', skills: { x: 1 } }],
        services: [{ id: 'svc', arrivals: [0], stages: [{ skill: 'x', hours: constant(30) }] }],
        horizonHours: 200,
      }),
    );
    expect(r.leadTime.mean).toBeCloseTo(30, 12);
    expect(personOf(r, 'a').absentHours).toBe(0);
  });
});
