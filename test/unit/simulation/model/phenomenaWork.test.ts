import { afterAll, describe, expect, it } from 'vitest';
import { describeDiff, pairedDiff, runArms } from './compare';
import { personOf, serviceOf } from './replicate';
import { exponential, type ScenarioSpec } from './scenarioBuilder';

/*
 * Direction tests for the phenomena of feature work (design.md: P1, P3, P5,
 * P7, P8). Each compares two arms that differ in one thing, replication by
 * replication on the same seeds (common random numbers: the same arrivals
 * and efforts), and requires the 99% paired-difference interval to exclude
 * zero on the expected side.
 */
const log: string[] = [];
afterAll(() => console.log(log.join('\n')));

describe('P1 specialist queue: work waits for the one person allowed to do it while others idle', () => {
  // Mel is the only ML engineer on paper; Dana and Sam can do ML work (level 0.6) and have light PoC work of their own.
  // ML work arrives at 90% of Mel's capacity.
  const spec = (mode: 'walled' | 'cross-functional'): ScenarioSpec => ({
    skills: ['ml', 'ds'],
    people: [
      { id: 'dana', skills: { ml: 0.6, ds: 1 } },
      { id: 'mel', skills: { ml: 1, ds: 0.2 } },
      { id: 'sam', skills: { ml: 0.6, ds: 1 } },
    ],
    services: [
      { id: 'model', arrivals: 0.9 / 8, stages: [{ skill: 'ml', hours: exponential(8) }] },
      { id: 'poc', arrivals: 0.3 / 8, stages: [{ skill: 'ds', hours: exponential(8) }] },
    ],
    structure: {
      mode,
      assignments: [
        { service: 'model', skill: 'ml', person: 'mel' },
        { service: 'poc', skill: 'ds', person: 'sam' },
      ],
    },
    horizonHours: 3000,
  });
  const [walled, cross] = runArms(spec('walled'), spec('cross-functional'), 20);

  it('walled lead time is longer than cross-functional on the same work', () => {
    const ci = pairedDiff(walled, cross, (r) => serviceOf(r, 'model').leadTimeMean);
    log.push(describeDiff('P1 ML lead time, walled - cross-functional (h)', ci));
    expect(ci.low).toBeGreaterThan(0);
  });

  it('walled: the specialist is nearly always busy with a long queue while the others are mostly idle', () => {
    const spread = (r: (typeof walled)[number]) => personOf(r, 'mel').utilisation - Math.min(personOf(r, 'dana').utilisation, personOf(r, 'sam').utilisation);
    const ci = pairedDiff(walled, cross, spread);
    log.push(describeDiff('P1 utilisation spread (Mel - least busy), walled - cross-functional', ci));
    expect(ci.low).toBeGreaterThan(0);
    for (const r of walled) {
      // Mel carries rho = 0.9 of ML work, Sam the PoCs (0.3); Dana, able to do ML work, is not allowed to.
      expect(personOf(r, 'mel').utilisation).toBeGreaterThan(0.75);
      expect(personOf(r, 'dana').utilisation).toBe(0);
    }
    for (const r of cross) expect(personOf(r, 'dana').hours.work).toBeGreaterThan(0);
    const queue = pairedDiff(walled, cross, (r) => r.queuesBySkill.find((q) => q.id === 'ml')!.queue.mean);
    log.push(describeDiff('P1 ML tasks waiting (time average), walled - cross-functional', queue));
    expect(queue.low).toBeGreaterThan(0);
  });
});

describe('P3 hot potato: a handoff costs time that grows with the knowledge gap, and sends work back', () => {
  const base = (handoff: ScenarioSpec['handoff'], levels: { a: Record<string, number>; b: Record<string, number> }): ScenarioSpec => ({
    skills: ['x', 'y'],
    people: [
      { id: 'a', skills: levels.a },
      { id: 'b', skills: levels.b },
    ],
    services: [
      {
        id: 'svc',
        arrivals: 0.05,
        stages: [
          { skill: 'x', hours: exponential(4) },
          { skill: 'y', hours: exponential(4) },
        ],
      },
    ],
    structure: {
      mode: 'walled',
      assignments: [
        { service: 'svc', skill: 'x', person: 'a' },
        { service: 'svc', skill: 'y', person: 'b' },
      ],
    },
    handoff,
    horizonHours: 3000,
  });
  const specialists = { a: { x: 1 }, b: { y: 1 } };
  const shared = { a: { x: 1, y: 1 }, b: { x: 1, y: 1 } };
  const costly = { baseHours: 0.5, gapHours: 6, reworkBase: 0.05, reworkAtFullGap: 0.35, reworkEffort: 0.5 };

  const [costlySpecialists, cheapSpecialists, costlyShared] = [base(costly, specialists), base({ ...costly, gapHours: 0, reworkAtFullGap: 0.05 }, specialists), base(costly, shared)];
  const [high, low] = runArms(costlySpecialists, cheapSpecialists, 20);
  const [, together] = runArms(costlySpecialists, costlyShared, 20);

  it('larger gap parameters raise lead time and rework per item', () => {
    const lead = pairedDiff(high, low, (r) => r.leadTime.mean);
    const rework = pairedDiff(high, low, (r) => r.reworkPerItem);
    log.push(describeDiff('P3 lead time, gapHours 6 / rework 0.35 - gapHours 0 / rework 0.05 (h)', lead));
    log.push(describeDiff('P3 rework per item, same arms', rework));
    expect(lead.low).toBeGreaterThan(0);
    expect(rework.low).toBeGreaterThan(0);
  });

  it('a handoff between people who share skills costs less than between pure specialists', () => {
    const lead = pairedDiff(high, together, (r) => r.leadTime.mean);
    const handoff = pairedDiff(high, together, (r) => personOf(r, 'b').hours.handoff / r.completed);
    log.push(describeDiff('P3 lead time, pure specialists - shared skills (h)', lead));
    log.push(describeDiff('P3 handoff hours per item paid by the receiver, same arms', handoff));
    expect(lead.low).toBeGreaterThan(0);
    // Gap 0.5 (skill gap 1, equal service knowledge) vs 0: each handoff into b costs 6 * 0.5 = 3 h more.
    expect(handoff.low).toBeGreaterThan(0);
    // With shared skills the gap is 0, so the gap parameters do not matter: the run is the gapHours-0 run, item for item.
    expect(together.map((r) => r.leadTime.mean)).toEqual(low.map((r) => r.leadTime.mean));
  });
});

describe('P5 over the wall: a change to production logic waits for an engineer to be free', () => {
  // Data science work needs the engineer for its last stage; the engineer also serves the platform.
  const spec = (platformRate: number): ScenarioSpec => ({
    skills: ['ds', 'backend'],
    people: [
      { id: 'dana', skills: { ds: 1 } },
      { id: 'eng', skills: { backend: 1 } },
    ],
    services: [
      {
        id: 'model',
        arrivals: 0.05,
        stages: [
          { skill: 'ds', hours: exponential(8) },
          { skill: 'backend', hours: exponential(4) },
        ],
      },
      { id: 'platform', arrivals: platformRate, stages: [{ skill: 'backend', hours: exponential(4) }] },
    ],
    structure: { mode: 'walled' },
    horizonHours: 3000,
  });
  const [busy, free] = runArms(spec(0.15), spec(0.02), 20);

  it('the data-science lead time rises when the engineer is busier with other work', () => {
    const ci = pairedDiff(busy, free, (r) => serviceOf(r, 'model').leadTimeMean);
    log.push(describeDiff('P5 data-science lead time, engineer at 80% - at 28% (h)', ci));
    expect(ci.low).toBeGreaterThan(0);
    // The data scientist's own work is the same in both arms, hour for hour (common random numbers): the extra
    // time is spent waiting for the engineer.
    const dana = pairedDiff(busy, free, (r) => personOf(r, 'dana').hours.work);
    expect(Math.abs(dana.mean)).toBeLessThan(1e-9);
  });
});

describe('P7 cross-functional and pairing', () => {
  it('cross-functional lowers lead time of multi-skill work at high load', () => {
    // Each person is strong (0.9) in one skill and able (0.5) in the others; the ML stage is the bottleneck.
    const spec = (mode: 'walled' | 'cross-functional'): ScenarioSpec => ({
      skills: ['ds', 'ml', 'be'],
      people: [
        { id: 'dana', skills: { ds: 0.9, ml: 0.5, be: 0.5 } },
        { id: 'mel', skills: { ds: 0.5, ml: 0.9, be: 0.5 } },
        { id: 'sam', skills: { ds: 0.5, ml: 0.5, be: 0.9 } },
      ],
      services: [
        {
          id: 'recs',
          knowledge: { dana: 0.6, mel: 0.6, sam: 0.6 },
          arrivals: 0.065,
          stages: [
            { skill: 'ds', hours: exponential(6) },
            { skill: 'ml', hours: exponential(10) },
            { skill: 'be', hours: exponential(4) },
          ],
        },
      ],
      structure: { mode },
      handoff: { baseHours: 0.5, gapHours: 6, reworkBase: 0.05, reworkAtFullGap: 0.35, reworkEffort: 0.5 },
      horizonHours: 3000,
    });
    const [walled, cross] = runArms(spec('walled'), spec('cross-functional'), 20);
    const ci = pairedDiff(walled, cross, (r) => r.leadTime.mean);
    log.push(describeDiff('P7 lead time, walled - cross-functional (h)', ci));
    expect(ci.low).toBeGreaterThan(0);
  });

  it('pairing spreads knowledge: a higher bus factor at the end', () => {
    // Only Mel knows the service and has the skill; with pairing, Dana and Sam sit in and learn.
    const spec = (pairing: boolean): ScenarioSpec => ({
      skills: ['ml'],
      teams: ['data'],
      people: [
        { id: 'dana', team: 'data', skills: { ml: 0 } },
        { id: 'mel', team: 'data', skills: { ml: 1 } },
        { id: 'sam', team: 'data', skills: { ml: 0 } },
      ],
      services: [{ id: 'recs', team: 'data', owners: ['mel'], knowledge: { mel: 1 }, arrivals: 0.05, stages: [{ skill: 'ml', hours: exponential(8) }] }],
      structure: { mode: 'cross-functional', pairing: { enabled: pairing, share: 1 } },
      learning: { knowledgePerHour: 0.005, skillPerPairedHour: 0.01 },
      horizonHours: 1000,
    });
    const [paired, solo] = runArms(spec(true), spec(false), 20);
    const ci = pairedDiff(paired, solo, (r) => serviceOf(r, 'recs').busFactor);
    log.push(describeDiff('P7 bus factor at the end, pairing - no pairing', ci));
    expect(ci.low).toBeGreaterThan(0);
    // Without pairing nobody else ever touches the service.
    for (const r of solo) expect(serviceOf(r, 'recs').busFactor).toBe(1);
    // Pairing also spreads the skill: Dana and Sam, at level 0 at first, learn enough (minSkillLevel 0.3 after
    // ~36 paired hours at 0.01/h) to take ML work on their own; without pairing they never do.
    for (const r of paired) expect(personOf(r, 'dana').hours.work + personOf(r, 'sam').hours.work).toBeGreaterThan(0);
    for (const r of solo) expect(personOf(r, 'dana').hours.work + personOf(r, 'sam').hours.work).toBe(0);
    const lead = pairedDiff(paired, solo, (r) => r.leadTime.mean);
    log.push(describeDiff('P7 lead time, pairing - no pairing (h) [not asserted: slower pairs vs more capacity]', lead));
  });
});

describe('P8 communication overhead grows with the number of people an item passes through', () => {
  // Three people able to do every stage. Either each does whole items of their own service, or each does one stage of every service.
  // The load per person is the same; only the number of people per item (and so of handoffs) differs.
  const spec = (split: 'by-service' | 'by-stage'): ScenarioSpec => {
    const people = ['p0', 'p1', 'p2'];
    const skills = ['x', 'y', 'z'];
    const services = people.map((_, i) => `svc${i}`);
    return {
      skills,
      people: people.map((id) => ({ id, skills: { x: 1, y: 1, z: 1 } })),
      services: services.map((id) => ({ id, arrivals: 0.05, stages: skills.map((skill) => ({ skill, hours: exponential(1) })) })),
      structure: {
        mode: 'walled',
        assignments: services.flatMap((service, i) => skills.map((skill, j) => ({ service, skill, person: people[split === 'by-service' ? i : j]! }))),
      },
      handoff: { baseHours: 2, gapHours: 0 },
      horizonHours: 3000,
    };
  };
  const [byStage, byService] = runArms(spec('by-stage'), spec('by-service'), 20);

  it('reports people per item: 1 when one person does the whole item, 3 when each stage has its own', () => {
    for (const r of byService) expect(r.peoplePerItem).toBe(1);
    for (const r of byStage) {
      expect(r.peoplePerItem).toBe(3);
      expect(r.handoffsPerItem).toBe(2);
    }
  });

  it('more people per item, longer lead time', () => {
    const ci = pairedDiff(byStage, byService, (r) => r.leadTime.mean);
    log.push(describeDiff('P8 lead time, 3 people per item - 1 person per item (h)', ci));
    expect(ci.low).toBeGreaterThan(0);
  });
});
