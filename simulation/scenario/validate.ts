import { withOverrides } from '../model/modelInput';
import { BUS_FACTOR_KNOWLEDGE, busFactorPeople } from '../model/busFactor';
import type { Distribution } from '../random/distribution';
import type { ModelParameters, Scenario, Service, Structure } from './schema';
import { levelOf } from './idMap';
import { transitionProblems } from '../transition/schedule';

/** A problem in a scenario: where (a path like `people[3].skills.ml`) and what, in a plain sentence. */
export interface Problem {
  path: string;
  message: string;
}

export const formatProblem = (p: Problem): string => (p.path ? `${p.path}: ${p.message}` : p.message);

/** Formats a path of keys and indices as `people[3].skills.ml`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    // An empty key would vanish from the path (and a path of it alone would read as the whole file).
    else if (key === '') out += '[""]';
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export interface ModelParts {
  skills: Scenario['skills'];
  teams: Scenario['teams'];
  people: Scenario['people'];
  services: Scenario['services'];
  structure: Structure;
}

/**
 * Checks what the schema cannot: that every reference names something that
 * exists, that ids and names are unique, and that the run settings agree with
 * each other. Returns every error and every warning at once. Warnings are
 * risks the user should see but may keep (a service only one person can
 * restore, a stage nobody is qualified for, a person with no skills).
 */
export function validateScenario(scenario: Scenario): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  checkModel(scenario, '', errors, warnings);
  const baseErrors = new Set(errors.map(formatProblem));

  // Only against a valid horizon: a horizon of 0 is the horizon's problem (the schema says so), not the warm-up's.
  if (scenario.run.horizonHours > 0 && scenario.run.warmupHours >= scenario.run.horizonHours) {
    errors.push({ path: 'run.warmupHours', message: `warm-up ${scenario.run.warmupHours} h is not shorter than the horizon ${scenario.run.horizonHours} h` });
  }
  const { dayStartHour, hoursPerDay } = scenario.calendar;
  if (dayStartHour !== undefined && hoursPerDay <= 24 && dayStartHour + hoursPerDay > 24) {
    errors.push({ path: 'calendar.dayStartHour', message: `a working day of ${hoursPerDay} h from ${clock(dayStartHour)} would end after midnight; start it by ${clock(24 - hoursPerDay)}` });
  }
  unique(scenario.variants, 'variants', errors, ['base', 'walled', 'cross-functional']);
  scenario.variants.forEach((v, i) => {
    const merged: ModelParts = withOverrides(scenario, v.overrides);
    // A variant is checked as the whole model it makes (a variant that drops a person breaks the base's references to
    // them too); the problems the base has already are reported once, for the base.
    const variantErrors: Problem[] = [];
    checkModel(merged, '', variantErrors, []);
    for (const e of variantErrors) {
      if (!baseErrors.has(formatProblem(e))) errors.push({ path: `variants[${i}] (${v.name}): ${e.path}`, message: e.message });
    }
  });
  const transitions = transitionProblems(scenario);
  errors.push(...transitions.errors);
  warnings.push(...transitions.warnings);
  parameterWarnings(scenario.parameters, 'parameters', warnings);
  scenario.variants.forEach((v, i) => v.overrides.parameters && parameterWarnings(v.overrides.parameters, `variants[${i}] (${v.name}): parameters`, warnings));
  const serviceIds = new Set(scenario.services.map((s) => s.id));
  const personIds = new Set(scenario.people.map((p) => p.id));
  unique(scenario.incidentLogs, 'incidentLogs', errors);
  scenario.incidentLogs.forEach((log, l) =>
    log.incidents.forEach((inc, i) => {
      const at = `incidentLogs[${l}].incidents[${i}]`;
      if (!serviceIds.has(inc.service)) errors.push({ path: `${at}.service`, message: `"${inc.service}" is not a service of this scenario` });
      if (Date.parse(inc.resolved) < Date.parse(inc.start)) errors.push({ path: `${at}.resolved`, message: 'resolved before it started' });
      inc.responders.forEach((r, k) => !personIds.has(r) && errors.push({ path: `${at}.responders[${k}]`, message: `"${r}" is not a person of this scenario` }));
    }),
  );
  return { errors, warnings };
}

function checkModel(m: ModelParts, prefix: string, errors: Problem[], warnings: Problem[]): void {
  const skillIds = new Set(m.skills.map((s) => s.id));
  const teamIds = new Set(m.teams.map((t) => t.id));
  const personIds = new Set(m.people.map((p) => p.id));
  const serviceIds = new Set(m.services.map((s) => s.id));
  const err = (path: string, message: string) => errors.push({ path: prefix + path, message });
  const warn = (path: string, message: string) => warnings.push({ path: prefix + path, message });
  const ref = (path: string, id: string | null, set: Set<string>, what: string) => {
    if (id !== null && !set.has(id)) err(path, `"${id}" is not ${what}`);
  };

  const lookups = modelLookups(m);

  unique(m.skills, `${prefix}skills`, errors);
  unique(m.teams, `${prefix}teams`, errors);
  unique(m.people, `${prefix}people`, errors);
  unique(m.services, `${prefix}services`, errors);

  m.teams.forEach((t, i) =>
    t.interactions.forEach((x, k) => {
      ref(`teams[${i}].interactions[${k}].team`, x.team, teamIds, 'a team of this scenario');
      if (x.team === t.id) err(`teams[${i}].interactions[${k}].team`, 'a team cannot interact with itself');
    }),
  );
  m.people.forEach((p, i) => {
    ref(`people[${i}].team`, p.team, teamIds, 'a team of this scenario');
    for (const skill of Object.keys(p.skills)) ref(`people[${i}].skills.${skill}`, skill, skillIds, 'a skill of this scenario');
    if (Object.values(p.skills).every((level) => level === 0)) warn(`people[${i}].skills`, `${p.name} has no skills, so can take no work`);
  });
  m.services.forEach((s, i) => {
    const at = `services[${i}]`;
    ref(`${at}.team`, s.team, teamIds, 'a team of this scenario');
    s.owners.forEach((o, k) => ref(`${at}.owners[${k}]`, o, personIds, 'a person of this scenario'));
    for (const pid of Object.keys(s.knowledge)) ref(`${at}.knowledge.${pid}`, pid, personIds, 'a person of this scenario');
    s.work.stages.forEach((st, k) => ref(`${at}.work.stages[${k}].skill`, st.skill, skillIds, 'a skill of this scenario'));
    serviceWarnings(m, lookups, s, at, warn);
  });
  const st = m.structure;
  st.assignments.forEach((a, i) => {
    const at = `structure.assignments[${i}]`;
    ref(`${at}.service`, a.service, serviceIds, 'a service of this scenario');
    ref(`${at}.skill`, a.skill, skillIds, 'a skill of this scenario');
    ref(`${at}.person`, a.person, personIds, 'a person of this scenario');
  });
  st.onCall.rotation.forEach((p, i) => ref(`structure.onCall.rotation[${i}]`, p, personIds, 'a person of this scenario'));
  if (st.onCall.enabled && st.onCall.rotation.length === 0) err('structure.onCall.rotation', 'on-call is on but nobody is in the rotation');
  st.selfService.skills.forEach((k, i) => ref(`structure.selfService.skills[${i}]`, k, skillIds, 'a skill of this scenario'));
}

/** Indexes built once per model, so the per-service checks do not scan every person and assignment (5,000 people, 1,000 services). */
interface ModelLookups {
  nameOf: Map<string, string>;
  /** Members of each team; `null` (a service with no team) maps to everyone. */
  membersOf: Map<string | null, Scenario['people']>;
  /** `service \n skill` of every walled assignment. */
  assigned: Set<string>;
}

function modelLookups(m: ModelParts): ModelLookups {
  const nameOf = new Map<string, string>();
  const membersOf = new Map<string | null, Scenario['people']>([[null, m.people]]);
  for (const p of m.people) {
    if (!nameOf.has(p.id)) nameOf.set(p.id, p.name);
    if (p.team === null) continue;
    const members = membersOf.get(p.team);
    if (members) members.push(p);
    else membersOf.set(p.team, [p]);
  }
  return { nameOf, membersOf, assigned: new Set(m.structure.assignments.map((a) => `${a.service}\n${a.skill}`)) };
}

/** The model's dials that make some work impossible: said where they are set. */
function parameterWarnings(p: ModelParameters, at: string, warnings: Problem[]): void {
  if (p.efficiencyAtZero === 0) {
    warnings.push({
      path: `${at}.efficiencyAtZero`,
      message:
        'speed at skill level 0 is 0, so nobody takes a stage in a skill they are at level 0 in, or restores or reviews a service they do not know at all (a new hire knows none); that work waits for someone who can, and is never done if nobody can',
    });
  }
}

/** A duration that is 0 whatever is drawn: every time it stands for comes out 0. */
function alwaysZero(d: Distribution): boolean {
  switch (d.kind) {
    case 'constant':
      return d.value === 0;
    case 'uniform':
      return d.max === 0;
    case 'empirical':
      return d.values.every((v) => v === 0);
    default:
      return false;
  }
}

function serviceWarnings(m: ModelParts, lookups: ModelLookups, s: Service, at: string, warn: (path: string, message: string) => void): void {
  // Members of the team are the people whose team is the service's (or everyone, for a service without a team).
  const knowers = busFactorPeople(m.structure, s, m.people);
  if (knowers.length === 0) {
    const anyone = Object.values(s.knowledge).some((k) => k >= BUS_FACTOR_KNOWLEDGE);
    warn(
      `${at}.knowledge`,
      anyone
        ? `nobody the ${m.structure.mode} structure lets respond to ${s.name}'s incidents knows it well enough to restore it quickly (bus factor 0)`
        : `nobody knows ${s.name} well enough to restore it quickly (bus factor 0)`,
    );
  }
  else if (knowers.length === 1) {
    const who = lookups.nameOf.get(knowers[0]!) ?? knowers[0]!;
    warn(`${at}.knowledge`, `only ${who} can restore ${s.name} (bus factor 1)`);
  }
  if (s.incidents.ratePerHour > 0 && alwaysZero(s.incidents.repairHours)) {
    warn(`${at}.incidents.repairHours`, `every repair of ${s.name} takes 0 h, so its time to restore is only detection and waiting`);
  }
  s.work.stages.forEach((stage, k) => {
    if (alwaysZero(stage.hours)) warn(`${at}.work.stages[${k}].hours`, `every ${stage.skill} stage of ${s.name} takes 0 h, so it adds nothing to lead time or to anyone's work`);
  });
  if (s.work.review && alwaysZero(s.work.review.hours)) warn(`${at}.work.review.hours`, `every review of ${s.name} takes 0 h`);
  if (m.structure.mode === 'walled' && s.owners.length === 0 && s.incidents.ratePerHour > 0) {
    warn(`${at}.owners`, `${s.name} has no owner, so in a walled structure nobody responds to its incidents`);
  }
  stagesNobodyMayTake(m, lookups, s, at, warn);
}

/** The engine's rule (compile.ts) for who may take a stage, checked for each stage of `s`: a warning for each nobody may take. */
function stagesNobodyMayTake(m: ModelParts, lookups: ModelLookups, s: Service, at: string, warn: (path: string, message: string) => void): void {
  const members = lookups.membersOf.get(s.team) ?? [];
  // Walled, the named specialist or the member most skilled in it (above 0);
  // cross-functional, members at level minSkillLevel or above (and above 0), however many there are below it.
  const min = m.structure.mode === 'walled' ? 0 : m.structure.minSkillLevel;
  const qualified = (level: number) => level > 0 && level >= min;
  s.work.stages.forEach((stage, k) => {
    const assigned = m.structure.mode === 'walled' && lookups.assigned.has(`${s.id}\n${stage.skill}`);
    if (!assigned && !members.some((p) => qualified(levelOf(p.skills, stage.skill) ?? 0))) {
      const below = m.structure.mode === 'walled' ? '' : ` at level ${Math.round(min * 100)} or more (the structure's least skill level)`;
      warn(`${at}.work.stages[${k}]`, `nobody${s.team ? ' in the team' : ''} is qualified for the ${stage.skill} stage of ${s.name}${below}, so its work never finishes`);
    }
  });
}

/**
 * The stages nobody may take in a whole model (a variant's, a preset's):
 * work that never finishes, which the scenario's own warnings only report
 * for the base structure.
 */
export function stagesNobodyMayTakeIn(m: ModelParts): Problem[] {
  const out: Problem[] = [];
  const lookups = modelLookups(m);
  m.services.forEach((s, i) => stagesNobodyMayTake(m, lookups, s, `services[${i}]`, (path, message) => out.push({ path, message })));
  return out;
}

function unique(list: readonly { id: string; name: string }[], path: string, errors: Problem[], reserved: readonly string[] = []): void {
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  list.forEach((x, i) => {
    if (reserved.includes(x.id)) errors.push({ path: `${path}[${i}].id`, message: `"${x.id}" is reserved; choose another id` });
    const firstId = ids.get(x.id);
    if (firstId !== undefined) errors.push({ path: `${path}[${i}].id`, message: `id "${x.id}" is already used by ${path}[${firstId}]` });
    else ids.set(x.id, i);
    const key = x.name.trim().toLowerCase();
    const firstName = names.get(key);
    if (firstName !== undefined) errors.push({ path: `${path}[${i}].name`, message: `name "${x.name}" is already used by ${path}[${firstName}]` });
    else names.set(key, i);
  });
}

/** 9.5 -> "09:30". */
export function clock(hour: number): string {
  const minutes = Math.round(hour * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
