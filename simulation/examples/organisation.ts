import type { ScenarioInput } from '../scenario/schema';

/**
 * The benchmark organisation: 5 stream-aligned teams, each of 2 data
 * scientists, 2 ML engineers, 4 software engineers and 2 operations
 * engineers (50 people), owning 4 services each (20 services). Features
 * arrive at 0.025 per hour per service and pass through analysis (data
 * science, 8 h), modelling (ML engineering, 6 h) and integration (backend,
 * 16 h); incidents at 0.005 per hour per service take about 3 hours to
 * repair. Everyone takes 4 vacations a year of 20-80 hours and 6 sick days.
 * Built by code so it stays exactly as the benchmark describes it; the same
 * object is saved as organisation-50.handoff.json.
 */
export function organisationScenario(): ScenarioInput {
  const skills = [
    { id: 'data-science', name: 'Data science' },
    { id: 'ml-engineering', name: 'ML engineering' },
    { id: 'backend', name: 'Backend' },
    { id: 'operations', name: 'Operations' },
  ];
  const roles = [
    { role: 'ds', count: 2, main: 'data-science', title: 'data scientist' },
    { role: 'mle', count: 2, main: 'ml-engineering', title: 'ML engineer' },
    { role: 'swe', count: 4, main: 'backend', title: 'software engineer' },
    { role: 'ops', count: 2, main: 'operations', title: 'operations engineer' },
  ];
  // Second skills: what each role can do a little of (data scientists code a bit, and so on).
  const secondary: Record<string, Record<string, number>> = {
    ds: { 'ml-engineering': 0.4, backend: 0.2 },
    mle: { 'data-science': 0.4, backend: 0.4, operations: 0.2 },
    swe: { 'ml-engineering': 0.2, operations: 0.3 },
    ops: { backend: 0.3 },
  };
  const teams = [];
  const people = [];
  const services = [];
  for (let t = 1; t <= 5; t++) {
    const team = `team-${t}`;
    teams.push({ id: team, name: `Stream team ${t}`, type: 'stream-aligned' as const, interactions: [] });
    const members: Record<string, string[]> = {};
    for (const r of roles) {
      members[r.role] = [];
      for (let i = 1; i <= r.count; i++) {
        const id = `t${t}-${r.role}-${i}`;
        members[r.role]!.push(id);
        people.push({ id, name: `${r.title} ${i} (team ${t})`, team, skills: { [r.main]: 0.9, ...secondary[r.role] }, absences: [], departureAt: null });
      }
    }
    for (let k = 1; k <= 4; k++) {
      const owner = members.swe![(k - 1) % 4]!;
      const ops = members.ops![(k - 1) % 2]!;
      services.push({
        id: `t${t}-svc-${k}`,
        name: `Service ${k} of team ${t}`,
        team,
        criticality: 'medium' as const,
        owners: [owner, ops],
        knowledge: { [owner]: 0.9, [ops]: 0.6, [members.mle![(k - 1) % 2]!]: 0.4 },
        detection: { kind: 'exponential' as const, mean: 0.5 },
        incidents: { ratePerHour: 0.005, repairHours: { kind: 'lognormal' as const, mean: 3, sigma: 0.8 } },
        work: {
          arrivals: { kind: 'poisson' as const, ratePerHour: 0.025 },
          stages: [
            { skill: 'data-science', hours: { kind: 'lognormal' as const, mean: 8, sigma: 0.5 } },
            { skill: 'ml-engineering', hours: { kind: 'lognormal' as const, mean: 6, sigma: 0.5 } },
            { skill: 'backend', hours: { kind: 'lognormal' as const, mean: 16, sigma: 0.5 } },
          ],
          review: null,
        },
      });
    }
  }
  return {
    formatVersion: 3,
    name: 'Organisation of 50',
    description: 'Five stream-aligned teams of specialists, twenty services. What would becoming cross-functional change across the organisation?',
    calendar: { startDate: '2026-01-05', hoursPerDay: 8, daysPerWeek: 5, weeksPerYear: 50 },
    skills,
    teams,
    people,
    services,
    absencePolicy: {
      vacation: { perYear: 4, hours: { kind: 'uniform', min: 20, max: 80 } },
      sickness: { perYear: 6, hours: { kind: 'constant', value: 8 } },
      departures: { perYear: 0, hireDelayHours: { kind: 'constant', value: 480 }, rampUpHours: 480, startFraction: 0.3 },
    },
    structure: {
      mode: 'walled',
      assignments: [],
      dispatch: 'pull',
      minSkillLevel: 0.3,
      minKnowledge: 0.2,
      pairing: { enabled: false, share: 1 },
      onCall: { enabled: false, rotation: [], shiftHours: 40 },
      wip: { perPerson: null, perTeam: null },
      selfService: { skills: [], effortFactor: 0.25 },
    },
    run: { horizonHours: 2000, warmupHours: 0, replications: 1000, seed: 2026 },
    variants: [],
    incidentLogs: [],
  };
}
