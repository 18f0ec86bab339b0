import type { Distribution } from '../../../simulation/random/distribution';
import type { AbsencePolicy, Calendar, IncidentLog, ModelParameters, Person, Scenario, Service, Skill, Structure, Team, Transition, Variant } from '../../../simulation/scenario/schema';
import { rebasePeople } from '../../../simulation/replay/rebaseCalendar';
import { partsFor, type PartKey } from './editableParts';

/**
 * Every change to the document is one of these plain objects, applied by
 * {@link applyCommand}. The UI never edits the document any other way, so
 * every change can be undone, replayed and tested without React.
 *
 * Model edits name the variant they apply to (`variant`: null for the base).
 * Editing a variant copies the part it changes from the base into the
 * variant's overrides the first time, so the base stays as it was.
 */
export type Command =
  | { type: 'scenario.rename'; name: string }
  | { type: 'scenario.describe'; description: string }
  | { type: 'run.update'; patch: Partial<Scenario['run']> }
  | { type: 'calendar.update'; patch: Partial<Calendar> }
  | { type: 'person.add'; variant: string | null; person: Person }
  | { type: 'person.update'; variant: string | null; id: string; patch: Partial<Pick<Person, 'name' | 'team' | 'departureAt' | 'absences' | 'availability'>> }
  | { type: 'person.setSkill'; variant: string | null; id: string; skill: string; level: number | null }
  | { type: 'person.remove'; variant: string | null; ids: string[] }
  | { type: 'knowledge.set'; variant: string | null; personId: string; serviceId: string; level: number | null }
  | { type: 'owner.set'; variant: string | null; personId: string; serviceId: string; owner: boolean }
  | { type: 'team.add'; variant: string | null; team: Team }
  | { type: 'team.update'; variant: string | null; id: string; patch: Partial<Pick<Team, 'name' | 'type' | 'offers' | 'contact'>> }
  | { type: 'team.setInteraction'; variant: string | null; id: string; other: string; mode: Team['interactions'][number]['mode'] | null }
  | { type: 'team.remove'; variant: string | null; ids: string[] }
  | { type: 'service.add'; variant: string | null; service: Service }
  | { type: 'service.update'; variant: string | null; id: string; patch: Partial<Omit<Service, 'id' | 'owners' | 'knowledge'>> }
  | { type: 'service.setStages'; variant: string | null; id: string; stages: { skill: string; hours: Distribution }[] }
  | { type: 'service.remove'; variant: string | null; ids: string[] }
  | { type: 'skill.add'; variant: string | null; skill: Skill }
  | { type: 'skill.rename'; variant: string | null; id: string; name: string }
  | { type: 'skill.remove'; variant: string | null; ids: string[] }
  | { type: 'structure.update'; variant: string | null; patch: Partial<Structure> }
  | { type: 'absencePolicy.update'; variant: string | null; patch: Partial<AbsencePolicy> }
  | { type: 'parameters.update'; variant: string | null; patch: Partial<ModelParameters> }
  | { type: 'layout.move'; moves: { key: string; x: number; y: number }[] }
  | { type: 'variant.add'; variant: Variant }
  | { type: 'variant.update'; id: string; patch: Partial<Pick<Variant, 'name' | 'description'>> }
  | { type: 'variant.remove'; id: string }
  /** The date the variant's plan takes effect, simulated as a reorganisation (null: compared as a steady state only). */
  | { type: 'variant.setTransition'; id: string; transition: Transition | null }
  | { type: 'incidentLog.add'; log: IncidentLog }
  | { type: 'incidentLog.remove'; id: string }
  /** The model was calibrated to this log (set, or cleared with null). */
  | { type: 'incidentLog.calibrated'; id: string; calibration: { at: string; incidents: number } | null }
  | { type: 'batch'; label: string; commands: Command[] };

/** Applies a command to an immer draft of the document. */
export function applyCommand(draft: Scenario, command: Command): void {
  switch (command.type) {
    case 'scenario.rename':
      draft.name = command.name;
      return;
    case 'scenario.describe':
      draft.description = command.description;
      return;
    case 'run.update':
      Object.assign(draft.run, command.patch);
      return;
    case 'calendar.update': {
      // Planned absences and departures keep their dates (they are stored in working hours of the calendar).
      const from = { ...draft.calendar };
      const to = { ...from, ...command.patch };
      const moves = (['startDate', 'hoursPerDay', 'daysPerWeek', 'dayStartHour'] as const).some((k) => from[k] !== to[k]);
      if (moves) Object.assign(draft, rebasePeople(draft, from, to));
      Object.assign(draft.calendar, command.patch);
      return;
    }
    case 'layout.move':
      for (const m of command.moves) draft.layout.positions[m.key] = { x: m.x, y: m.y };
      return;
    case 'variant.add':
      draft.variants.push(command.variant);
      return;
    case 'variant.update': {
      const v = draft.variants.find((x) => x.id === command.id);
      if (v) Object.assign(v, command.patch);
      return;
    }
    case 'variant.setTransition': {
      const v = draft.variants.find((x) => x.id === command.id);
      if (!v) return;
      if (command.transition) v.transition = { ...command.transition };
      else delete v.transition;
      return;
    }
    case 'variant.remove':
      draft.variants = draft.variants.filter((v) => v.id !== command.id);
      return;
    case 'incidentLog.add':
      draft.incidentLogs.push(command.log);
      return;
    case 'incidentLog.remove':
      draft.incidentLogs = draft.incidentLogs.filter((l) => l.id !== command.id);
      return;
    case 'incidentLog.calibrated': {
      const log = draft.incidentLogs.find((l) => l.id === command.id);
      if (!log) return;
      if (command.calibration) log.calibration = { ...command.calibration };
      else delete log.calibration;
      return;
    }
    case 'batch':
      for (const c of command.commands) applyCommand(draft, c);
      return;
    default:
      return applyModelCommand(draft, command);
  }
}

type ModelCommand = Extract<Command, { variant: string | null }>;

const TOUCHES: Record<ModelCommand['type'], PartKey[]> = {
  'person.add': ['people'],
  'person.update': ['people'],
  'person.setSkill': ['people'],
  'person.remove': ['people', 'services', 'structure'],
  'knowledge.set': ['services'],
  'owner.set': ['services'],
  'team.add': ['teams'],
  'team.update': ['teams'],
  'team.setInteraction': ['teams'],
  'team.remove': ['teams', 'people', 'services'],
  'service.add': ['services'],
  'service.update': ['services'],
  'service.setStages': ['services'],
  'service.remove': ['services', 'structure'],
  'skill.add': ['skills'],
  'skill.rename': ['skills'],
  'skill.remove': ['skills', 'people', 'services', 'structure'],
  'structure.update': ['structure'],
  'absencePolicy.update': ['absencePolicy'],
  'parameters.update': ['parameters'],
};

function applyModelCommand(draft: Scenario, c: ModelCommand): void {
  const m = partsFor(draft, c.variant, TOUCHES[c.type]);
  switch (c.type) {
    case 'person.add':
      m.people.push(c.person);
      return;
    case 'person.update': {
      const p = m.people.find((x) => x.id === c.id);
      if (p) Object.assign(p, c.patch);
      return;
    }
    case 'person.setSkill': {
      const p = m.people.find((x) => x.id === c.id);
      if (!p) return;
      if (c.level === null) delete p.skills[c.skill];
      else p.skills[c.skill] = c.level;
      return;
    }
    case 'person.remove': {
      const gone = new Set(c.ids);
      m.people = m.people.filter((p) => !gone.has(p.id));
      for (const s of m.services) {
        s.owners = s.owners.filter((o) => !gone.has(o));
        for (const id of c.ids) delete s.knowledge[id];
      }
      m.structure.assignments = m.structure.assignments.filter((a) => !gone.has(a.person));
      m.structure.onCall.rotation = m.structure.onCall.rotation.filter((p) => !gone.has(p));
      return;
    }
    case 'knowledge.set': {
      const s = m.services.find((x) => x.id === c.serviceId);
      if (!s) return;
      if (c.level === null) delete s.knowledge[c.personId];
      else s.knowledge[c.personId] = c.level;
      return;
    }
    case 'owner.set': {
      const s = m.services.find((x) => x.id === c.serviceId);
      if (!s) return;
      const has = s.owners.includes(c.personId);
      if (c.owner && !has) s.owners.push(c.personId);
      if (!c.owner && has) s.owners = s.owners.filter((o) => o !== c.personId);
      return;
    }
    case 'team.add':
      m.teams.push(c.team);
      return;
    case 'team.update': {
      const t = m.teams.find((x) => x.id === c.id);
      if (t) Object.assign(t, c.patch);
      return;
    }
    case 'team.setInteraction': {
      const t = m.teams.find((x) => x.id === c.id);
      if (!t) return;
      t.interactions = t.interactions.filter((i) => i.team !== c.other);
      if (c.mode) t.interactions.push({ team: c.other, mode: c.mode });
      return;
    }
    case 'team.remove': {
      const gone = new Set(c.ids);
      m.teams = m.teams.filter((t) => !gone.has(t.id));
      for (const t of m.teams) t.interactions = t.interactions.filter((i) => !gone.has(i.team));
      for (const p of m.people) if (p.team !== null && gone.has(p.team)) p.team = null;
      for (const s of m.services) if (s.team !== null && gone.has(s.team)) s.team = null;
      return;
    }
    case 'service.add':
      m.services.push(c.service);
      return;
    case 'service.update': {
      const s = m.services.find((x) => x.id === c.id);
      if (s) Object.assign(s, c.patch);
      return;
    }
    case 'service.setStages': {
      const s = m.services.find((x) => x.id === c.id);
      if (s) s.work.stages = c.stages;
      return;
    }
    case 'service.remove': {
      const gone = new Set(c.ids);
      m.services = m.services.filter((s) => !gone.has(s.id));
      m.structure.assignments = m.structure.assignments.filter((a) => !gone.has(a.service));
      return;
    }
    case 'skill.add':
      m.skills.push(c.skill);
      return;
    case 'skill.rename': {
      const k = m.skills.find((x) => x.id === c.id);
      if (k) k.name = c.name;
      return;
    }
    case 'skill.remove': {
      const gone = new Set(c.ids);
      m.skills = m.skills.filter((k) => !gone.has(k.id));
      for (const p of m.people) for (const id of c.ids) delete p.skills[id];
      for (const s of m.services) s.work.stages = s.work.stages.filter((st) => !gone.has(st.skill));
      m.structure.assignments = m.structure.assignments.filter((a) => !gone.has(a.skill));
      m.structure.selfService.skills = m.structure.selfService.skills.filter((k) => !gone.has(k));
      return;
    }
    case 'structure.update':
      Object.assign(m.structure, c.patch);
      return;
    case 'absencePolicy.update':
      Object.assign(m.absencePolicy, c.patch);
      return;
    case 'parameters.update':
      Object.assign(m.parameters, c.patch);
      return;
  }
}

/** Short words for the Undo/Redo menu items ("Undo rename scenario"). */
export function describeCommand(command: Command): string {
  if (command.type === 'batch') return command.label;
  const [thing, verb] = command.type.split('.') as [string, string];
  const verbs: Record<string, string> = { add: 'add', update: 'edit', remove: 'delete', rename: 'rename', describe: 'edit description of', move: 'move', set: 'set', setSkill: 'set skill of', setInteraction: 'set interaction of', setStages: 'edit stages of', setTransition: 'set the transition date of' };
  const things: Record<string, string> = { incidentLog: 'incident log', absencePolicy: 'absences', parameters: 'handoffs and learning' };
  return `${verbs[verb] ?? verb} ${things[thing] ?? thing}`;
}
