import type { ReplicationResult } from '../model/results';
import { meanCI, type ConfidenceInterval } from '../stats/confidenceInterval';
import { LogHistogram, type LogHistogramSnapshot } from '../stats/logHistogram';
import { BandAccumulator } from './bandAccumulator';

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
} as const;

export type ScalarMetric = keyof typeof SCALAR_METRICS;
export const SCALAR_METRIC_NAMES = Object.keys(SCALAR_METRICS) as ScalarMetric[];

export interface Band {
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface VariantSummary {
  variantId: string;
  name: string;
  replications: number;
  /** Replications the event cap stopped before the horizon. */
  stoppedEarly: number;
  events: number;
  /** Each metric's value in every replication (NaN where a replication had nothing to measure). */
  perReplication: Record<ScalarMetric, number[]>;
  /** Mean over replications with a 95% confidence interval (replications with NaN left out). */
  metrics: Record<ScalarMetric, ConfidenceInterval>;
  leadTimeHistogram: LogHistogramSnapshot;
  ttrHistogram: LogHistogramSnapshot;
  wipBand: Band;
  skillQueues: { id: string; name: string; mean: ConfidenceInterval; band: Band }[];
  people: {
    id: string;
    name: string;
    utilisation: ConfidenceInterval;
    /** Mean hours per replication by use. */
    hours: Record<string, number>;
    absentHours: number;
    queueMean: ConfidenceInterval;
    queueBand: Band;
  }[];
  services: {
    id: string;
    name: string;
    incidents: number;
    ttrMean: ConfidenceInterval;
    ttrP95: ConfidenceInterval;
    detectMean: number;
    waitMean: number;
    repairMean: number;
    waitedForAbsent: number;
    unrestored: number;
    leadTimeMean: ConfidenceInterval;
    busFactor: ConfidenceInterval;
  }[];
}

const finite = (xs: number[]) => xs.filter(Number.isFinite);
const ci = (xs: number[]): ConfidenceInterval => {
  const ok = finite(xs);
  return ok.length >= 2 ? meanCI(ok) : { mean: ok[0] ?? NaN, low: NaN, high: NaN, halfWidth: NaN, n: ok.length };
};
const mean = (xs: number[]) => {
  const ok = finite(xs);
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
};

/**
 * Collects a variant's replications one by one (in replication order, so the
 * result does not depend on how many workers ran them) in memory that grows
 * only by a few numbers per replication.
 */
export class VariantAccumulator {
  private readonly scalars = Object.fromEntries(SCALAR_METRIC_NAMES.map((k) => [k, [] as number[]])) as Record<ScalarMetric, number[]>;
  private readonly lead = new LogHistogram();
  private readonly ttr = new LogHistogram();
  private wip: BandAccumulator | null = null;
  private skills: { id: string; name: string; mean: number[]; band: BandAccumulator }[] = [];
  private people: { id: string; name: string; util: number[]; hours: Record<string, number>; absent: number; queue: number[]; band: BandAccumulator }[] = [];
  private services: {
    id: string;
    name: string;
    incidents: number;
    ttr: number[];
    ttrP95: number[];
    detect: number[];
    wait: number[];
    repair: number[];
    absent: number;
    unrestored: number;
    lead: number[];
    bus: number[];
  }[] = [];
  private n = 0;
  private stopped = 0;
  private events = 0;

  constructor(
    readonly variantId: string,
    readonly name: string,
  ) {}

  get count(): number {
    return this.n;
  }

  add(r: ReplicationResult): void {
    if (this.n === 0) this.init(r);
    this.n++;
    if (r.stoppedEarly) this.stopped++;
    this.events += r.events;
    for (const k of SCALAR_METRIC_NAMES) this.scalars[k].push(SCALAR_METRICS[k](r));
    this.lead.merge(LogHistogram.fromSnapshot(r.leadTimeHistogram));
    this.ttr.merge(LogHistogram.fromSnapshot(r.ttrHistogram));
    this.wip!.add(r.wip.series);
    r.queuesBySkill.forEach((q, i) => {
      this.skills[i]!.mean.push(q.queue.mean);
      this.skills[i]!.band.add(q.queue.series);
    });
    r.people.forEach((p, i) => {
      const acc = this.people[i]!;
      acc.util.push(p.utilisation);
      for (const [use, h] of Object.entries(p.hours)) acc.hours[use] = (acc.hours[use] ?? 0) + h;
      acc.absent += p.absentHours;
      acc.queue.push(p.queue.mean);
      acc.band.add(p.queue.series);
    });
    r.services.forEach((s, i) => {
      const acc = this.services[i]!;
      acc.incidents += s.incidents;
      acc.ttr.push(s.ttrMean);
      acc.ttrP95.push(s.ttrP95);
      acc.detect.push(s.detectMean);
      acc.wait.push(s.waitMean);
      acc.repair.push(s.repairMean);
      acc.absent += s.waitedForAbsent;
      acc.unrestored += s.unrestored;
      acc.lead.push(s.leadTimeMean);
      acc.bus.push(s.busFactor);
    });
  }

  private init(r: ReplicationResult): void {
    const points = r.wip.series.length;
    this.wip = new BandAccumulator(points);
    this.skills = r.queuesBySkill.map((q) => ({ id: q.id, name: q.name, mean: [], band: new BandAccumulator(points) }));
    this.people = r.people.map((p) => ({ id: p.id, name: p.name, util: [], hours: {}, absent: 0, queue: [], band: new BandAccumulator(points) }));
    this.services = r.services.map((s) => ({
      id: s.id,
      name: s.name,
      incidents: 0,
      ttr: [],
      ttrP95: [],
      detect: [],
      wait: [],
      repair: [],
      absent: 0,
      unrestored: 0,
      lead: [],
      bus: [],
    }));
  }

  summary(): VariantSummary {
    const n = Math.max(1, this.n);
    const band = (b: BandAccumulator | null): Band => ({ p10: b?.quantiles(0.1) ?? [], p50: b?.quantiles(0.5) ?? [], p90: b?.quantiles(0.9) ?? [] });
    return {
      variantId: this.variantId,
      name: this.name,
      replications: this.n,
      stoppedEarly: this.stopped,
      events: this.events,
      perReplication: this.scalars,
      metrics: Object.fromEntries(SCALAR_METRIC_NAMES.map((k) => [k, ci(this.scalars[k])])) as Record<ScalarMetric, ConfidenceInterval>,
      leadTimeHistogram: this.lead.snapshot(),
      ttrHistogram: this.ttr.snapshot(),
      wipBand: band(this.wip),
      skillQueues: this.skills.map((q) => ({ id: q.id, name: q.name, mean: ci(q.mean), band: band(q.band) })),
      people: this.people.map((p) => ({
        id: p.id,
        name: p.name,
        utilisation: ci(p.util),
        hours: Object.fromEntries(Object.entries(p.hours).map(([k, v]) => [k, v / n])),
        absentHours: p.absent / n,
        queueMean: ci(p.queue),
        queueBand: band(p.band),
      })),
      services: this.services.map((s) => ({
        id: s.id,
        name: s.name,
        incidents: s.incidents / n,
        ttrMean: ci(s.ttr),
        ttrP95: ci(s.ttrP95),
        detectMean: mean(s.detect),
        waitMean: mean(s.wait),
        repairMean: mean(s.repair),
        waitedForAbsent: s.absent / n,
        unrestored: s.unrestored / n,
        leadTimeMean: ci(s.lead),
        busFactor: ci(s.bus),
      })),
    };
  }
}
