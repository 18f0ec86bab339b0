import { describe, expect, it } from 'vitest';
import { runReplication, type ReplicationOptions } from '../../../../simulation/model/replication';
import type { ReplicationResult } from '../../../../simulation/model/results';
import type { Scenario } from '../../../../simulation/scenario/schema';
import { personOf, runOnce, serviceOf } from './replicate';
import { buildScenario, compile, constant, type ScenarioSpec } from './scenarioBuilder';

/*
 * Tiny scenarios with constant durations and listed arrival times, whose
 * every figure can be worked out by hand (SimPy-style kernel tests for the
 * model). Luck plays no part: the seed only feeds streams nobody draws from.
 */

const HORIZON = 100;

function run(spec: Omit<ScenarioSpec, 'horizonHours'> & { horizonHours?: number }, options?: ReplicationOptions): ReplicationResult {
  const scenario: Scenario = buildScenario({ horizonHours: HORIZON, ...spec });
  return options ? runReplication(compile(scenario), 0, scenario.run.seed, options) : runOnce(scenario);
}

/** A walled pipeline x -> y -> z with one specialist per skill. */
const pipeline = (hours: [number, number, number], extra: Partial<ScenarioSpec> = {}): Omit<ScenarioSpec, 'horizonHours'> => ({
  skills: ['x', 'y', 'z'],
  people: [
    { id: 'px', skills: { x: 1 } },
    { id: 'py', skills: { y: 1 } },
    { id: 'pz', skills: { z: 1 } },
  ],
  services: [
    {
      id: 'svc',
      arrivals: [0],
      stages: [
        { skill: 'x', hours: constant(hours[0]) },
        { skill: 'y', hours: constant(hours[1]) },
        { skill: 'z', hours: constant(hours[2]) },
      ],
    },
  ],
  structure: { mode: 'walled' },
  ...extra,
});

describe('work items through a walled pipeline', () => {
  it('one item, stages of 2, 3, 4 h and 1 h per handoff: lead time 2 + 1 + 3 + 1 + 4 = 11 h, 2 handoffs', () => {
    const r = run(pipeline([2, 3, 4], { handoff: { baseHours: 1, gapHours: 0 } }));
    expect(r.arrivals).toBe(1);
    expect(r.completed).toBe(1);
    expect(r.wipAtEnd).toBe(0);
    expect(r.leadTime.mean).toBeCloseTo(11, 12);
    expect(r.leadTime.max).toBeCloseTo(11, 12);
    expect(r.handoffsPerItem).toBe(2);
    expect(r.reworkPerItem).toBe(0);
    expect(r.peoplePerItem).toBe(3);
    // Touch time is the 9 h of work; the 2 h of handoffs are not touch time.
    expect(r.flowEfficiency).toBeCloseTo(9 / 11, 12);
    // The receiver pays the handoff.
    expect(personOf(r, 'px').hours).toMatchObject({ work: 2, handoff: 0 });
    expect(personOf(r, 'py').hours.handoff).toBeCloseTo(1, 12);
    expect(personOf(r, 'py').hours.work).toBeCloseTo(3, 12);
    expect(personOf(r, 'pz').hours.handoff).toBeCloseTo(1, 12);
    expect(personOf(r, 'pz').hours.work).toBeCloseTo(4, 12);
    expect(personOf(r, 'pz').utilisation).toBeCloseTo(5 / HORIZON, 12);
    // Little's law holds exactly when the system starts and ends empty: area under WIP = sum of lead times.
    expect(r.littlesLaw.L * r.windowHours).toBeCloseTo(11, 9);
  });

  it('a handoff costs gapHours times the knowledge gap: half skill gap plus half service-knowledge gap', () => {
    // x -> y: py has level 0 in x (skill gap 1) and knows the service 0.6 vs px's 1 (gap 0.4): 0.5 + 0.2 = 0.7 -> 1 + 6 * 0.7 = 5.2 h.
    // y -> z: pz has level 0.5 in y (skill gap 0.5) and the same knowledge as py: 0.25 -> 1 + 6 * 0.25 = 2.5 h.
    const spec = pipeline([2, 3, 4], { handoff: { baseHours: 1, gapHours: 6 } });
    spec.people[2]!.skills = { z: 1, y: 0.5 };
    spec.services[0]!.knowledge = { px: 1, py: 0.6, pz: 0.6 };
    const r = run(spec);
    expect(r.leadTime.mean).toBeCloseTo(2 + 5.2 + 3 + 2.5 + 4, 12);
    expect(personOf(r, 'py').hours.handoff).toBeCloseTo(5.2, 12);
    expect(personOf(r, 'pz').hours.handoff).toBeCloseTo(2.5, 12);
  });

  it('rework sends the item back at most MAX_REWORK (5) times, each loop costing a handoff back and forth', () => {
    // Rework is certain (reworkBase = reworkAtFullGap = 1). A does x (2 h), B does y after a 1 h handoff (4 h): t = 7.
    // Each loop: A reworks x at half effort after a handoff (1 + 1), B redoes y at half effort after a handoff (1 + 2): 5 h.
    // After the fifth loop no more rework: lead time 7 + 5 * 5 = 32 h, handoffs 1 + 2 * 5 = 11.
    const r = run({
      skills: ['x', 'y'],
      people: [
        { id: 'a', skills: { x: 1 } },
        { id: 'b', skills: { y: 1 } },
      ],
      services: [
        {
          id: 'svc',
          arrivals: [0],
          stages: [
            { skill: 'x', hours: constant(2) },
            { skill: 'y', hours: constant(4) },
          ],
        },
      ],
      handoff: { baseHours: 1, gapHours: 0, reworkBase: 1, reworkAtFullGap: 1, reworkEffort: 0.5 },
    });
    expect(r.leadTime.mean).toBeCloseTo(32, 12);
    expect(r.reworkPerItem).toBe(5);
    expect(r.handoffsPerItem).toBe(11);
    expect(personOf(r, 'a').hours.rework).toBeCloseTo(5 * 1, 12);
    expect(personOf(r, 'b').hours.rework).toBeCloseTo(5 * 2, 12);
    expect(personOf(r, 'a').hours.work).toBeCloseTo(2, 12);
    expect(personOf(r, 'b').hours.work).toBeCloseTo(4, 12);
  });

  it('ties: two items arriving together at one specialist are served in arrival order', () => {
    const r = run({
      skills: ['x'],
      people: [{ id: 'a', skills: { x: 1 } }],
      services: [{ id: 'svc', arrivals: [0, 0, 1], stages: [{ skill: 'x', hours: constant(2) }] }],
    });
    // Done at 2, 4, 6: lead times 2, 4, 5.
    expect(r.completed).toBe(3);
    expect(r.leadTime.mean).toBeCloseTo((2 + 4 + 5) / 3, 12);
    expect(r.leadTime.max).toBeCloseTo(5, 12);
    // Tasks waiting for the specialist: 1 over [0, 1), 2 over [1, 2), 1 over [2, 4): 5 task-hours.
    expect(personOf(r, 'a').queue.mean * HORIZON).toBeCloseTo(1 * 1 + 2 * 1 + 1 * 2, 12);
    expect(personOf(r, 'a').queue.max).toBe(2);
  });

  it('a lower skill level slows the work: speed = efficiencyAtZero + (1 - efficiencyAtZero) * level', () => {
    const r = run({
      skills: ['x'],
      people: [{ id: 'a', skills: { x: 0.5 } }],
      services: [{ id: 'svc', arrivals: [0], stages: [{ skill: 'x', hours: constant(5) }] }],
    });
    expect(r.leadTime.mean).toBeCloseTo(5 / (0.25 + 0.75 * 0.5), 12);
  });

  it('a review by the owner follows the last stage (no handoff counted, review time booked)', () => {
    const r = run({
      skills: ['x'],
      people: [{ id: 'a', skills: { x: 1 } }, { id: 'b' }],
      services: [{ id: 'svc', owners: ['b'], knowledge: { b: 1 }, arrivals: [0], stages: [{ skill: 'x', hours: constant(4) }], review: constant(1) }],
    });
    expect(r.leadTime.mean).toBeCloseTo(5, 12);
    expect(r.peoplePerItem).toBe(2);
    expect(personOf(r, 'b').hours.review).toBeCloseTo(1, 12);
  });

  it('a self-service stage is done by the previous stage person at effortFactor of the effort, with no handoff', () => {
    const spec = (selfService: boolean): Omit<ScenarioSpec, 'horizonHours'> => ({
      skills: ['x', 'plat'],
      people: [
        { id: 'dev', skills: { x: 1 } },
        { id: 'ops', skills: { plat: 1 } },
      ],
      services: [
        {
          id: 'svc',
          arrivals: [0],
          stages: [
            { skill: 'x', hours: constant(4) },
            { skill: 'plat', hours: constant(8) },
          ],
        },
      ],
      structure: { mode: 'walled', selfService: { skills: selfService ? ['plat'] : [], effortFactor: 0.25 } },
      handoff: { baseHours: 1, gapHours: 0 },
    });
    const self = run(spec(true));
    expect(self.leadTime.mean).toBeCloseTo(4 + 8 * 0.25, 12);
    expect(self.handoffsPerItem).toBe(0);
    expect(self.peoplePerItem).toBe(1);
    const handedOver = run(spec(false));
    expect(handedOver.leadTime.mean).toBeCloseTo(4 + 1 + 8, 12);
    expect(handedOver.peoplePerItem).toBe(2);
  });

  it('a team WIP limit holds new items back until one is done', () => {
    const spec = (perTeam: number | null): Omit<ScenarioSpec, 'horizonHours'> => ({
      skills: ['x'],
      teams: ['t'],
      people: [
        { id: 'a', team: 't', skills: { x: 1 } },
        { id: 'b', team: 't', skills: { x: 1 } },
      ],
      services: [{ id: 'svc', team: 't', arrivals: [0, 0], stages: [{ skill: 'x', hours: constant(5) }] }],
      structure: { mode: 'cross-functional', wip: { perPerson: null, perTeam } },
    });
    expect(run(spec(null)).leadTime.mean).toBeCloseTo(5, 12);
    // Limit 1: the second item is admitted at 5 and done at 10.
    const limited = run(spec(1));
    expect(limited.leadTime.mean).toBeCloseTo(7.5, 12);
    expect(limited.wip.max).toBe(2);
  });

  it('pairing: the pair takes pairingDurationFactor times as long, both count as people on the item, the partner learns', () => {
    const r = run({
      skills: ['x'],
      teams: ['t'],
      people: [
        { id: 'senior', team: 't', skills: { x: 1 } },
        { id: 'junior', team: 't', skills: { x: 0 } },
      ],
      services: [{ id: 'svc', team: 't', knowledge: { senior: 1 }, arrivals: [0], stages: [{ skill: 'x', hours: constant(10) }] }],
      structure: { mode: 'cross-functional', pairing: { enabled: true, share: 1 } },
      learning: { knowledgePerHour: 0.1, skillPerPairedHour: 0 },
      pairingDurationFactor: 1.15,
    });
    expect(r.leadTime.mean).toBeCloseTo(11.5, 12);
    expect(r.peoplePerItem).toBe(2);
    expect(personOf(r, 'senior').hours.work).toBeCloseTo(11.5, 12);
    expect(personOf(r, 'junior').hours.pairing).toBeCloseTo(11.5, 12);
    // The junior's knowledge: 1 - exp(-0.1 * 11.5) = 0.68 >= 0.5, so the bus factor is 2.
    expect(1 - Math.exp(-0.1 * 11.5)).toBeGreaterThan(0.5);
    expect(serviceOf(r, 'svc').busFactor).toBe(2);
  });
});

describe('incidents', () => {
  const owner = (extra: Partial<ScenarioSpec['services'][number]> = {}): Omit<ScenarioSpec, 'horizonHours'> => ({
    skills: ['x'],
    people: [{ id: 'a', skills: { x: 1 } }],
    services: [
      {
        id: 'svc',
        owners: ['a'],
        knowledge: { a: 1 },
        detection: constant(1),
        repairHours: constant(2),
        arrivals: [0],
        stages: [{ skill: 'x', hours: constant(10) }],
        ...extra,
      },
    ],
  });

  it('time to restore = detection + wait + repair, and the repair preempts feature work by exactly the repair time', () => {
    // Failure at 3, detected at 4; the owner puts the 10 h task aside (4 h done), repairs 4 -> 6, then finishes the task at 12.
    const r = run(owner(), { replayIncidents: [{ service: 0, at: 3, detectDelay: null }] });
    expect(r.incidents).toBe(1);
    expect(r.timeToRestore.mean).toBeCloseTo(3, 12);
    expect(r.detectMean).toBeCloseTo(1, 12);
    expect(r.waitMean).toBeCloseTo(0, 12);
    expect(r.repairMean).toBeCloseTo(2, 12);
    expect(r.leadTime.mean).toBeCloseTo(12, 12);
    expect(personOf(r, 'a').hours.incident).toBeCloseTo(2, 12);
    expect(personOf(r, 'a').hours.work).toBeCloseTo(10, 12);
    // Resuming one's own task is not a handoff.
    expect(r.handoffsPerItem).toBe(0);
  });

  it('a second incident waits for the responder to finish the first', () => {
    // Failures at 3 and 3.5, detected at 4 and 4.5; repairs 4 -> 6 and 6 -> 8. TTR 3 and 4.5; waits 0 and 1.5. Task done at 14.
    const r = run(owner(), {
      replayIncidents: [
        { service: 0, at: 3, detectDelay: null },
        { service: 0, at: 3.5, detectDelay: null },
      ],
    });
    expect(r.timeToRestore.mean).toBeCloseTo(3.75, 12);
    expect(r.waitMean).toBeCloseTo(0.75, 12);
    expect(r.timeToRestore.max).toBeCloseTo(4.5, 12);
    expect(r.leadTime.mean).toBeCloseTo(14, 12);
  });

  it('repair is slower with less knowledge of the service', () => {
    const r = run(owner({ knowledge: { a: 0.5 }, arrivals: [] }), { replayIncidents: [{ service: 0, at: 3, detectDelay: 0 }] });
    expect(r.timeToRestore.mean).toBeCloseTo(2 / (0.25 + 0.75 * 0.5), 12);
  });

  it('an incident on a service only an absent person knows waits for their return (P2)', () => {
    // a is away [0, 20); failure at 5, detected at once; repaired 20 -> 22: TTR 17, of which 15 waiting.
    const spec = owner({ arrivals: [] });
    spec.people[0]!.absences = [{ start: 0, end: 20 }];
    const r = run(spec, { replayIncidents: [{ service: 0, at: 5, detectDelay: 0 }] });
    expect(r.timeToRestore.mean).toBeCloseTo(17, 12);
    expect(r.waitMean).toBeCloseTo(15, 12);
    expect(r.incidentsWaitedForAbsent).toBe(1);
    expect(serviceOf(r, 'svc').waitedForAbsent).toBe(1);
  });

  it('cross-functional: a colleague who knows the service well enough responds instead; one who does not, cannot', () => {
    const spec = (colleagueKnowledge: number): Omit<ScenarioSpec, 'horizonHours'> => ({
      skills: ['x'],
      people: [{ id: 'a', absences: [{ start: 0, end: 20 }] }, { id: 'b' }],
      services: [{ id: 'svc', owners: ['a'], knowledge: { a: 1, b: colleagueKnowledge }, detection: constant(0), repairHours: constant(2) }],
      structure: { mode: 'cross-functional', minKnowledge: 0.2 },
    });
    const replay = { replayIncidents: [{ service: 0, at: 5, detectDelay: 0 }] };
    const knows = run(spec(0.5), replay);
    expect(knows.timeToRestore.mean).toBeCloseTo(2 / (0.25 + 0.75 * 0.5), 12);
    expect(knows.incidentsWaitedForAbsent).toBe(0);
    const doesNot = run(spec(0.1), replay);
    expect(doesNot.timeToRestore.mean).toBeCloseTo(17, 12);
    expect(doesNot.incidentsWaitedForAbsent).toBe(1);
  });
});

describe('absences and departures', () => {
  it('a planned absence delays a walled stage by exactly the absence', () => {
    // 10 h task from 0; away [3, 8): 3 h done, 7 h left at 8, done at 15.
    const r = run({
      skills: ['x'],
      people: [{ id: 'a', skills: { x: 1 }, absences: [{ start: 3, end: 8 }] }],
      services: [{ id: 'svc', arrivals: [0], stages: [{ skill: 'x', hours: constant(10) }] }],
    });
    expect(r.leadTime.mean).toBeCloseTo(15, 12);
    const a = personOf(r, 'a');
    expect(a.absentHours).toBeCloseTo(5, 12);
    expect(a.availableHours).toBeCloseTo(HORIZON - 5, 12);
    expect(a.utilisation).toBeCloseTo(10 / (HORIZON - 5), 12);
    expect(r.handoffsPerItem).toBe(0);
  });

  it('cross-functional: an absence hands the task to a colleague, who pays a handoff', () => {
    // a starts the 10 h task at 0 (first free), leaves at 3; b continues at 3 after a 1 h handoff (gapHours 0): done at 3 + 1 + 7 = 11.
    const r = run({
      skills: ['x'],
      people: [
        { id: 'a', skills: { x: 1 }, absences: [{ start: 3, end: 8 }] },
        { id: 'b', skills: { x: 1 } },
      ],
      services: [{ id: 'svc', arrivals: [0], stages: [{ skill: 'x', hours: constant(10) }] }],
      structure: { mode: 'cross-functional' },
      handoff: { baseHours: 1, gapHours: 0 },
    });
    expect(r.leadTime.mean).toBeCloseTo(11, 12);
    expect(r.peoplePerItem).toBe(2);
    expect(r.handoffsPerItem).toBe(1);
  });

  const departure = (rampUpHours: number, startFraction: number, arrival: number, hours: number): ScenarioSpec => ({
    skills: ['x'],
    people: [{ id: 'a', skills: { x: 1 }, departureAt: 100 }],
    services: [{ id: 'svc', owners: ['a'], knowledge: { a: 1 }, arrivals: [arrival], stages: [{ skill: 'x', hours: constant(hours) }] }],
    absencePolicy: {
      departures: { perYear: 0, hireDelayHours: constant(50), rampUpHours, startFraction },
    },
    horizonHours: 300,
  });

  it('a departure leaves the seat empty for hireDelayHours; the replacement then does the waiting work (P6)', () => {
    // Leaves at 100, replaced at 150; an item arriving at 110 waits for the hire: done at 155.
    const r = run(departure(0, 1, 110, 5));
    expect(r.leadTime.mean).toBeCloseTo(45, 12);
    const a = personOf(r, 'a');
    expect(a.absentHours).toBeCloseTo(50, 12);
    // The replacement knows none of the services.
    expect(serviceOf(r, 'svc').busFactor).toBe(0);
  });

  it('a replacement ramps up from startFraction of the level (speed fixed when the task starts)', () => {
    // At 150 the level is 0.5 -> speed 0.25 + 0.75 * 0.5 = 0.625: a 5 h task takes 8 h.
    expect(run(departure(100, 0.5, 110, 5)).leadTime.mean).toBeCloseTo(40 + 8, 12);
  });

  it('work in progress at a departure is finished by the replacement', () => {
    // Item at 90 of 20 h: 10 h done at 100; the rest from 150 at full speed: done at 160.
    expect(run(departure(0, 1, 90, 20)).leadTime.mean).toBeCloseTo(70, 12);
  });
});
