import type { ReplicationResult } from '../model/results';

/**
 * The per-replication figures a run keeps for every replication (a few
 * numbers each), from which means, confidence intervals and paired
 * differences between variants are computed.
 */
export const SCALAR_METRICS = {
  leadTimeMean: (r: ReplicationResult) => r.leadTime.mean,
  leadTimeP50: (r: ReplicationResult) => r.leadTime.p50,
  leadTimeP85: (r: ReplicationResult) => r.leadTime.p85,
  leadTimeP95: (r: ReplicationResult) => r.leadTime.p95,
  ttrMean: (r: ReplicationResult) => r.timeToRestore.mean,
  ttrP50: (r: ReplicationResult) => r.timeToRestore.p50,
  ttrP95: (r: ReplicationResult) => r.timeToRestore.p95,
  detectMean: (r: ReplicationResult) => r.detectMean,
  waitMean: (r: ReplicationResult) => r.waitMean,
  repairMean: (r: ReplicationResult) => r.repairMean,
  throughputPerWeek: (r: ReplicationResult) => r.throughputPerWeek,
  completed: (r: ReplicationResult) => r.completed,
  incidents: (r: ReplicationResult) => r.incidents,
  unrestored: (r: ReplicationResult) => r.unrestored,
  incidentsWaitedForAbsent: (r: ReplicationResult) => r.incidentsWaitedForAbsent,
  handoffsPerItem: (r: ReplicationResult) => r.handoffsPerItem,
  reworkPerItem: (r: ReplicationResult) => r.reworkPerItem,
  peoplePerItem: (r: ReplicationResult) => r.peoplePerItem,
  flowEfficiency: (r: ReplicationResult) => r.flowEfficiency,
  wipMean: (r: ReplicationResult) => r.wip.mean,
  wipAtEnd: (r: ReplicationResult) => r.wipAtEnd,
  littlesLawError: (r: ReplicationResult) => r.littlesLaw.relativeError,
  arrivals: (r: ReplicationResult) => r.arrivals,
  unfinished: (r: ReplicationResult) => r.unfinished,
  leadTimeReach: (r: ReplicationResult) => r.leadTime.reach,
  ttrReach: (r: ReplicationResult) => r.timeToRestore.reach,
  wipGrowthPerWeek: (r: ReplicationResult) => r.wip.slope * r.hoursPerWeek,
  warmupGap: (r: ReplicationResult) => r.warmupGap,
} as const;

export type ScalarMetric = keyof typeof SCALAR_METRICS;
export const SCALAR_METRIC_NAMES = Object.keys(SCALAR_METRICS) as ScalarMetric[];
