import { curveQuantile, histogramSurvival } from '../stats/kaplanMeier';
import { LogHistogram } from '../stats/logHistogram';
import { Welford } from '../stats/welford';
import type { CompiledModel } from './compile';
import { CountSampler } from './countSampler';
import { QueueTracker, SERIES_POINTS } from './queueTracker';
import type { DistributionSummary } from './results';
import { OpenList } from './openList';
import { TIME_USE_COUNT, type Incident, type Item } from './runState';

/**
 * Streaming statistics of one replication. One instance can serve many
 * replications of the same model in turn: {@link reset} makes it as new.
 */
export class Metrics {
  readonly leadTime = new LogHistogram();
  readonly leadTimeStats = new Welford();
  readonly ttr = new LogHistogram();
  readonly ttrStats = new Welford();
  /** Scratch for the censored durations at the end (see replicationResult). */
  readonly censoredScratch = new LogHistogram();
  readonly detect = new Welford();
  readonly wait = new Welford();
  readonly repair = new Welford();
  readonly handoffs = new Welford();
  readonly reworks = new Welford();
  readonly peoplePerItem = new Welford();
  readonly flowEfficiency = new Welford();
  readonly serviceTtr: Welford[];
  readonly serviceTtrHist: LogHistogram[];
  readonly serviceDetect: Welford[];
  readonly serviceWait: Welford[];
  readonly serviceRepair: Welford[];
  readonly serviceLead: Welford[];
  readonly serviceWaitedForAbsent: Int32Array;
  /** Failures of each service that have happened (in the window) and are not detected yet. */
  readonly undetected: Int32Array;
  /** Hours per person per use, in the window. */
  readonly timeUse: Float64Array;
  readonly absentHours: Float64Array;
  readonly wip: QueueTracker;
  readonly skillQueues: QueueTracker[];
  readonly personQueues: QueueTracker[];
  /**
   * Items by where they are, for the cumulative flow diagram: in a stage
   * needing each skill (waiting or worked on), then in review, then held back
   * by the team's WIP limit (see {@link flowState}); and items finished since
   * the start of the window.
   */
  readonly flow: CountSampler[];
  readonly flowDone: CountSampler;
  arrivals = 0;
  incidents = 0;
  waitedForAbsent = 0;
  /**
   * Items and incidents of the window not finished or restored yet: at the
   * horizon they are the censored durations (see stats/kaplanMeier.ts).
   */
  readonly openItems = new OpenList<Item>();
  readonly openIncidents = new OpenList<Incident>();

  constructor(model: CompiledModel, start: number, end: number) {
    const nServices = model.services.length;
    const w = () => Array.from({ length: nServices }, () => new Welford());
    this.serviceTtr = w();
    this.serviceDetect = w();
    this.serviceWait = w();
    this.serviceRepair = w();
    this.serviceLead = w();
    this.serviceTtrHist = Array.from({ length: nServices }, () => new LogHistogram());
    this.serviceWaitedForAbsent = new Int32Array(nServices);
    this.undetected = new Int32Array(nServices);
    this.timeUse = new Float64Array(model.people.length * TIME_USE_COUNT);
    this.absentHours = new Float64Array(model.people.length);
    this.wip = new QueueTracker(start, end);
    this.skillQueues = model.skills.map(() => new QueueTracker(start, end));
    this.personQueues = model.people.map(() => new QueueTracker(start, end));
    this.flow = Array.from({ length: model.skills.length + 2 }, () => new CountSampler(SERIES_POINTS, start, end));
    this.flowDone = new CountSampler(SERIES_POINTS, start, end);
  }

  /** Forgets everything, for a new replication measured over [start, end]. */
  reset(start: number, end: number): void {
    for (const h of [this.leadTime, this.ttr, ...this.serviceTtrHist]) h.reset();
    const welfords = [this.leadTimeStats, this.ttrStats, this.detect, this.wait, this.repair, this.handoffs, this.reworks, this.peoplePerItem, this.flowEfficiency];
    for (const x of welfords) x.reset();
    for (const list of [this.serviceTtr, this.serviceDetect, this.serviceWait, this.serviceRepair, this.serviceLead]) for (const x of list) x.reset();
    this.serviceWaitedForAbsent.fill(0);
    this.undetected.fill(0);
    this.timeUse.fill(0);
    this.absentHours.fill(0);
    this.wip.reset(start, end);
    for (const q of this.skillQueues) q.reset(start, end);
    for (const q of this.personQueues) q.reset(start, end);
    for (const c of this.flow) c.reset(start, end);
    this.flowDone.reset(start, end);
    this.arrivals = 0;
    this.incidents = 0;
    this.waitedForAbsent = 0;
    this.openItems.clear();
    this.openIncidents.clear();
  }

  /** Called at the end of the warm-up: time-weighted figures start from here. */
  restart(time: number): void {
    this.wip.restart(time);
    for (const q of this.skillQueues) q.restart(time);
    for (const q of this.personQueues) q.restart(time);
  }
}

/** Index in {@link Metrics.flow} of items in review, and of items waiting for the team's WIP limit. */
export const flowState = {
  review: (nSkills: number) => nSkills,
  admission: (nSkills: number) => nSkills + 1,
};

/**
 * Mean and max of the finished durations, and Kaplan-Meier p50/p85/p95 of
 * the finished (`hist`) and censored (`censored`, still running at the end)
 * together; a percentile beyond what was watched is the longest duration seen.
 */
export function summarize(hist: LogHistogram, stats: Welford, censored: LogHistogram): DistributionSummary {
  const curve = histogramSurvival(hist.snapshot(), censored.snapshot());
  const q = (p: number) => curveQuantile(curve, p).value;
  const n = censored.count;
  if (stats.count === 0) return { count: 0, mean: NaN, p50: q(0.5), p85: q(0.85), p95: q(0.95), max: NaN, censored: n, reach: curve.reach };
  return { count: stats.count, mean: stats.mean, p50: q(0.5), p85: q(0.85), p95: q(0.95), max: stats.max, censored: n, reach: curve.reach };
}

/**
 * Adds `hours` of a use to a person's time, counting only the part inside the
 * measured window [start, end].
 */
export function addTime(m: Metrics, person: number, use: number, from: number, to: number, start: number, end: number): void {
  const a = Math.max(from, start);
  const b = Math.min(to, end);
  if (b > a) m.timeUse[person * TIME_USE_COUNT + use]! += b - a;
}
