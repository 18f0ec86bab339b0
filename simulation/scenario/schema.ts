/**
 * The scenario file format, declared once. The TypeScript types of the whole
 * product (engine input, editor document, CLI) are inferred from these
 * schemas, so a file that passes them is exactly what the engine runs.
 *
 * Shape and ranges are checked here; cross-references (an owner is a known
 * person, a stage names a known skill), uniqueness and warnings are checked
 * by the semantic validator beside this file.
 *
 * Units: time is in working hours from the start of the scenario (the
 * calendar maps them to dates), except recorded incidents (UTC instants); rates are per working hour; skill levels and
 * knowledge are 0..1.
 */
import { z } from 'zod';
import { distributionSchema } from './distributionSchema';

export const CURRENT_FORMAT_VERSION = 3;

export const teamTypes = ['stream-aligned', 'platform', 'enabling', 'complicated-subsystem'] as const;
export const interactionModes = ['collaboration', 'x-as-a-service', 'facilitating'] as const;
export const criticalities = ['low', 'medium', 'high'] as const;
export const absenceReasons = ['vacation', 'sick', 'leave', 'other'] as const;

const num = (what: string) =>
  z
    .number({ error: (i) => (typeof i.input === 'number' ? `${what} is too large: more than any number can hold (write a smaller value)` : `${what} must be a number`) })
    .refine(Number.isFinite, { error: `${what} must be a finite number` });
const atLeast = (what: string, min: number, unit = '') =>
  num(what).refine((v) => v >= min, { error: (i) => `${what} ${String(i.input)}${unit} is below ${min}` });
const above = (what: string, min: number) => num(what).refine((v) => v > min, { error: (i) => `${what} ${String(i.input)} must be above ${min}` });
const fraction = (what: string) =>
  num(what).refine((v) => v >= 0 && v <= 1, { error: (i) => `${what} ${String(i.input)} is ${Number(i.input) > 1 ? 'above 1' : 'below 0'}` });
/** Upper bounds that keep a run meaningful and finite; past them a figure is a typing slip, not a scenario. */
export const MAX_HORIZON_HOURS = 1_000_000;
export const MAX_RATE_PER_HOUR = 1000;
export const MAX_PER_YEAR = 365;
/**
 * Most incidents in one log: about 250 bytes each in a file, so a log this
 * long saves within the 50 MB a scenario file may be (electron/api/contract.ts
 * MAX_TEXT_BYTES) with room for the model. An import is refused above it when
 * the file is read, and also when the scenario with the log would pass 50 MB.
 */
export const MAX_INCIDENTS_PER_LOG = 100_000;
const atMost = <T extends z.ZodType<number>>(schema: T, what: string, max: number, unit = '') =>
  schema.refine((v) => !(v > max), { error: (i) => `${what} ${String(i.input)}${unit} is above ${max.toLocaleString('en')}${unit}, more than any scenario needs` });
const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .refine((v) => Number.isInteger(v) && v >= min && v <= max, { error: (i) => `${what} ${String(i.input)} must be a whole number from ${min} to ${max}` });

/** Ids are short, stable and safe in file names and CSV headers. */
export const idSchema = z
  .string({ error: 'id must be text' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'id must be 1-64 letters, digits, _ . : - (starting with a letter or digit)');
const nameSchema = z.string({ error: 'name must be text' }).trim().min(1, 'name is empty').max(200, 'name is longer than 200 characters');
const levelMap = (what: string) => z.record(idSchema, fraction(what), { error: `${what} must be an object of id: level` });

export const skillSchema = z.object({ id: idSchema, name: nameSchema });

export const teamSchema = z.object({
  id: idSchema,
  name: nameSchema,
  type: z.enum(teamTypes, { error: `type must be one of ${teamTypes.join(', ')}` }),
  interactions: z.array(z.object({ team: idSchema, mode: z.enum(interactionModes, { error: `mode must be one of ${interactionModes.join(', ')}` }) })).default([]),
  /** Its Team API, in words (not simulated): what it offers other teams, and how to reach it. Absent when not written. */
  offers: z.string().max(2000, 'offers is longer than 2000 characters').optional(),
  contact: z.string().max(500, 'contact is longer than 500 characters').optional(),
});

export const plannedAbsenceSchema = z
  .object({ start: atLeast('start', 0, 'h'), end: atLeast('end', 0, 'h'), reason: z.enum(absenceReasons).default('leave') })
  .refine((a) => a.end > a.start, { error: 'end must be after start', path: ['end'] });

export const personSchema = z.object({
  id: idSchema,
  name: nameSchema,
  team: idSchema.nullable().default(null),
  /** skill id -> level 0..1 (1 = expert, 0 = cannot do it). */
  skills: levelMap('level').default({}),
  absences: z.array(plannedAbsenceSchema).default([]),
  /** Working hour at which the person leaves, if planned. */
  departureAt: atLeast('departureAt', 0, 'h').nullable().default(null),
  /** Share of a full working week the person works (0.6: three days of five); the rest of each week they are away. */
  availability: num('availability')
    .refine((v) => v > 0 && v <= 1, { error: (i) => `availability ${String(i.input)} must be above 0 and at most 1` })
    .default(1),
});

export const stageSchema = z.object({
  skill: idSchema,
  /** Touch time for someone at level 1 who knows the service. */
  hours: distributionSchema,
});

export const arrivalsSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('poisson'), ratePerHour: atMost(atLeast('ratePerHour', 0), 'ratePerHour', MAX_RATE_PER_HOUR) }),
    z.object({ kind: z.literal('list'), times: z.array(atLeast('time', 0, 'h')).max(1_000_000) }),
  ],
  { error: 'arrivals.kind must be poisson or list' },
);

export const serviceSchema = z.object({
  id: idSchema,
  name: nameSchema,
  team: idSchema.nullable().default(null),
  criticality: z.enum(criticalities).default('medium'),
  /** Who is responsible for the service (in a walled structure, the only responders). */
  owners: z.array(idSchema).default([]),
  /** person id -> how well they know this service, 0..1. */
  knowledge: levelMap('knowledge').default({}),
  /** Time from failure to someone noticing: seconds with good monitoring, weeks with none (P4). */
  detection: distributionSchema,
  incidents: z.object({
    ratePerHour: atMost(atLeast('ratePerHour', 0), 'ratePerHour', MAX_RATE_PER_HOUR),
    /** Repair time for a responder who knows the service fully. */
    repairHours: distributionSchema,
  }),
  work: z.object({
    arrivals: arrivalsSchema,
    stages: z.array(stageSchema).max(20, 'a service has at most 20 stages').default([]),
    /** A review by someone else who knows the service, after the last stage. */
    review: z.object({ hours: distributionSchema }).nullable().default(null),
  }),
});

export const absencePolicySchema = z.object({
  vacation: z.object({ perYear: atMost(atLeast('perYear', 0), 'perYear', MAX_PER_YEAR), hours: distributionSchema }),
  sickness: z.object({ perYear: atMost(atLeast('perYear', 0), 'perYear', MAX_PER_YEAR), hours: distributionSchema }),
  departures: z.object({
    perYear: atMost(atLeast('perYear', 0), 'perYear', MAX_PER_YEAR),
    /** Time from a departure to the replacement's first day. */
    hireDelayHours: distributionSchema,
    /** Time for a new hire to reach the skill levels of the person replaced. */
    rampUpHours: atLeast('rampUpHours', 0, 'h'),
    /** New hire's starting share of those levels. */
    startFraction: fraction('startFraction'),
  }),
});

export const structureModes = ['walled', 'cross-functional'] as const;
export const dispatchModes = ['pull', 'push'] as const;

export const structureSchema = z.object({
  /** Walled: a named specialist per stage, owners respond. Cross-functional: anyone qualified in the team, collective ownership. */
  mode: z.enum(structureModes, { error: `mode must be walled or cross-functional` }),
  /** Walled: who does which stage of which service. Unnamed stages go to the team's best-skilled person. */
  assignments: z.array(z.object({ service: idSchema, skill: idSchema, person: idSchema })).default([]),
  /** Pull: one shared backlog, whoever is free and qualified takes the oldest task. Push: assigned on arrival to the shortest queue. */
  dispatch: z.enum(dispatchModes).default('pull'),
  /** Least skill level to take a stage (cross-functional). */
  minSkillLevel: fraction('minSkillLevel').default(0.3),
  /** Least knowledge of a service to respond to its incidents (cross-functional). */
  minKnowledge: fraction('minKnowledge').default(0.2),
  pairing: z.object({ enabled: z.boolean(), share: fraction('share') }).default({ enabled: false, share: 1 }),
  onCall: z
    .object({ enabled: z.boolean(), rotation: z.array(idSchema), shiftHours: above('shiftHours', 0) })
    .default({ enabled: false, rotation: [], shiftHours: 40 }),
  wip: z
    .object({ perPerson: whole('perPerson', 1, 1000).nullable(), perTeam: whole('perTeam', 1, 100_000).nullable() })
    .default({ perPerson: null, perTeam: null }),
  /** Stages (by skill) a platform makes self-service: done by the previous stage's person, at a fraction of the effort. */
  selfService: z.object({ skills: z.array(idSchema), effortFactor: fraction('effortFactor') }).default({ skills: [], effortFactor: 0.25 }),
});

/** The dials of the model itself; the defaults are documented in the model's notes. */
export const parametersSchema = z.object({
  /** Speed at skill level 0, as a share of the speed at level 1 (speed grows linearly between). */
  efficiencyAtZero: fraction('efficiencyAtZero').default(0.25),
  handoff: z
    .object({
      /** Time a transfer costs the receiver even between people who understand each other. */
      baseHours: atLeast('baseHours', 0, 'h'),
      /** Extra time at the largest knowledge gap (grows linearly with the gap). */
      gapHours: atLeast('gapHours', 0, 'h'),
      /** Chance the receiver sends the work back, with no gap and at the largest gap. */
      reworkBase: fraction('reworkBase'),
      reworkAtFullGap: fraction('reworkAtFullGap'),
      /** Share of the earlier stage's effort that rework costs. */
      reworkEffort: fraction('reworkEffort'),
    })
    .default({ baseHours: 0.5, gapHours: 6, reworkBase: 0.05, reworkAtFullGap: 0.35, reworkEffort: 0.5 }),
  learning: z
    .object({
      /** Knowledge of a service gained per hour worked on it (approaching 1). */
      knowledgePerHour: atLeast('knowledgePerHour', 0),
      /** Skill gained per hour paired with someone better (approaching their level). */
      skillPerPairedHour: atLeast('skillPerPairedHour', 0),
      /** Knowledge of a service gained per hour pairing on it as the second of a pair; absent: knowledgePerHour. */
      knowledgePerPairedHour: atLeast('knowledgePerPairedHour', 0).optional(),
    })
    .default({ knowledgePerHour: 0.005, skillPerPairedHour: 0.01 }),
  /** Duration of a paired stage relative to the better partner working alone. */
  pairingDurationFactor: atLeast('pairingDurationFactor', 0.1).default(1.15),
});

export const runSettingsSchema = z.object({
  horizonHours: atMost(above('horizonHours', 0), 'horizonHours', MAX_HORIZON_HOURS, ' h'),
  warmupHours: atMost(atLeast('warmupHours', 0, 'h'), 'warmupHours', MAX_HORIZON_HOURS, ' h').default(0),
  replications: whole('replications', 1, 100_000),
  seed: whole('seed', 0, 4_294_967_295),
});

export const calendarSchema = z.object({
  /** ISO date of working hour 0. */
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'startDate must be a date like 2026-01-05'),
  hoursPerDay: above('hoursPerDay', 0).refine((v) => v <= 24, 'hoursPerDay is above 24'),
  daysPerWeek: whole('daysPerWeek', 1, 7),
  weeksPerYear: above('weeksPerYear', 0).refine((v) => v <= 53, 'weeksPerYear is above 53'),
  /**
   * Local hour (in the team's time zone) at which a working day starts, for
   * mapping real dates to working hours when incident logs are imported and
   * for labelling their timeline; absent means 9 (09:00). The simulation
   * itself only counts working hours.
   */
  dayStartHour: atLeast('dayStartHour', 0, 'h').refine((v) => v < 24, 'dayStartHour must be before 24 (midnight)').optional(),
});

/** What a variant replaces; anything it leaves out comes from the base scenario. */
export const variantOverridesSchema = z.object({
  skills: z.array(skillSchema).optional(),
  teams: z.array(teamSchema).optional(),
  people: z.array(personSchema).optional(),
  services: z.array(serviceSchema).optional(),
  structure: structureSchema.optional(),
  parameters: parametersSchema.optional(),
  absencePolicy: absencePolicySchema.optional(),
});

/**
 * The plan applied at a date instead of from the start: the run begins in the
 * base structure and switches to the variant's on `effectiveDate` (see
 * simulation/transition). Absent: the variant is compared as a steady state.
 */
export const transitionSchema = z.object({
  /** The civil date (YYYY-MM-DD) the reorganisation takes effect, at the start of that working day. */
  effectiveDate: z
    .string({ error: 'effectiveDate must be text' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'effectiveDate must be a date like 2026-03-02')
    .refine((v) => Number.isFinite(Date.parse(`${v}T00:00:00Z`)) && new Date(Date.parse(`${v}T00:00:00Z`)).toISOString().startsWith(v), {
      error: (i) => `effectiveDate ${String(i.input)} is not a real date`,
    }),
});

export const variantSchema = z.object({
  id: idSchema,
  name: nameSchema,
  description: z.string().max(10_000).default(''),
  overrides: variantOverridesSchema,
  transition: transitionSchema.optional(),
});

/** A moment in UTC, written ISO 8601 with a Z: "2026-03-02T07:01:00Z" (seconds and milliseconds optional). */
export const instantSchema = z
  .string({ error: 'time must be text' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, 'time must be a UTC time like 2026-03-02T07:01:00Z')
  .refine((v) => Number.isFinite(Date.parse(v)), { error: (i) => `${String(i.input)} is not a real time` });

/**
 * An incident as the log recorded it, at its real times (UTC instants; the
 * log's time zone says how its team read them). Since format 3: format 2
 * kept working hours from the scenario's start, which lost nights and
 * weekends and re-dated the log when the calendar changed.
 */
export const recordedIncidentSchema = z.object({
  id: z.string().max(200),
  service: idSchema,
  start: instantSchema,
  acknowledged: instantSchema.nullable().default(null),
  resolved: instantSchema,
  /** Everyone the log names on it (assigned, escalated to, resolved it). */
  responders: z.array(idSchema).default([]),
  /** Who resolved it, where the log says so (PagerDuty's resolved_by_user_name). */
  resolvedBy: idSchema.nullable().default(null),
  /** As the source writes it (PagerDuty: high, low); empty when it has none. */
  urgency: z.string().max(40).default(''),
  escalations: z.number().int().min(0).default(0),
  reassignments: z.number().int().min(0).default(0),
  title: z.string().max(2000).default(''),
});

export const incidentLogSchema = z.object({
  id: idSchema,
  name: nameSchema,
  source: z.string().max(200).default(''),
  /** IANA zone the team works in (and the source's times without an offset were read in). */
  timeZone: z.string().max(100).default('UTC'),
  /** What the import left out or changed, stated wherever the log's results are shown. */
  provenance: z
    .object({
      rowsRead: z.number().int().min(0),
      skipped: z.number().int().min(0),
      fixed: z.number().int().min(0),
      acknowledgementsDropped: z.number().int().min(0).default(0),
      /** Responders the log names who are not in the model, with how many incidents name them. */
      unmappedPeople: z.array(z.object({ name: z.string().max(200), rows: z.number().int().min(0) })).max(1000).default([]),
    })
    .nullable()
    .default(null),
  /**
   * The source file as imported: its name, SHA-256 of its text, and which of
   * its columns played which role (ColumnMapping, with its date format and
   * time zone), so a replay can be reproduced from the same file. Absent in
   * logs imported before it was recorded.
   */
  origin: z
    .object({
      fileName: z.string().max(200),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      mapping: z.record(z.string().max(40), z.union([z.string().max(200), z.array(z.string().max(200)).max(20), z.null()])),
    })
    .optional(),
  /** When the model was last calibrated to this log ("Calibrate to this log"), and on how many of its incidents; absent: never. */
  calibration: z.object({ at: z.string().max(40), incidents: z.number().int().min(0) }).optional(),
  /** Last, so the file's text of a large log is written once and reused (see serialize.ts). */
  incidents: z
    .array(recordedIncidentSchema)
    .max(MAX_INCIDENTS_PER_LOG, { error: (i) => `a log may hold at most ${MAX_INCIDENTS_PER_LOG.toLocaleString('en')} incidents; this one has ${Array.isArray(i.input) ? i.input.length.toLocaleString('en') : 'more'} (import a shorter period)` })
    .superRefine((incidents, ctx) => {
      const problem = logSpanProblem(incidents);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

/**
 * Most years from a log's first incident to its last. A replay and the
 * incidents view walk the log's working days one by one: a log from the year
 * 1 to 9999 (each date valid on its own) would freeze the page.
 */
export const MAX_LOG_SPAN_YEARS = 20;

/** Why the incidents span more than MAX_LOG_SPAN_YEARS, naming the first and last start; null when they do not. */
export function logSpanProblem(incidents: readonly { start: string }[]): string | null {
  let first = Infinity;
  let last = -Infinity;
  for (const inc of incidents) {
    const t = Date.parse(inc.start);
    if (!Number.isFinite(t)) continue;
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  const years = (last - first) / (365.25 * 24 * 3600 * 1000);
  if (!(years > MAX_LOG_SPAN_YEARS)) return null;
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return `the incidents run from ${day(first)} to ${day(last)}, ${Math.floor(years).toLocaleString('en')} years; a log may span at most ${MAX_LOG_SPAN_YEARS} years (check the dates, or import a shorter period)`;
}

/** Where the editor drew each node (`person:<id>`, `service:<id>`); shared by all variants. */
export const layoutSchema = z.object({
  positions: z.record(z.string().max(200), z.object({ x: num('x'), y: num('y') })).default({}),
});

export const scenarioSchema = z.object({
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  name: nameSchema,
  /** The question the scenario answers. */
  description: z.string().max(10_000).default(''),
  calendar: calendarSchema,
  skills: z.array(skillSchema).max(1000),
  teams: z.array(teamSchema).max(1000),
  people: z.array(personSchema).max(100_000),
  services: z.array(serviceSchema).max(10_000),
  absencePolicy: absencePolicySchema,
  structure: structureSchema,
  parameters: parametersSchema.default(parametersSchema.parse({})),
  run: runSettingsSchema,
  variants: z.array(variantSchema).default([]),
  incidentLogs: z.array(incidentLogSchema).default([]),
  layout: layoutSchema.default({ positions: {} }),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Skill = z.infer<typeof skillSchema>;
export type Team = z.infer<typeof teamSchema>;
export type Person = z.infer<typeof personSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type Structure = z.infer<typeof structureSchema>;
export type ModelParameters = z.infer<typeof parametersSchema>;
export type AbsencePolicy = z.infer<typeof absencePolicySchema>;
export type RunSettings = z.infer<typeof runSettingsSchema>;
export type Calendar = z.infer<typeof calendarSchema>;
export type Variant = z.infer<typeof variantSchema>;
export type IncidentLog = z.infer<typeof incidentLogSchema>;
export type RecordedIncident = z.infer<typeof recordedIncidentSchema>;
export type Layout = z.infer<typeof layoutSchema>;
export type VariantOverrides = z.infer<typeof variantOverridesSchema>;
export type Transition = z.infer<typeof transitionSchema>;
