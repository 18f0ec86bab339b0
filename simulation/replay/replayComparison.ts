import { REPLAYED_FIELDS } from '../model/incidents';
import { resolveVariantSpec, type VariantSpec } from '../run/variantSpec';
import type { IncidentLog, Scenario } from '../scenario/schema';
import { meanCI, pairedDiffCI } from '../stats/confidenceInterval';
import { sortedQuantile } from '../stats/sampleQuantile';
import { recordedHours } from './replayClock';
import { replayPlan, runReplayChunk, type AbsenceMode, type DetectionMode, type ReplayPlan } from './replayRun';
import { whoCanRestore } from './restorers';

/** Why a structure did not restore some incidents of a service. */
export type UnrestoredReason = 'not in the model' | 'nobody can restore' | 'not restored by the end';

/** A log replayed under one or more structures, against what really happened. Serialisable. */
export interface ReplayComparison {
  logName: string;
  /** The log's time zone (incident times are UTC instants); absent in replays kept before it was recorded: UTC. */
  timeZone?: string;
  replications: number;
  seed: number;
  detection?: DetectionMode;
  /** The structures replayed; the first is the baseline (as drawn). */
  variants: { id: string; name: string }[];
  incidents: {
    id: string;
    title: string;
    serviceId: string;
    serviceName: string;
    /** When it started, UTC (ISO 8601). */
    start: string;
    urgency?: string;
    /** Time to restore as recorded, hours. */
    actualHours: number;
    /** Over the replications that restored it; all NaN and `notRestored` = replications when none did. */
    simulated: { variantId: string; mean: number; p10: number; p50: number; p90: number; notRestored?: number }[];
  }[];
  /**
   * Total outage over the incidents each structure restored in every
   * replication: recorded vs simulated (mean and 95% CI across
   * replications). Incidents a structure could not restore are counted in
   * `unrestored`, never added as outage.
   */
  totals: {
    variantId: string;
    actualHours: number;
    simulatedMean: number;
    low: number;
    high: number;
    /** Incidents in this total. */
    restored?: number;
    unrestored?: { serviceId: string; serviceName: string; incidents: number; reason: UnrestoredReason }[];
    /**
     * Simulated total minus the baseline's over the incidents both
     * restored, paired replication by replication (same luck), with its 95%
     * interval; null for the baseline. This, not the gap to the recorded
     * total, is the effect of the structure: the model's own error cancels out.
     */
    vsBaseline?: { mean: number; low: number; high: number } | null;
  }[];
  /** Which absences were simulated (see AbsenceMode). */
  absences?: AbsenceMode;
  /** Incidents that started outside working hours, and whether the baseline has someone on call then. */
  outOfHours?: { incidents: number; baselineOnCall: boolean; pageHours: number };
  provenance?: IncidentLog['provenance'];
  /** Which incidents of the log were replayed, in words ("the whole log", "Checkout API, 1 Sep 2025 to 7 Sep 2025"); absent: not recorded. */
  scope?: string;
  /** The source file the log was imported from: name, SHA-256 and the column mapping (null where the log predates recording them). */
  source?: { fileName: string; sha256: string | null; mapping: Record<string, string | string[] | null> | null };
  /** When the model was calibrated to this log and on how many incidents; null: not calibrated. */
  calibration?: { at: string; incidents: number } | null;
}

export interface ReplayOptions {
  variants: VariantSpec[];
  replications: number;
  seed: number;
  detection: DetectionMode;
  /** Default 'planned'. */
  absences?: AbsenceMode;
  /** Paging delay out of hours, hours (default DEFAULT_PAGE_HOURS). */
  pageHours?: number;
}

/**
 * The comparison from every variant's raw outcomes (as {@link runReplayChunk}
 * returns them, all replications in order). An incident a structure did not
 * restore by the replay's end in some replication is left out of that
 * structure's totals and counted, by service, with the reason.
 */
export function summariseReplay(
  scenario: Scenario,
  log: IncidentLog,
  plan: ReplayPlan,
  specs: readonly VariantSpec[],
  outcomes: readonly Float64Array[],
  replications: number,
  seed: number,
  detection?: DetectionMode,
): ReplayComparison {
  const n = log.incidents.length;
  const resolved = specs.map((spec) => resolveVariantSpec(scenario, spec));
  const variants = resolved.map((r) => ({ id: r.id, name: r.name }));
  const serviceNames = new Map(scenario.services.map((s) => [s.id, s.name]));
  const ttr = (v: number, rep: number, k: number) => outcomes[v]![(rep * n + k) * REPLAYED_FIELDS]!;
  const actual = log.incidents.map(recordedHours);
  const restoredAlways = variants.map((_, v) => {
    const ok = new Uint8Array(n).fill(1);
    for (let r = 0; r < replications; r++) for (let k = 0; k < n; k++) if (Number.isNaN(ttr(v, r, k))) ok[k] = 0;
    return ok;
  });
  const totalOver = (v: number, r: number, set: Uint8Array) => {
    let sum = 0;
    for (let k = 0; k < n; k++) if (set[k]) sum += ttr(v, r, k);
    return sum;
  };
  const finiteOr = (x: number, fallback: number) => (Number.isFinite(x) ? x : fallback);
  const baselineOnCall = resolved[0] ? resolved[0].model.structure.onCall.enabled && resolved[0].model.structure.onCall.rotation.length > 0 : false;
  return {
    logName: log.name,
    timeZone: log.timeZone,
    replications,
    seed,
    detection,
    variants,
    incidents: log.incidents.map((inc, k) => ({
      id: inc.id,
      title: inc.title,
      serviceId: inc.service,
      serviceName: serviceNames.get(inc.service) ?? inc.service,
      start: inc.start,
      urgency: inc.urgency,
      actualHours: actual[k]!,
      simulated: variants.map((variant, v) => {
        const values: number[] = [];
        for (let r = 0; r < replications; r++) {
          const x = ttr(v, r, k);
          if (!Number.isNaN(x)) values.push(x);
        }
        const sorted = Float64Array.from(values).sort();
        const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
        const q = (p: number) => (values.length ? sortedQuantile(sorted, p) : NaN);
        return { variantId: variant.id, mean, p10: q(0.1), p50: q(0.5), p90: q(0.9), notRestored: replications - values.length };
      }),
    })),
    totals: variants.map((variant, v) => {
      const set = restoredAlways[v]!;
      const per = Array.from({ length: replications }, (_, r) => totalOver(v, r, set));
      const ci = meanCI(per);
      let diff: { mean: number; low: number; high: number } | null = null;
      if (v > 0) {
        const both = set.map((x, k) => x & restoredAlways[0]![k]!);
        const d = pairedDiffCI(
          Array.from({ length: replications }, (_, r) => totalOver(v, r, both)),
          Array.from({ length: replications }, (_, r) => totalOver(0, r, both)),
        );
        diff = { mean: d.mean, low: finiteOr(d.low, d.mean), high: finiteOr(d.high, d.mean) };
      }
      let actualHours = 0;
      let restored = 0;
      const missing = new Map<string, number>();
      for (let k = 0; k < n; k++) {
        if (set[k]) {
          actualHours += actual[k]!;
          restored++;
        } else missing.set(log.incidents[k]!.service, (missing.get(log.incidents[k]!.service) ?? 0) + 1);
      }
      const unrestored = [...missing].map(([serviceId, incidents]) => {
        const who = whoCanRestore(resolved[v]!.model, serviceId);
        const reason: UnrestoredReason = who === null ? 'not in the model' : who.length === 0 ? 'nobody can restore' : 'not restored by the end';
        return { serviceId, serviceName: serviceNames.get(serviceId) ?? serviceId, incidents, reason };
      });
      return { variantId: variant.id, actualHours, simulatedMean: ci.mean, low: finiteOr(ci.low, ci.mean), high: finiteOr(ci.high, ci.mean), restored, unrestored, vsBaseline: diff };
    }),
    absences: plan.absences,
    outOfHours: { incidents: plan.incidents.filter((i) => i.outOfHours).length, baselineOnCall, pageHours: plan.pageHours },
    provenance: log.provenance,
    source: { fileName: log.origin?.fileName ?? log.source, sha256: log.origin?.sha256 ?? null, mapping: log.origin?.mapping ?? null },
    calibration: log.calibration ?? null,
  };
}

/** The scenario without its incident logs (a worker needs the model, not every log). */
export function withoutLogs(scenario: Scenario): Scenario {
  return { ...scenario, incidentLogs: [] };
}

/**
 * Replays `log` under each variant in this thread, on the same seeds for
 * every variant. The worker pool gives exactly the same comparison (see
 * replayCoordinator.ts).
 */
export function runReplay(scenario: Scenario, log: IncidentLog, options: ReplayOptions): ReplayComparison {
  const plan = replayPlan(scenario, log, options.detection, options.absences, options.pageHours);
  const model = withoutLogs(scenario);
  const outcomes = options.variants.map((variant) => runReplayChunk({ scenario: model, variant, plan, seed: options.seed, from: 0, to: options.replications }));
  return summariseReplay(scenario, log, plan, options.variants, outcomes, options.replications, options.seed, options.detection);
}
