import { describe, expect, it } from 'vitest';
import { runReplication, type ReplicationOptions } from '../../../../simulation/model/replication';
import type { ReplicationResult } from '../../../../simulation/model/results';
import { personOf } from './replicate';
import { buildScenario, compile, constant, type PersonSpec, type ScenarioSpec } from './scenarioBuilder';

/*
 * Who takes the work when several people could (model/dispatch.ts,
 * model/responders.ts), by hand-computed cases. Speed = 0.25 + 0.75 * level.
 */

function run(spec: ScenarioSpec, options: ReplicationOptions = {}): ReplicationResult {
  const scenario = buildScenario(spec);
  return runReplication(compile(scenario), 0, scenario.run.seed, options);
}

const speed = (level: number) => 0.25 + 0.75 * level;

/** One 10 h backend item at time 0, for a cross-functional team of `people` (listed in this order). */
const oneItem = (people: PersonSpec[], dispatch: 'push' | 'pull', knowledge: Record<string, number> = {}): ScenarioSpec => ({
  skills: ['backend'],
  people,
  services: [{ id: 'svc', knowledge, arrivals: [0], stages: [{ skill: 'backend', hours: constant(10) }] }],
  structure: { mode: 'cross-functional', dispatch, minSkillLevel: 0.3 },
  horizonHours: 100,
});

describe.each(['push', 'pull'] as const)('%s dispatch with several people free', (dispatch) => {
  it('gives the stage to the higher level in its skill, whoever is listed first', () => {
    const novice = { id: 'a', skills: { backend: 0.3 } };
    const expert = { id: 'b', skills: { backend: 0.9 } };
    for (const people of [[novice, expert], [expert, novice]]) {
      const r = run(oneItem(people, dispatch));
      expect(r.leadTime.mean).toBeCloseTo(10 / speed(0.9), 12);
      expect(personOf(r, 'b').hours.work).toBeCloseTo(10 / speed(0.9), 12);
      expect(personOf(r, 'a').hours.work).toBe(0);
    }
  });

  it('at equal levels, to the one who knows the service better', () => {
    const people = [
      { id: 'a', skills: { backend: 0.6 } },
      { id: 'b', skills: { backend: 0.6 } },
    ];
    for (const knowledge of [{ b: 0.7 }, { a: 0.7 }] as Record<string, number>[]) {
      const r = run(oneItem(people, dispatch, knowledge));
      const knower = Object.keys(knowledge)[0]!;
      expect(personOf(r, knower).hours.work).toBeCloseTo(10 / speed(0.6), 12);
    }
  });

  it('at equal level and knowledge, to whoever has been free longest', () => {
    // Both at 0.6. Two items: the first (1 h) at 0 goes to a (by id), who is free again at 1/speed; b has been free
    // since 0, so the second item, at 5, goes to b whichever of them is listed first.
    const spec = (people: PersonSpec[]): ScenarioSpec => ({
      ...oneItem(people, dispatch),
      services: [{ id: 'svc', arrivals: [0, 5], stages: [{ skill: 'backend', hours: constant(1) }] }],
    });
    const a = { id: 'a', skills: { backend: 0.6 } };
    const b = { id: 'b', skills: { backend: 0.6 } };
    for (const people of [[a, b], [b, a]]) {
      const r = run(spec(people));
      expect(personOf(r, 'a').hours.work).toBeCloseTo(1 / speed(0.6), 12);
      expect(personOf(r, 'b').hours.work).toBeCloseTo(1 / speed(0.6), 12);
    }
  });
});

describe('pull dispatch', () => {
  it('counts the handoff: the free person who did the previous stage finishes sooner than a slightly better stranger', () => {
    // Stage 1 (design, only a) then stage 2 (backend, 4 h). a at 0.8 continues without a handoff: 4 / 0.85 = 4.71 h;
    // b at 0.9 would need a 2 h handoff first: 2 + 4 / 0.925 = 6.32 h. So a takes it.
    const r = run({
      skills: ['design', 'backend'],
      people: [
        { id: 'b', skills: { backend: 0.9 } },
        { id: 'a', skills: { design: 1, backend: 0.8 } },
      ],
      services: [{ id: 'svc', knowledge: { a: 1, b: 1 }, arrivals: [0], stages: [{ skill: 'design', hours: constant(1) }, { skill: 'backend', hours: constant(4) }] }],
      structure: { mode: 'cross-functional', dispatch: 'pull', minSkillLevel: 0.3 },
      handoff: { baseHours: 2 },
      horizonHours: 100,
    });
    expect(r.handoffsPerItem).toBe(0);
    expect(personOf(r, 'b').hours.work).toBe(0);
    expect(r.leadTime.mean).toBeCloseTo(1 + 4 / speed(0.8), 12);
  });
});

describe('incident assignment', () => {
  /** b is busy with a 10 h task from 0 and knows the service fully; a is free and knows it to `aKnows`. */
  const team = (aKnows: number, listed: 'ab' | 'ba' = 'ab'): ScenarioSpec => {
    const a = { id: 'a', skills: { backend: 0.3 } };
    const b = { id: 'b', skills: { backend: 1 } };
    return {
      skills: ['backend'],
      people: listed === 'ab' ? [a, b] : [b, a],
      services: [{ id: 'svc', knowledge: { a: aKnows, b: 1 }, repairHours: constant(2), arrivals: [0], stages: [{ skill: 'backend', hours: constant(10) }] }],
      structure: { mode: 'cross-functional', minKnowledge: 0.2, minSkillLevel: 0.5 },
      horizonHours: 100,
    };
  };

  it('goes to the expert busy with feature work (who puts it aside) rather than to a free novice', () => {
    // Failure at 1: a (knowledge 0.3) would take 2 / 0.475 = 4.2 h; b puts the task aside and restores in 2 h.
    for (const listed of ['ab', 'ba'] as const) {
      const r = run(team(0.3, listed), { replayIncidents: [{ service: 0, at: 1, detectDelay: 0 }] });
      expect(r.timeToRestore.mean).toBeCloseTo(2, 12);
      expect(personOf(r, 'b').hours.incident).toBeCloseTo(2, 12);
      expect(r.leadTime.mean).toBeCloseTo(12, 12);
    }
  });

  /** b repairs a first incident from 0 (2 h); a second fails at 1, when a is free and knows the service to `aKnows`. */
  const twoIncidents = (aKnows: number) =>
    run(
      { ...team(aKnows), services: [{ id: 'svc', knowledge: { a: aKnows, b: 1 }, repairHours: constant(2) }] },
      {
        replayIncidents: [
          { service: 0, at: 0, detectDelay: 0 },
          { service: 0, at: 1, detectDelay: 0 },
        ],
      },
    );

  it('waits for the busy expert when that restores it sooner than starting now, slower', () => {
    // a at 0.2 would take 2 / 0.4 = 5 h (restored at 6); b is expected free at 2 and done at 4: TTR 3.
    const r = twoIncidents(0.2);
    expect(r.timeToRestore.max).toBeCloseTo(3, 12);
    expect(r.timeToRestore.mean).toBeCloseTo((2 + 3) / 2, 12);
    expect(personOf(r, 'a').hours.incident).toBe(0);
    expect(r.waitMean).toBeCloseTo((0 + 1) / 2, 12);
  });

  it('starts now with someone free when that restores it sooner than waiting', () => {
    // a at 0.8 takes 2 / 0.85 = 2.35 h, sooner than the 3 h of waiting for b.
    const r = twoIncidents(0.8);
    expect(r.timeToRestore.max).toBeCloseTo(2 / speed(0.8), 12);
    expect(personOf(r, 'a').hours.incident).toBeCloseTo(2 / speed(0.8), 12);
  });

  it('an incident waiting for an expert who then leaves goes to someone else', () => {
    // As above with a at 0.2, but b is away from 1.5 to 50: the first incident goes back to a (b's 1.5 h at speed 1
    // leave 0.5 h of effort), and the second no longer waits for b.
    const spec = team(0.2);
    spec.services = [{ id: 'svc', knowledge: { a: 0.2, b: 1 }, repairHours: constant(2) }];
    spec.people = spec.people.map((p) => (p.id === 'b' ? { ...p, absences: [{ start: 1.5, end: 50 }] } : p));
    const r = run(spec, {
      replayIncidents: [
        { service: 0, at: 0, detectDelay: 0 },
        { service: 0, at: 1, detectDelay: 0 },
      ],
    });
    expect(r.incidents).toBe(2);
    expect(r.unrestored).toBe(0);
    // a: the first's 0.5 h left from 1.5 (1.25 h at speed 0.4, done at 2.75), then the second's 2 h (5 h, done at 7.75).
    expect(r.timeToRestore.max).toBeCloseTo(7.75 - 1, 12);
  });
});
