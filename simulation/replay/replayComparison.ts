import { REPLAYED_FIELDS } from '../model/incidents';
import { resolveVariantSpec, type VariantSpec } from '../run/variantSpec';
import type { IncidentLog, Scenario } from '../scenario/schema';
import { meanCI, pairedDiffCI } from '../stats/confidenceInterval';
import { sortedQuantile } from '../stats/sampleQuantile';
import { replayPlan, runReplayChunk, type AbsenceMode, type DetectionMode, type ReplayPlan } from './replayRun';

/** A log replayed under one or more structures, against what really happened. Serialisable. */
export interface ReplayComparison {
  logName: string;
  replications: number;
  seed: number;
  /** The structures replayed; the first is the baseline. */
  variants: { id: string; name: string }[];
  incidents: {
    id: string;
    title: string;
    serviceId: string;
    serviceName: string;
    /** Working hours from the scenario start. */
    start: number;
    /** Time to restore as recorded, hours. */
    actualHours: number;
    simulated: { variantId: string; mean: number; p10: number; p50: number; p90: number }[];
  }[];
  /** Total outage hours over the log: recorded vs simulated (mean and 95% CI across replications) per variant. */
  totals: {
    variantId: string;
    actualHours: number;
    simulatedMean: number;
    low: number;
    high: number;
    /**
     * Simulated total minus the baseline's, paired replication by replication
     * (same luck), with its 95% interval; null for the baseline. This, not the
     * gap to the recorded total, is the effect of the structure: the model's
     * own error cancels out.
     */
    vsBaseline?: { mean: number; low: number; high: number } | null;
  }[];
  /** Which absences were simulated (see AbsenceMode). */
  absences?: AbsenceMode;
}

export interface ReplayOptions {
  variants: VariantSpec[];
  replications: number;
  seed: number;
  detection: DetectionMode;
  /** Default 'planned'. */
  absences?: AbsenceMode;
}

/**
 * The comparison from every variant's raw outcomes (as {@link runReplayChunk}
 * returns them, all replications in order). An incident not restored by the
 * replay's horizon counts as restored at the horizon (a lower bound on its
 * time to restore).
 */
export function summariseReplay(
  scenario: Scenario,
  log: IncidentLog,
  plan: ReplayPlan,
  variants: { id: string; name: string }[],
  outcomes: readonly Float64Array[],
  replications: number,
  seed: number,
): ReplayComparison {
  const n = log.incidents.length;
  const serviceNames = new Map(scenario.services.map((s) => [s.id, s.name]));
  const ttr = (v: number, rep: number, k: number) => {
    const x = outcomes[v]![(rep * n + k) * REPLAYED_FIELDS]!;
    return Number.isNaN(x) ? plan.horizon - plan.incidents[k]!.at : x;
  };
  const actualTotal = log.incidents.reduce((sum, inc) => sum + (inc.resolved - inc.start), 0);
  const values = new Float64Array(replications);
  return {
    logName: log.name,
    replications,
    seed,
    variants,
    incidents: log.incidents.map((inc, k) => ({
      id: inc.id,
      title: inc.title,
      serviceId: inc.service,
      serviceName: serviceNames.get(inc.service) ?? inc.service,
      start: inc.start,
      actualHours: inc.resolved - inc.start,
      simulated: variants.map((variant, v) => {
        let sum = 0;
        for (let r = 0; r < replications; r++) sum += values[r] = ttr(v, r, k);
        const sorted = values.slice().sort();
        return { variantId: variant.id, mean: sum / replications, p10: sortedQuantile(sorted, 0.1), p50: sortedQuantile(sorted, 0.5), p90: sortedQuantile(sorted, 0.9) };
      }),
    })),
    totals: (() => {
      const perReplication = variants.map((_, v) =>
        Array.from({ length: replications }, (_, r) => {
          let sum = 0;
          for (let k = 0; k < n; k++) sum += ttr(v, r, k);
          return sum;
        }),
      );
      const finiteOr = (x: number, fallback: number) => (Number.isFinite(x) ? x : fallback);
      return variants.map((variant, v) => {
        const ci = meanCI(perReplication[v]!);
        const diff = v === 0 ? null : pairedDiffCI(perReplication[v]!, perReplication[0]!);
        return {
          variantId: variant.id,
          actualHours: actualTotal,
          simulatedMean: ci.mean,
          low: finiteOr(ci.low, ci.mean),
          high: finiteOr(ci.high, ci.mean),
          vsBaseline: diff && { mean: diff.mean, low: finiteOr(diff.low, diff.mean), high: finiteOr(diff.high, diff.mean) },
        };
      });
    })(),
    absences: plan.absences,
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
  const plan = replayPlan(scenario, log, options.detection, options.absences);
  const model = withoutLogs(scenario);
  const outcomes = options.variants.map((variant) => runReplayChunk({ scenario: model, variant, plan, seed: options.seed, from: 0, to: options.replications }));
  const names = options.variants.map((spec) => {
    const r = resolveVariantSpec(scenario, spec);
    return { id: r.id, name: r.name };
  });
  return summariseReplay(scenario, log, plan, names, outcomes, options.replications, options.seed);
}
