import { CURRENT_FORMAT_VERSION, scenarioSchema, type Scenario } from './schema';

/** A new, empty scenario with sensible settings (one year of working hours, 200 replications). */
export function emptyScenario(name = 'Untitled scenario'): Scenario {
  return scenarioSchema.parse({
    formatVersion: CURRENT_FORMAT_VERSION,
    name,
    description: '',
    calendar: { startDate: '2026-01-05', hoursPerDay: 8, daysPerWeek: 5, weeksPerYear: 50 },
    skills: [],
    teams: [],
    people: [],
    services: [],
    absencePolicy: {
      vacation: { perYear: 4, hours: { kind: 'uniform', min: 20, max: 80 } },
      sickness: { perYear: 6, hours: { kind: 'constant', value: 8 } },
      departures: { perYear: 0, hireDelayHours: { kind: 'constant', value: 480 }, rampUpHours: 480, startFraction: 0.3 },
    },
    structure: { mode: 'walled' },
    run: { horizonHours: 2000, warmupHours: 0, replications: 200, seed: 1 },
  });
}
