import type { LogHistogramSnapshot } from '../stats/logHistogram';
import type { TIME_USE_NAMES } from './runState';

/** Summary of one distribution within a replication. */
export interface DistributionSummary {
  count: number;
  mean: number;
  p50: number;
  p85: number;
  p95: number;
  max: number;
}

export interface QueueSummary {
  /** Time-weighted mean length over the measured window. */
  mean: number;
  max: number;
  /** Time-weighted mean per equal slice of the window, for charts. */
  series: number[];
}

export interface PersonResult {
  id: string;
  name: string;
  /** Hours the person could work in the window (not absent, not vacant). */
  availableHours: number;
  absentHours: number;
  /** Busy hours by use (work, handoff, rework, review, incident, pairing). */
  hours: Record<(typeof TIME_USE_NAMES)[number], number>;
  utilisation: number;
  queue: QueueSummary;
}

export interface ServiceResult {
  id: string;
  name: string;
  incidents: number;
  /** Incidents still not restored at the end. */
  unrestored: number;
  ttrMean: number;
  ttrP95: number;
  detectMean: number;
  waitMean: number;
  repairMean: number;
  waitedForAbsent: number;
  completed: number;
  leadTimeMean: number;
  /**
   * Its bus factor at the end of the run: people there at the end whom the
   * structure lets respond and who know it well enough (model/busFactor.ts).
   */
  busFactor: number;
  /** The same at the start of the run (as the scenario gives it). */
  busFactorStart: number;
  /**
   * Knowledge of the service gained during the run, summed over people (0..1
   * each): by working on it (stages, rework, reviews, incidents), and by
   * pairing on it as the second of a pair.
   */
  knowledgeFromWork: number;
  knowledgeFromPairing: number;
}

/**
 * What one replication measured over the window [warmup, horizon] (items and
 * incidents that began before the warm-up are not counted).
 */
export interface ReplicationResult {
  replication: number;
  seed: number;
  events: number;
  /** True when the event cap stopped the run before the horizon. */
  stoppedEarly: boolean;
  windowHours: number;
  arrivals: number;
  completed: number;
  /** Items still in the system at the end. */
  wipAtEnd: number;
  throughputPerWeek: number;
  leadTime: DistributionSummary;
  leadTimeHistogram: LogHistogramSnapshot;
  timeToRestore: DistributionSummary;
  ttrHistogram: LogHistogramSnapshot;
  detectMean: number;
  waitMean: number;
  repairMean: number;
  incidents: number;
  unrestored: number;
  incidentsWaitedForAbsent: number;
  handoffsPerItem: number;
  reworkPerItem: number;
  peoplePerItem: number;
  /** Mean over items of touch time / lead time. */
  flowEfficiency: number;
  wip: QueueSummary;
  queuesBySkill: { id: string; name: string; queue: QueueSummary }[];
  people: PersonResult[];
  services: ServiceResult[];
  /** The cumulative flow diagram's figures, read at the end of each slice of the window (see Metrics.flow). */
  flow: FlowReadings;
  /** L = lambda W: time-average items in system, arrival rate, mean time in system; and how far apart L and lambda W are. */
  littlesLaw: { L: number; lambda: number; W: number; relativeError: number };
  /**
   * Only when recorded incidents were replayed: for each, in replay-list
   * order, time to restore, detect, wait and repair (4 numbers; NaN for one
   * not restored by the horizon).
   */
  replayed?: Float64Array;
}

/** Items in each place at the end of each slice of the window, and items finished since its start. */
export interface FlowReadings {
  /** A stage needing each skill (ids as the skills'), then `review`, then `admission` (held by the team's WIP limit). */
  states: { id: string; name: string }[];
  /** Per state, per slice. */
  counts: number[][];
  done: number[];
}
