import type { AbsenceImpact } from '../analysis/absenceStress';
import type { TrainingGain } from '../analysis/crossTraining';
import type { SweepLine, SweepParameter } from '../analysis/sensitivity';
import type { RunResult } from '../run/runScenario';
import type { VariantSpec } from '../run/variantSpec';
import type { ScalarMetric } from '../run/variantSummary';
import type { Scenario } from '../scenario/schema';
import type { TransitionSummary } from '../transition/summary';

/** An analysis that was raced (simulation/analysis/racing.ts): of `candidates`, `dropped` stopped early with fewer replications than the rest. */
export interface RacedCount {
  candidates: number;
  dropped: number;
}

/** A replayed incident log (see simulation/replay/): a report renders it when given. */
export type { ReplayComparison } from '../replay/replayComparison';
import type { ReplayComparison } from '../replay/replayComparison';

/** The analyses run on the same scenario, each with what it was asked. */
export interface ReportAnalyses {
  /** `rankBy`: the metric people are ranked by (time to restore when absent); `structure`: what the absences were added to (the structure as drawn when absent). */
  absence?: { weeks: number; replications: number; seed: number; impacts: AbsenceImpact[]; rankBy?: 'ttr' | 'lead'; structure?: string; raced?: RacedCount };
  training?: { structure: string; replications: number; seed: number; gains: TrainingGain[]; raced?: RacedCount };
  /** `today`: where the dial stands in the scenario (none: not marked). */
  /** A variant's transition (see simulation/transition), as the app ran it. */
  transition?: TransitionSummary;
  sweep?: { parameter: SweepParameter; metric: ScalarMetric; replications: number; seed: number; lines: SweepLine[]; today?: number | null };
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
  /** Variants simulated as a reorganisation taking effect at a date (see simulation/transition). */
  transitions?: TransitionSummary[];
}
