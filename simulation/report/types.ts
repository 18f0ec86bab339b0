import type { AbsenceImpact } from '../analysis/absenceStress';
import type { TrainingGain } from '../analysis/crossTraining';
import type { SweepLine, SweepParameter } from '../analysis/sensitivity';
import type { RunResult } from '../run/runScenario';
import type { VariantSpec } from '../run/variantSpec';
import type { ScalarMetric } from '../run/variantSummary';
import type { Scenario } from '../scenario/schema';

/**
 * A replayed incident log: each recorded incident's actual time to restore
 * beside what the simulation gives for it under each variant. Produced by
 * the incident-replay feature; a report renders it when given.
 */
export interface ReplayComparison {
  logName: string;
  replications: number;
  seed: number;
  /** The first is the baseline. */
  variants: { id: string; name: string }[];
  incidents: {
    id: string;
    title: string;
    serviceId: string;
    serviceName: string;
    /** Working hours from the scenario start. */
    start: number;
    /** Recorded time to restore. */
    actualHours: number;
    simulated: { variantId: string; mean: number; p10: number; p50: number; p90: number }[];
  }[];
  totals: { variantId: string; actualHours: number; simulatedMean: number; low: number; high: number }[];
}

/** The analyses run on the same scenario, each with what it was asked. */
export interface ReportAnalyses {
  absence?: { weeks: number; replications: number; seed: number; impacts: AbsenceImpact[] };
  training?: { structure: string; replications: number; seed: number; gains: TrainingGain[] };
  sweep?: { parameter: SweepParameter; metric: ScalarMetric; replications: number; seed: number; lines: SweepLine[] };
}

/** Everything a report shows; the same input gives the same report. */
export interface ReportInput {
  title: string;
  /** The question the run answers (the scenario's description by default). */
  question: string;
  /** ISO 8601 time the report was made (shown, in UTC). */
  createdAt: string;
  appVersion: string;
  /** The scenario as it was run; embedded in the report. */
  scenario: Scenario;
  /** SHA-256 (hex) of the scenario's canonical text (serializeScenario). */
  scenarioHash: string;
  /** What was compared, first the baseline, for the command that reproduces the run. */
  variants: VariantSpec[];
  result: RunResult;
  analyses?: ReportAnalyses;
  replay?: ReplayComparison;
}
