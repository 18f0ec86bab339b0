import type { Distribution } from '../random/distribution';
import { prepareDistribution, type PreparedDistribution } from '../random/sample';
import type { ModelInput } from './modelInput';

/** A stage of a service's work, with indices instead of ids. */
export interface CompiledStage {
  skill: number;
  hours: Distribution;
  /** `hours` made ready for the draw on each item's arrival. */
  draw: PreparedDistribution;
  /** Made self-service by a platform: done by whoever did the stage before, at reduced effort. */
  selfService: boolean;
  /** Walled: the named specialist; cross-functional: everyone who may ever do it (levels are checked when work starts). */
  candidates: readonly number[];
  /** 1 for each person in `candidates`, by person index (a constant-time membership test). */
  candidateSet: Uint8Array;
}

export interface CompiledService {
  id: string;
  name: string;
  team: number;
  stages: readonly CompiledStage[];
  arrivalRate: number;
  arrivalTimes: readonly number[] | null;
  review: Distribution | null;
  /** `review` made ready for the draw on each item's arrival. */
  reviewDraw: PreparedDistribution | null;
  /** Who may review: people who could know the service (levels are checked when review starts). */
  reviewers: readonly number[];
  /** 1 for each person in `reviewers`, by person index. */
  reviewerSet: Uint8Array;
  detection: Distribution;
  incidentRate: number;
  repairHours: Distribution;
  /** Who may respond to an incident (walled: owners; cross-functional: anyone in the team, knowledge checked at the time). */
  responders: readonly number[];
  owners: readonly number[];
  /** 1 for each person in `responders` / `owners`, by person index. */
  responderSet: Uint8Array;
  ownerSet: Uint8Array;
  /** The shared queue this service's tasks wait in when several people may take them. */
  queue: number;
  /** Names of its random streams, built once (see streams.ts). */
  streamNames: { arrivals: string; incidents: string; work: string; detect: string; repair: string };
}

export interface CompiledPerson {
  id: string;
  name: string;
  team: number;
  /** Level per skill index. */
  skills: Float64Array;
  /** Knowledge per service index. */
  knowledge: Float64Array;
  plannedAbsences: readonly (readonly [number, number])[];
  /**
   * Replay hook: spans off duty (nights, weekends). Someone restoring a service when one begins stays on it
   * until it is restored or `graceHours` have passed (see absences.ts).
   */
  offDuty?: { spans: readonly (readonly [number, number])[]; graceHours: number };
  departureAt: number | null;
  /** Share of each working week the person works. */
  availability: number;
  /** Names of their random streams, built once (see streams.ts). */
  streamNames: { vacation: string; sickness: string; departure: string; hire: string };
}

/**
 * The model as arrays indexed by small integers, built once per run and
 * shared by all of its replications (each replication copies what it changes).
 */
export interface CompiledModel {
  input: ModelInput;
  skills: readonly { id: string; name: string }[];
  teams: readonly { id: string; name: string }[];
  people: readonly CompiledPerson[];
  services: readonly CompiledService[];
  /** People of each team (index = team index; the last entry is everyone, for services without a team). */
  teamMembers: readonly (readonly number[])[];
  onCallRotation: readonly number[];
  hoursPerYear: number;
  /** For each person, the shared queues they may take work from. */
  scanQueues: readonly (readonly number[])[];
  /**
   * Each person's place when people are sorted by id: the last tie-break of
   * every dispatch choice, so that no choice depends on the order of the file.
   */
  idRank: Int32Array;
}

const indexOf = (ids: readonly { id: string }[]) => new Map(ids.map((x, i) => [x.id, i]));

/**
 * Resolves ids to indices and works out, for each stage, who may do it under
 * the structure. Assumes a validated model (unknown ids were reported by the
 * validator); ones that slip through are ignored rather than crashing a run.
 */
export function compileModel(input: ModelInput): CompiledModel {
  const skillIndex = indexOf(input.skills);
  const teamIndex = indexOf(input.teams);
  const personIndex = indexOf(input.people);
  const { structure } = input;
  const nSkills = input.skills.length;
  const nServices = input.services.length;

  const people: CompiledPerson[] = input.people.map((p) => {
    const skills = new Float64Array(nSkills);
    for (const [id, level] of Object.entries(p.skills)) {
      const s = skillIndex.get(id);
      if (s !== undefined) skills[s] = level;
    }
    return {
      id: p.id,
      name: p.name,
      team: p.team === null ? -1 : (teamIndex.get(p.team) ?? -1),
      skills,
      knowledge: new Float64Array(nServices),
      plannedAbsences: p.absences.map((a) => [a.start, a.end] as const),
      departureAt: p.departureAt,
      availability: p.availability,
      streamNames: { vacation: `vacation:${p.id}`, sickness: `sickness:${p.id}`, departure: `departure:${p.id}`, hire: `hire:${p.id}` },
    };
  });
  input.services.forEach((svc, s) => {
    for (const [pid, level] of Object.entries(svc.knowledge)) {
      const p = personIndex.get(pid);
      if (p !== undefined) people[p]!.knowledge[s] = level;
    }
  });

  const everyone = people.map((_, i) => i);
  const teamMembers: number[][] = input.teams.map(() => []);
  people.forEach((p, i) => p.team >= 0 && teamMembers[p.team]!.push(i));
  teamMembers.push(everyone);
  const membersOf = (team: number) => (team >= 0 ? teamMembers[team]! : everyone);

  const assigned = new Map<string, number>();
  for (const a of structure.assignments) {
    const p = personIndex.get(a.person);
    if (p !== undefined) assigned.set(`${a.service}\u0000${a.skill}`, p);
  }
  const selfServiceSkills = new Set(structure.selfService.skills);

  const idRank = rankById(people);
  const byId = (a: number, b: number) => idRank[a]! - idRank[b]!;
  // Which of its team's services each is (by id, not by place in the file), so equally skilled specialists share
  // the services between them.
  const ordinalOf = new Map<string, number>();
  const teamOf = (team: string | null) => (team === null ? -1 : (teamIndex.get(team) ?? -1));
  for (const team of new Set(input.services.map((svc) => teamOf(svc.team)))) {
    const ids = input.services.filter((svc) => teamOf(svc.team) === team).map((svc) => svc.id);
    ids.sort(compareIds).forEach((id, i) => ordinalOf.set(id, i));
  }
  const services: CompiledService[] = input.services.map((svc, s) => {
    const team = teamOf(svc.team);
    const ordinal = ordinalOf.get(svc.id) ?? 0;
    const members = [...membersOf(team)].sort(byId);
    const owners = svc.owners.map((o) => personIndex.get(o)).filter((p): p is number => p !== undefined);
    const stages: CompiledStage[] = svc.work.stages.map((stage) => {
      const skill = skillIndex.get(stage.skill) ?? -1;
      let candidates: number[];
      if (skill < 0) candidates = [];
      else if (structure.mode === 'walled') {
        const named = assigned.get(`${svc.id}\u0000${stage.skill}`);
        const best = named ?? bestAt(members, (p) => people[p]!.skills[skill]!, ordinal);
        candidates = best === undefined ? [] : [best];
      } else candidates = crossFunctionalCandidates(members, (p) => people[p]!.skills[skill]!, structure);
      return { skill, hours: stage.hours, draw: prepareDistribution(stage.hours), selfService: selfServiceSkills.has(stage.skill), candidates, candidateSet: setOf(candidates, people.length) };
    });
    const knowers = members.filter((p) => people[p]!.knowledge[s]! > 0 || owners.includes(p));
    const responders = structure.mode === 'walled' ? owners : union(owners, members);
    // A review is by someone else who knows the service: in a walled structure its owners and the others who
    // know it (so a sole owner's own change goes to a knower), cross-functional anyone in the team.
    const reviewers = structure.mode === 'walled' ? union(owners, knowers) : union(owners, members);
    return {
      id: svc.id,
      name: svc.name,
      team,
      stages,
      arrivalRate: svc.work.arrivals.kind === 'poisson' ? svc.work.arrivals.ratePerHour : 0,
      arrivalTimes: svc.work.arrivals.kind === 'list' ? [...svc.work.arrivals.times].sort((a, b) => a - b) : null,
      review: svc.work.review?.hours ?? null,
      reviewDraw: svc.work.review ? prepareDistribution(svc.work.review.hours) : null,
      reviewers,
      reviewerSet: setOf(reviewers, people.length),
      detection: svc.detection,
      incidentRate: svc.incidents.ratePerHour,
      repairHours: svc.incidents.repairHours,
      responders,
      owners,
      responderSet: setOf(responders, people.length),
      ownerSet: setOf(owners, people.length),
      queue: team >= 0 ? team : input.teams.length,
      streamNames: { arrivals: `arrivals:${svc.id}`, incidents: `incidents:${svc.id}`, work: `work:${svc.id}`, detect: `detect:${svc.id}`, repair: `repair:${svc.id}` },
    };
  });

  const scan = people.map(() => new Set<number>());
  for (const svc of services) {
    const who = [...svc.stages.flatMap((st) => (st.candidates.length > 1 ? st.candidates : [])), ...(svc.reviewers.length > 1 ? svc.reviewers : [])];
    for (const p of who) scan[p]!.add(svc.queue);
  }

  const { calendar } = input;
  return {
    input,
    skills: input.skills,
    teams: input.teams,
    people,
    services,
    teamMembers,
    onCallRotation: structure.onCall.enabled ? structure.onCall.rotation.map((id) => personIndex.get(id)).filter((p): p is number => p !== undefined) : [],
    hoursPerYear: calendar.hoursPerDay * calendar.daysPerWeek * calendar.weeksPerYear,
    scanQueues: scan.map((set) => [...set].sort((a, b) => a - b)),
    idRank,
  };
}

/** Ids in a fixed order that does not depend on the machine's locale. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function rankById(people: readonly { id: string }[]): Int32Array {
  const order = people.map((_, i) => i).sort((a, b) => compareIds(people[a]!.id, people[b]!.id));
  const rank = new Int32Array(people.length);
  order.forEach((p, r) => (rank[p] = r));
  return rank;
}

/**
 * Who may ever take a cross-functional stage: the members at the structure's
 * least skill level or above. With pairing on, also those below it who could
 * learn the skill by pairing (their level is checked when work starts), but
 * only if someone qualified is there to lead: a stage nobody in the team is
 * qualified for has no candidates, so its work never finishes, exactly as the
 * validator warns (one rule, whether one person or several are below it).
 */
function crossFunctionalCandidates(members: readonly number[], level: (p: number) => number, structure: ModelInput['structure']): number[] {
  const qualified = members.filter((p) => level(p) > 0 && level(p) >= structure.minSkillLevel);
  if (qualified.length === 0 || !structure.pairing.enabled) return qualified;
  return [...members];
}

/**
 * The member with the highest positive score. When several share it (two
 * data scientists of the same level), the `ordinal`-th service goes to the
 * (ordinal mod count)-th of them, so they split the services between them as
 * a manager would, rather than one person getting them all.
 */
function bestAt(members: readonly number[], score: (p: number) => number, ordinal: number): number | undefined {
  let bestScore = 0;
  for (const p of members) bestScore = Math.max(bestScore, score(p));
  if (bestScore <= 0) return undefined;
  const top = members.filter((p) => score(p) === bestScore);
  return top[ordinal % top.length];
}

function setOf(members: readonly number[], size: number): Uint8Array {
  const set = new Uint8Array(size);
  for (const p of members) set[p] = 1;
  return set;
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}
