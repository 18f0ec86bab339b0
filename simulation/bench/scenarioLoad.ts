/**
 * How long opening a large scenario file takes: a valid organisation of
 * 5,000 people (250 teams of 20, 1,000 services, every skill and knowledge
 * map filled, walled assignments for every stage, a variant and a log of
 * recorded incidents) is serialized, then read back with parseScenarioFile
 * (JSON, migration, schema and semantic validation) several times; the
 * median is reported, with the share of each step.
 *
 * `npx tsx simulation/bench/scenarioLoad.ts [people] [runs]` prints the
 * figures as JSON. Target: under 500 ms for 5,000 people. A measurement,
 * not a test: it never fails on a slow figure.
 */
import { pathToFileURL } from 'node:url';
import { parseScenarioFile } from '../scenario/parseScenario';
import { CURRENT_FORMAT_VERSION, scenarioSchema, type Scenario, type ScenarioInput } from '../scenario/schema';
import { serializeScenario } from '../scenario/serialize';
import { validateScenario } from '../scenario/validate';

const TEAM_SIZE = 20;
const SERVICES_PER_TEAM = 4;
const SKILLS = ['data-science', 'ml-engineering', 'backend', 'frontend', 'operations', 'security', 'analytics', 'mobile', 'testing', 'design', 'databases', 'networking'];
const TEAM_TYPES = ['stream-aligned', 'platform', 'enabling', 'complicated-subsystem'] as const;

/** A small deterministic generator (mulberry32), so the organisation is the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A valid scenario of `people` people in teams of 20 (one service per five
 * people), with `seed` varying the levels, knowledge and rates. Every
 * reference is consistent, so it parses with no errors.
 */
export function largeScenarioInput(people = 5000, seed = 1): ScenarioInput {
  const random = generator(seed);
  const level = () => Math.round(random() * 100) / 100;
  const nTeams = Math.max(1, Math.ceil(people / TEAM_SIZE));
  const skills = SKILLS.map((id) => ({ id, name: id.replace('-', ' ').replace(/^./, (c) => c.toUpperCase()) }));
  const teams = Array.from({ length: nTeams }, (_, t) => ({
    id: `team-${pad(t, 3)}`,
    name: `Team ${t}`,
    type: TEAM_TYPES[t % TEAM_TYPES.length]!,
    interactions: nTeams > 1 ? [{ team: `team-${pad((t + 1) % nTeams, 3)}`, mode: 'x-as-a-service' as const }] : [],
  }));
  const members: string[][] = teams.map(() => []);
  const personList = Array.from({ length: people }, (_, i) => {
    const t = Math.floor(i / TEAM_SIZE);
    const id = `p-${pad(i, 5)}`;
    members[t]!.push(id);
    const own = Object.fromEntries(Array.from({ length: 5 }, (_, k) => [SKILLS[(i + k * 2) % SKILLS.length]!, k === 0 ? 0.9 : level()]));
    return {
      id,
      name: `Person ${i}`,
      team: teams[t]!.id,
      skills: own,
      absences: i % 10 === 0 ? [{ start: 100 + (i % 400), end: 180 + (i % 400), reason: 'vacation' as const }] : [],
      departureAt: i % 50 === 0 ? 1000 + (i % 700) : null,
    };
  });
  const nServices = nTeams * SERVICES_PER_TEAM;
  const services = Array.from({ length: Math.min(nServices, Math.max(1, Math.floor(people / 5))) }, (_, s) => {
    const t = s % nTeams;
    const team = members[t]!;
    const stages = [0, 1, 2].map((k) => SKILLS[(s + k) % SKILLS.length]!);
    return {
      id: `svc-${pad(s, 4)}`,
      name: `Service ${s}`,
      team: teams[t]!.id,
      criticality: (['low', 'medium', 'high'] as const)[s % 3]!,
      owners: [team[s % team.length]!, team[(s + 1) % team.length]!].filter((id, k, all) => all.indexOf(id) === k),
      knowledge: Object.fromEntries(team.map((id) => [id, level()])),
      detection: s % 2 === 0 ? { kind: 'exponential' as const, mean: 0.5 + random() } : { kind: 'lognormal' as const, mean: 24, sigma: 0.8 },
      incidents: { ratePerHour: Math.round(random() * 100) / 10_000, repairHours: { kind: 'lognormal' as const, mean: 3, sigma: 0.8 } },
      work: {
        arrivals: { kind: 'poisson' as const, ratePerHour: 0.02 },
        stages: stages.map((skill, k) => ({
          skill,
          hours: k === 0 ? { kind: 'triangular' as const, min: 2, mode: 6, max: 16 } : k === 1 ? { kind: 'uniform' as const, min: 4, max: 12 } : { kind: 'empirical' as const, values: [4, 6, 8, 12] },
        })),
        review: s % 4 === 0 ? { hours: { kind: 'constant' as const, value: 1 } } : null,
      },
      stageSkills: stages,
    };
  });
  const assignments = services.flatMap((service, s) => {
    const team = members[s % nTeams]!;
    return service.stageSkills.map((skill, k) => ({ service: service.id, skill, person: team[(s + k) % team.length]! }));
  });
  const incidents = Array.from({ length: Math.min(1000, services.length) }, (_, i) => ({
    id: `INC-${i}`,
    service: services[i % services.length]!.id,
    // Every two hours from 5 January 2026, UTC.
    start: new Date(Date.UTC(2026, 0, 5) + i * 2 * 3_600_000).toISOString(),
    acknowledged: new Date(Date.UTC(2026, 0, 5) + (i * 2 + 0.5) * 3_600_000).toISOString(),
    resolved: new Date(Date.UTC(2026, 0, 5) + (i * 2 + 3) * 3_600_000).toISOString(),
    responders: [members[i % nTeams]![0]!],
    title: `Recorded incident ${i}`,
  }));
  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    name: `Organisation of ${people}`,
    description: `A generated organisation of ${people} people for the load benchmark.`,
    calendar: { startDate: '2026-01-05', hoursPerDay: 8, daysPerWeek: 5, weeksPerYear: 50 },
    skills,
    teams,
    people: personList,
    services: services.map(({ stageSkills: _stageSkills, ...service }) => service),
    absencePolicy: {
      vacation: { perYear: 4, hours: { kind: 'uniform', min: 20, max: 80 } },
      sickness: { perYear: 6, hours: { kind: 'constant', value: 8 } },
      departures: { perYear: 0.1, hireDelayHours: { kind: 'constant', value: 480 }, rampUpHours: 480, startFraction: 0.3 },
    },
    structure: { mode: 'walled', assignments, dispatch: 'pull' },
    run: { horizonHours: 2000, warmupHours: 100, replications: 100, seed },
    variants: [{ id: 'cf', name: 'Cross-functional', description: 'The same organisation without walls.', overrides: { structure: { mode: 'cross-functional', pairing: { enabled: true, share: 0.5 } } } }],
    incidentLogs: [{ id: 'log', name: 'Last quarter', source: 'generated', incidents }],
  };
}

/** A large scenario, parsed (with every default filled in). */
export function largeScenario(people = 5000, seed = 1): Scenario {
  return scenarioSchema.parse(largeScenarioInput(people, seed));
}

export interface ScenarioLoadResult {
  people: number;
  services: number;
  /** Size of the file (UTF-8). */
  megabytes: number;
  /** Median time of parseScenarioFile: JSON, migration, schema and semantic validation. */
  parseMs: number;
  /** Median time of each step alone. */
  jsonParseMs: number;
  schemaMs: number;
  validateShareMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

/** Serializes a valid organisation of `people` and times reading it back `runs` times (after one warm-up). */
export function benchScenarioLoad(people = 5000, runs = 5): ScenarioLoadResult {
  const scenario = largeScenario(people);
  const text = serializeScenario(scenario);
  const warm = parseScenarioFile(text, 'organisation.handoff.json');
  if (!warm.ok) throw new Error(`the generated organisation does not parse: ${warm.errors.slice(0, 3).join('; ')}`);
  const parse: number[] = [];
  const json: number[] = [];
  const schema: number[] = [];
  const validate: number[] = [];
  for (let r = 0; r < runs; r++) {
    parse.push(time(() => parseScenarioFile(text, 'organisation.handoff.json')));
    let doc: unknown;
    json.push(time(() => (doc = JSON.parse(text))));
    let parsed: Scenario = scenario;
    schema.push(time(() => (parsed = scenarioSchema.parse(doc))));
    validate.push(time(() => validateScenario(parsed)));
  }
  return {
    people: scenario.people.length,
    services: scenario.services.length,
    megabytes: Math.round((new TextEncoder().encode(text).length / 1024 / 1024) * 100) / 100,
    parseMs: Math.round(median(parse) * 10) / 10,
    jsonParseMs: Math.round(median(json) * 10) / 10,
    schemaMs: Math.round(median(schema) * 10) / 10,
    validateShareMs: Math.round(median(validate) * 10) / 10,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const people = Number(process.argv[2] ?? 5000);
  const runs = Number(process.argv[3] ?? 7);
  process.stdout.write(`${JSON.stringify(benchScenarioLoad(people, runs))}\n`);
}
