/**
 * A finished run kept with its scenario: what was run (metadata) and what it
 * gave (the {@link RunResult}), with the analyses and the incident replay that
 * ran on the same scenario, as one JSON text written beside the scenario
 * file, so opening the scenario later shows its results again and says
 * whether the scenario has changed since.
 *
 * JSON has no NaN or infinities, which results use ("nothing measured", an
 * interval from one value), so numbers that are not finite are written as
 * `{"$number": "NaN"}` (or "Infinity", "-Infinity") and read back. The text is
 * checked against the full shape of a result when read, so a damaged or
 * foreign file gets a message naming the field, never a half-drawn screen.
 */
import { z } from 'zod';
import { SCALAR_METRIC_NAMES } from './scalarMetrics';
import type { RunResult } from './runScenario';
import type { VariantSummary } from './variantSummary';
import type { VariantSpec } from './variantSpec';
import { SWEEP_PARAMETERS } from '../analysis/sensitivity';
import type { ReplayComparison, ReportAnalyses } from '../report/types';
import { scenarioSchema, type Scenario } from '../scenario/schema';

export const KEPT_RESULTS_FORMAT = 'handoff-results';
export const KEPT_RESULTS_VERSION = 1;

/** What was run, and by which app, for reproducing it. */
export interface RunMeta {
  scenarioName: string;
  /** The scenario as it was run (reports embed it and charts read its calendar, whatever was edited since). */
  scenario: Scenario;
  /** SHA-256 of the scenario file's text at the start of the run. */
  scenarioHash: string;
  appVersion: string;
  startedAt: string;
  finishedAt: string | null;
  variants: VariantSpec[];
  replications: number;
  seed: number;
  workers: number;
}

export interface KeptRun {
  meta: RunMeta;
  result: RunResult;
  /** The analyses that ran on the same scenario (absence stress test, cross-training, sweep), if any. */
  analyses?: ReportAnalyses;
  /** The last incident replay on the same scenario, if any, with the id of the log it replayed. */
  replay?: { logId: string; comparison: ReplayComparison };
}

const NON_FINITE = '$number';

/** The kept run as text (stable key order as built; non-finite numbers spelled out). */
export function serializeKeptRun(run: KeptRun): string {
  const extras = { ...(run.analyses && Object.keys(run.analyses).length > 0 ? { analyses: run.analyses } : {}), ...(run.replay ? { replay: run.replay } : {}) };
  const body = { format: KEPT_RESULTS_FORMAT, version: KEPT_RESULTS_VERSION, meta: run.meta, result: run.result, ...extras };
  return JSON.stringify(body, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? { [NON_FINITE]: String(value) } : value));
}

export type KeptRunParse = { ok: true; run: KeptRun } | { ok: false; errors: string[] };

/** Reads a kept run; `source` names the file in messages. */
export function parseKeptRun(text: string, source: string): KeptRunParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text, (_key, value: unknown) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const keys = Object.keys(value);
        const v = (value as Record<string, unknown>)[NON_FINITE];
        if (keys.length === 1 && (v === 'NaN' || v === 'Infinity' || v === '-Infinity')) return Number(v);
      }
      return value;
    });
  } catch (err) {
    return { ok: false, errors: [`${source}: not valid JSON (${err instanceof Error ? err.message : String(err)})`] };
  }
  const head = z.object({ format: z.literal(KEPT_RESULTS_FORMAT), version: z.number() }).safeParse(raw);
  if (!head.success) return { ok: false, errors: [`${source}: not a Handoff results file`] };
  if (head.data.version > KEPT_RESULTS_VERSION) {
    return { ok: false, errors: [`${source}: written by a newer Handoff (results format ${head.data.version}; this one reads up to ${KEPT_RESULTS_VERSION})`] };
  }
  const parsed = keptRunSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, 10).map((i) => `${source}: ${i.path.map(String).join('.') || '(top)'}: ${i.message}`) };
  }
  const { meta, result, analyses, replay } = parsed.data;
  return {
    ok: true,
    run: { meta: meta as RunMeta, result: { ...result, variants: result.variants.map(withLaterFields) } as RunResult, ...(analyses ? { analyses: analyses as ReportAnalyses } : {}), ...(replay && replay.comparison.incidents.every((i) => typeof i.start === 'string') ? { replay: { logId: replay.logId, comparison: replay.comparison as unknown as ReplayComparison } } : {}) },
  };
}

// Any number, NaN and infinities included (results use them for "nothing measured").
const n = z.custom<number>((v) => typeof v === 'number', 'expected a number');
const nums = z.array(n);
const text = z.string().max(10_000);
const ci = z.object({ mean: n, low: n, high: n, halfWidth: n, n });
const band = z.object({ p10: nums, p50: nums, p90: nums });
const histogram = z.object({
  relativeError: n,
  min: n,
  max: n,
  zeros: n,
  buckets: z.array(z.tuple([n, n])),
  sum: n,
  lowest: n,
  highest: n,
});
/** Figures added after results were first kept: files kept before them read as "not measured" (NaN). */
const LATER_SCALARS: readonly string[] = ['arrivals', 'unfinished', 'leadTimeReach', 'ttrReach', 'wipGrowthPerWeek', 'warmupGap'];
const scalarRecord = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(SCALAR_METRIC_NAMES.map((k) => [k, LATER_SCALARS.includes(k) ? value.optional() : value])) as Record<(typeof SCALAR_METRIC_NAMES)[number], T>);
const NO_CI = { mean: NaN, low: NaN, high: NaN, halfWidth: NaN, n: 0 };
/** Fills what a file kept before the censoring and stability diagnostics lacks. */
function withLaterFields(v: z.infer<typeof variantSummarySchema>): VariantSummary {
  const perReplication = { ...v.perReplication } as Record<string, number[] | undefined>;
  const metrics = { ...v.metrics } as Record<string, unknown>;
  for (const k of LATER_SCALARS) {
    perReplication[k] ??= Array.from({ length: v.replications }, () => NaN);
    metrics[k] ??= NO_CI;
  }
  return {
    ...v,
    windowHours: v.windowHours ?? NaN,
    hoursPerWeek: v.hoursPerWeek ?? NaN,
    perReplication: perReplication as VariantSummary['perReplication'],
    metrics: metrics as VariantSummary['metrics'],
    skillQueues: v.skillQueues.map((q) => ({ ...q, growthPerWeek: q.growthPerWeek ?? NO_CI })),
    people: v.people.map((p) => ({ ...p, queueGrowthPerWeek: p.queueGrowthPerWeek ?? NO_CI })),
    services: v.services.map((s) => ({ ...s, ttrP95Beyond: s.ttrP95Beyond ?? 0 })),
  };
}
const labelled = { id: text, name: text };

const variantSummarySchema = z.object({
  variantId: text,
  name: text,
  replications: n,
  stoppedEarly: n,
  events: n,
  windowHours: n.optional(),
  hoursPerWeek: n.optional(),
  perReplication: scalarRecord(nums),
  metrics: scalarRecord(ci),
  leadTimeHistogram: histogram,
  ttrHistogram: histogram,
  wipBand: band,
  skillQueues: z.array(z.object({ ...labelled, mean: ci, growthPerWeek: ci.optional(), band })),
  people: z.array(z.object({ ...labelled, utilisation: ci, hours: z.record(z.string(), n), absentHours: n, queueMean: ci, queueGrowthPerWeek: ci.optional(), queueBand: band })),
  flow: z.object({ states: z.array(z.object(labelled)), mean: z.array(nums), done: nums }),
  services: z.array(
    z.object({
      ...labelled,
      incidents: n,
      ttrMean: ci,
      ttrP95: ci,
      ttrP95Beyond: n.optional(),
      detectMean: n,
      waitMean: n,
      repairMean: n,
      waitedForAbsent: n,
      unrestored: n,
      leadTimeMean: ci,
      busFactor: ci,
      busFactorStart: ci.optional(),
      knowledgeFromWork: n.optional(),
      knowledgeFromPairing: n.optional(),
    }),
  ),
});

const metricComparison = z.object({ metric: z.enum(SCALAR_METRIC_NAMES), difference: ci.nullable(), relative: ci.nullable(), pairs: n });

const analysesSchema = z.object({
  absence: z
    .object({
      weeks: n,
      replications: n,
      seed: n,
      rankBy: z.enum(['ttr', 'lead']).optional(),
      structure: text.optional(),
      impacts: z.array(
        z.object({ personId: text, person: text, ttrMean: metricComparison.optional(), leadTimeMean: metricComparison.optional(), waitedForAbsent: metricComparison.optional(), stoppedServices: z.array(text), caveat: text.nullable().optional() }),
      ),
    })
    .optional(),
  training: z
    .object({
      structure: text,
      replications: n,
      seed: n,
      gains: z.array(z.object({ option: text, variantId: text.optional(), ttrMean: metricComparison.optional(), ttrP95: metricComparison.optional(), waitedForAbsent: metricComparison.optional(), caveat: text.nullable().optional() })),
    })
    .optional(),
  sweep: z
    .object({
      parameter: z.enum(Object.keys(SWEEP_PARAMETERS) as [keyof typeof SWEEP_PARAMETERS, ...(keyof typeof SWEEP_PARAMETERS)[]]),
      metric: z.enum(SCALAR_METRIC_NAMES),
      replications: n,
      seed: n,
      today: n.nullable().optional(),
      lines: z.array(z.object({ structure: text, name: text.optional(), points: z.array(z.object({ value: n, mean: n, low: n, high: n, unstable: z.boolean().optional(), note: text.optional(), lowerBound: z.boolean().optional() })) })),
    })
    .optional(),
});

const interval = { mean: n, low: n, high: n };
const replaySchema = z.looseObject({
  logName: text,
  replications: n,
  seed: n,
  variants: z.array(z.object(labelled)),
  incidents: z.array(
    z.object({
      id: text,
      title: text,
      serviceId: text,
      serviceName: text,
      // A UTC time since scenario format 3 (a working hour before: such a replay is not shown again, see below).
      start: z.union([text, n]),
      actualHours: n,
      simulated: z.array(z.looseObject({ variantId: text, mean: n, p10: n, p50: n, p90: n })),
    }),
  ),
  totals: z.array(z.looseObject({ variantId: text, actualHours: n, simulatedMean: n, low: n, high: n, vsBaseline: z.object(interval).nullable().optional() })),
  absences: z.enum(['planned', 'random']).optional(),
});

const figurePrecision = z.object({ metric: z.enum(SCALAR_METRIC_NAMES), variantId: text, halfWidthPct: n, targetPct: n });
const stoppingSchema = z.object({
  mode: z.enum(['precision', 'fixed']),
  replications: n,
  reason: z.enum(['precise', 'maximum', 'fixed']),
  target: z.object({ leadTimePct: n, timeToRestorePct: n, minReplications: n, maxReplications: n }).optional(),
  worst: figurePrecision.optional(),
  figures: z.array(figurePrecision).optional(),
  unmeasured: z.array(z.object({ metric: z.enum(SCALAR_METRIC_NAMES), variantId: text })).optional(),
});

const runResultSchema = z.object({
  scenarioName: text,
  seed: n,
  replications: n,
  replicationSeeds: nums,
  variants: z.array(variantSummarySchema).min(1, 'a run has at least one variant'),
  comparisons: z.array(
    z.object({
      variantId: text,
      baselineId: text,
      metrics: z.array(metricComparison),
    }),
  ),
  events: n,
  stopping: stoppingSchema.optional(),
});

const keptRunSchema = z.object({
  format: z.literal(KEPT_RESULTS_FORMAT),
  version: z.number(),
  meta: z.object({
    scenarioName: text,
    scenario: scenarioSchema,
    scenarioHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex'),
    appVersion: text,
    startedAt: text,
    finishedAt: text.nullable(),
    // Variant specs are checked when a run is made; here they are only carried.
    variants: z.array(z.looseObject({ kind: z.enum(['base', 'saved', 'preset', 'inline']) })),
    replications: n,
    seed: n,
    workers: n,
  }),
  result: runResultSchema,
  analyses: analysesSchema.optional(),
  replay: z.object({ logId: text, comparison: replaySchema }).optional(),
});
