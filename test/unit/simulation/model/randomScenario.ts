/**
 * A fast-check generator of small, valid scenario descriptions covering the
 * whole model: 1-3 skills, 1-4 people, 1-3 services of 0-3 stages, Poisson or
 * listed arrivals (some after the horizon), reviews, incidents, planned and
 * random absences, departures, both structures and dispatch modes, pairing,
 * on-call, WIP limits, self-service, handoff costs and learning. Runs are
 * short (50-400 h) so a property can afford hundreds of them.
 */
import fc from 'fast-check';
import type { Distribution } from '../../../../simulation/random/distribution';
import type { ScenarioSpec } from './scenarioBuilder';

const level = fc.constantFrom(0, 0.2, 0.3, 0.5, 0.8, 1);
const duration: fc.Arbitrary<Distribution> = fc.oneof(
  fc.double({ min: 0.2, max: 8, noNaN: true }).map((mean): Distribution => ({ kind: 'exponential', mean })),
  fc.double({ min: 0, max: 8, noNaN: true }).map((value): Distribution => ({ kind: 'constant', value })),
  fc.double({ min: 0.2, max: 8, noNaN: true }).map((mean): Distribution => ({ kind: 'lognormal', mean, sigma: 0.8 })),
  fc.tuple(fc.double({ min: 0, max: 4, noNaN: true }), fc.double({ min: 0, max: 4, noNaN: true })).map(([a, b]): Distribution => ({ kind: 'uniform', min: a, max: a + b })),
);

export const randomScenarioSpec: fc.Arbitrary<ScenarioSpec> = fc
  .record({
    nSkills: fc.integer({ min: 1, max: 3 }),
    nPeople: fc.integer({ min: 1, max: 4 }),
    nServices: fc.integer({ min: 1, max: 3 }),
    withTeam: fc.boolean(),
    horizonHours: fc.integer({ min: 50, max: 400 }),
  })
  .chain(({ nSkills, nPeople, nServices, withTeam, horizonHours }) => {
    const skills = Array.from({ length: nSkills }, (_, i) => `s${i}`);
    const skillIndex = fc.integer({ min: 0, max: nSkills - 1 });
    const personIndex = fc.integer({ min: 0, max: nPeople - 1 });
    const absence = fc.tuple(fc.integer({ min: 0, max: horizonHours }), fc.integer({ min: 1, max: 100 })).map(([start, length]) => ({ start, end: start + length }));
    const person = fc.record({
      levels: fc.array(level, { minLength: nSkills, maxLength: nSkills }),
      absences: fc.array(absence, { maxLength: 2 }),
      departureAt: fc.option(fc.integer({ min: 0, max: horizonHours }), { freq: 4 }),
    });
    const service = fc.record({
      stages: fc.array(fc.record({ skill: skillIndex, hours: duration }), { maxLength: 3 }),
      arrivals: fc.oneof(
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.array(fc.double({ min: 0, max: horizonHours * 1.2, noNaN: true }), { maxLength: 6 }),
      ),
      review: fc.option(duration, { freq: 3 }),
      owners: fc.uniqueArray(personIndex, { maxLength: 2 }),
      knowledge: fc.array(level, { minLength: nPeople, maxLength: nPeople }),
      incidentRate: fc.constantFrom(0, 0.01, 0.05),
      detection: duration,
      repairHours: duration,
    });
    return fc.record({
      skills: fc.constant(skills),
      teams: fc.constant(withTeam ? ['t'] : []),
      people: fc.array(person, { minLength: nPeople, maxLength: nPeople }),
      services: fc.array(service, { minLength: nServices, maxLength: nServices }),
      mode: fc.constantFrom('walled' as const, 'cross-functional' as const),
      dispatch: fc.constantFrom('pull' as const, 'push' as const),
      pairing: fc.record({ enabled: fc.boolean(), share: fc.constantFrom(0.5, 1) }),
      onCall: fc.boolean(),
      perTeam: fc.option(fc.integer({ min: 1, max: 3 })),
      perPerson: fc.option(fc.integer({ min: 1, max: 3 })),
      selfService: fc.option(skillIndex, { freq: 3 }),
      handoff: fc.record({
        baseHours: fc.constantFrom(0, 0.5, 2),
        gapHours: fc.constantFrom(0, 6),
        reworkBase: fc.constantFrom(0, 0.05, 0.5),
        reworkAtFullGap: fc.constantFrom(0, 0.35, 1),
        reworkEffort: fc.constantFrom(0, 0.5, 1),
      }),
      learning: fc.record({ knowledgePerHour: fc.constantFrom(0, 0.005, 0.1), skillPerPairedHour: fc.constantFrom(0, 0.01, 0.1) }),
      randomAbsences: fc.record({ vacation: fc.constantFrom(0, 20), sickness: fc.constantFrom(0, 20), departures: fc.constantFrom(0, 5) }),
      horizonHours: fc.constant(horizonHours),
    });
  })
  .map((g): ScenarioSpec => ({
    skills: g.skills,
    teams: [...g.teams],
    people: g.people.map((p, i) => ({
      id: `p${i}`,
      team: g.teams[0] ?? null,
      skills: Object.fromEntries(p.levels.map((l, s) => [`s${s}`, l])),
      absences: p.absences,
      departureAt: p.departureAt,
    })),
    services: g.services.map((svc, i) => ({
      id: `svc${i}`,
      team: g.teams[0] ?? null,
      owners: svc.owners.map((o) => `p${o}`),
      knowledge: Object.fromEntries(svc.knowledge.map((k, p) => [`p${p}`, k])),
      detection: svc.detection,
      incidentRate: svc.incidentRate,
      repairHours: svc.repairHours,
      arrivals: svc.arrivals,
      stages: svc.stages.map((st) => ({ skill: `s${st.skill}`, hours: st.hours })),
      review: svc.review,
    })),
    structure: {
      mode: g.mode,
      dispatch: g.dispatch,
      pairing: g.pairing,
      onCall: { enabled: g.onCall, rotation: g.people.map((_, i) => `p${i}`), shiftHours: 40 },
      wip: { perPerson: g.perPerson, perTeam: g.perTeam },
      selfService: { skills: g.selfService === null ? [] : [`s${g.selfService}`], effortFactor: 0.25 },
    },
    handoff: g.handoff,
    learning: g.learning,
    absencePolicy: {
      vacation: { perYear: g.randomAbsences.vacation, hours: { kind: 'uniform', min: 8, max: 40 } },
      sickness: { perYear: g.randomAbsences.sickness, hours: { kind: 'constant', value: 8 } },
      departures: { perYear: g.randomAbsences.departures, hireDelayHours: { kind: 'exponential', mean: 80 }, rampUpHours: 40, startFraction: 0.3 },
    },
    horizonHours: g.horizonHours,
  }));
