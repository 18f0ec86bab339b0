import type { ReplicationResult } from '../model/results';
import { TIME_USE_NAMES } from '../model/runState';
import { meanCI, type ConfidenceInterval } from '../stats/confidenceInterval';
import { LogHistogram, type LogHistogramSnapshot } from '../stats/logHistogram';
import { BandAccumulator } from './bandAccumulator';
import { RunningMean } from './runningMean';
import { flowStates } from '../model/replicationResult';
import { flowRows, orderedWidth, seriesCount, summarizeReplications, type ChunkLabels, type ChunkSummary } from './chunkSummary';
import { SCALAR_METRIC_NAMES, type ScalarMetric } from './scalarMetrics';
import { beyond } from '../stats/kaplanMeier';

export { SCALAR_METRIC_NAMES, SCALAR_METRICS, type ScalarMetric } from './scalarMetrics';

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
  /** The measured window (hours) and the calendar's working hours per week (of the last replication; the same in all). */
  windowHours: number;
  hoursPerWeek: number;
  /** Each metric's value in every replication (NaN where a replication had nothing to measure). */
  perReplication: Record<ScalarMetric, number[]>;
  /** Mean over replications with a 95% confidence interval (replications with NaN left out). */
  metrics: Record<ScalarMetric, ConfidenceInterval>;
  leadTimeHistogram: LogHistogramSnapshot;
  ttrHistogram: LogHistogramSnapshot;
  wipBand: Band;
  /** `growthPerWeek`: the queue's slope over the second half of the window, items per week. */
  skillQueues: { id: string; name: string; mean: ConfidenceInterval; growthPerWeek: ConfidenceInterval; band: Band }[];
  people: {
    id: string;
    name: string;
    utilisation: ConfidenceInterval;
    /** Mean hours per replication by use. */
    hours: Record<string, number>;
    absentHours: number;
    queueMean: ConfidenceInterval;
    queueGrowthPerWeek: ConfidenceInterval;
    queueBand: Band;
  }[];
  /**
   * The cumulative flow diagram: mean items in each place (a stage needing
   * each skill, review, held by the WIP limit) and mean items finished since
   * the start of the window, at the end of each slice of the window.
   */
  flow: { states: { id: string; name: string }[]; mean: number[][]; done: number[] };
  services: {
    id: string;
    name: string;
    incidents: number;
    ttrMean: ConfidenceInterval;
    ttrP95: ConfidenceInterval;
    /** Replications in which the p95 lay beyond what was watched (ttrP95 then holds a lower bound). */
    ttrP95Beyond: number;
    detectMean: number;
    waitMean: number;
    repairMean: number;
    waitedForAbsent: number;
    unrestored: number;
    leadTimeMean: ConfidenceInterval;
    busFactor: ConfidenceInterval;
    /** People the structure allows and who know the service well enough, at the start of the window (busFactor: at the end). */
    busFactorStart?: ConfidenceInterval;
    /** Mean knowledge of the service gained per replication from doing its work, and from pairing on it. */
    knowledgeFromWork?: number;
    knowledgeFromPairing?: number;
  }[];
}

const finite = (xs: number[]) => xs.filter(Number.isFinite);
const ci = (xs: number[]): ConfidenceInterval => {
  const ok = finite(xs);
  return ok.length >= 2 ? meanCI(ok) : { mean: ok[0] ?? NaN, low: NaN, high: NaN, halfWidth: NaN, n: ok.length };
};

/**
 * Collects a variant's replications in replication order (so the result does
 * not depend on how many workers ran them) in memory that grows only by a few
 * numbers per replication. Replications come one by one ({@link add}) or as
 * chunks reduced by a worker ({@link addChunk}); both give the same result.
 */
export class VariantAccumulator {
  private readonly scalars = Object.fromEntries(SCALAR_METRIC_NAMES.map((k) => [k, [] as number[]])) as Record<ScalarMetric, number[]>;
  private readonly lead = new LogHistogram();
  private readonly ttr = new LogHistogram();
  private points = 0;
  private wip: BandAccumulator | null = null;
  // Per skill, person and service, running sums rather than a list per replication (see RunningMean).
  private skills: { id: string; name: string; mean: RunningMean; slope: RunningMean; band: BandAccumulator | null }[] = [];
  /** `hours`: summed hours by use, in TIME_USE_NAMES order. */
  private people: { id: string; name: string; util: RunningMean; hours: Float64Array; absent: number; queue: RunningMean; slope: RunningMean; band: BandAccumulator | null }[] = [];
  private services: {
    id: string;
    name: string;
    incidents: number;
    ttr: RunningMean;
    ttrP95: RunningMean;
    p95Beyond: number;
    detect: RunningMean;
    wait: RunningMean;
    repair: RunningMean;
    absent: number;
    unrestored: number;
    lead: RunningMean;
    bus: RunningMean;
    busStart: RunningMean;
    learnWork: RunningMean;
    learnPair: RunningMean;
  }[] = [];
  /** Sums of the cumulative flow's readings (see ChunkSummary.flow). */
  private flow = new Float64Array(0);
  private n = 0;
  private stopped = 0;
  private events = 0;
  private windowHours = NaN;
  private hoursPerWeek = NaN;

  /**
   * @param withBands false for analyses that rank variants by their figures
   * (the absence stress test, the cross-training advisor): the percentile
   * bands over time (work in progress, each skill's and person's queue),
   * which only the charts of a run read, are then not kept, and come out
   * empty.
   */
  constructor(
    readonly variantId: string,
    readonly name: string,
    readonly withBands = true,
  ) {}

  get count(): number {
    return this.n;
  }

  /** One figure's value in each replication so far, in replication order (NaN where nothing was measured). */
  scalarValues(metric: ScalarMetric): readonly number[] {
    return this.scalars[metric];
  }

  /** Adds the next replication. */
  add(r: ReplicationResult): void {
    this.addChunk(summarizeReplications([r]));
  }

  /** Adds the next replications, reduced by a {@link ChunkSummarizer} (see chunkSummary.ts for the layout). */
  addChunk(c: ChunkSummary): void {
    if (c.count === 0) return;
    if (this.n === 0) this.init(c.labels, c.points);
    else if (c.points !== this.points || !sameLabels(c.labels, this.skills, this.people, this.services)) throw new RangeError('a chunk of another model cannot be added');
    const o = c.ordered;
    const width = orderedWidth(c.labels);
    const binsPerReplication = seriesCount(c.labels) * c.points;
    // Without bands, a chunk may come without bins (see ChunkSummarizer).
    const binsExpected = this.withBands || c.bins.length > 0 ? c.count * binsPerReplication : 0;
    if (o.length !== c.count * width || c.bins.length !== binsExpected) throw new RangeError('chunk arrays do not match its count');
    let at = 0;
    let bin = 0;
    for (let j = 0; j < c.count; j++) {
      this.n++;
      if (o[at++] === 1) this.stopped++;
      this.events += o[at++]!;
      this.windowHours = o[at++]!;
      this.hoursPerWeek = o[at++]!;
      for (const k of SCALAR_METRIC_NAMES) this.scalars[k].push(o[at++]!);
      // The histograms' sums are added replication by replication, as floating-point sums must be.
      this.lead.mergeSnapshot(sumOnly(c.leadTime, o[at++]!));
      this.ttr.mergeSnapshot(sumOnly(c.ttr, o[at++]!));
      const perWeek = this.hoursPerWeek;
      for (const q of this.skills) {
        q.mean.add(o[at++]!);
        q.slope.add(o[at++]! * perWeek);
      }
      for (const p of this.people) {
        p.util.add(o[at++]!);
        const hours = p.hours;
        for (let u = 0; u < hours.length; u++) hours[u]! += o[at++]!;
        p.absent += o[at++]!;
        p.queue.add(o[at++]!);
        p.slope.add(o[at++]! * perWeek);
      }
      for (const s of this.services) {
        s.incidents += o[at++]!;
        s.ttr.add(o[at++]!);
        s.ttrP95.add(o[at++]!);
        if (beyond(o[at++]!, 0.95)) s.p95Beyond++;
        s.detect.add(o[at++]!);
        s.wait.add(o[at++]!);
        s.repair.add(o[at++]!);
        s.absent += o[at++]!;
        s.unrestored += o[at++]!;
        s.lead.add(o[at++]!);
        s.bus.add(o[at++]!);
        s.busStart.add(o[at++]!);
        s.learnWork.add(o[at++]!);
        s.learnPair.add(o[at++]!);
      }
      if (this.withBands) {
        this.wip!.addBins(c.bins, bin);
        bin += c.points;
        for (const q of this.skills) {
          q.band!.addBins(c.bins, bin);
          bin += c.points;
        }
        for (const p of this.people) {
          p.band!.addBins(c.bins, bin);
          bin += c.points;
        }
      } else bin += binsPerReplication;
    }
    if (c.flow.length !== this.flow.length) throw new RangeError('chunk flow sums do not match the model');
    for (let i = 0; i < c.flow.length; i++) this.flow[i]! += c.flow[i]!;
    // Counts add up exactly in any order (their sums were added above).
    this.lead.mergeSnapshot(c.leadTime);
    this.ttr.mergeSnapshot(c.ttr);
  }

  private init(labels: ChunkLabels, points: number): void {
    this.points = points;
    // One buffer for every band of the variant (work in progress, each skill, each person): a variant of 50 people
    // has 55 of them, and an analysis of 51 variants would otherwise allocate 2,800 separate buffers.
    const bands = this.withBands ? BandAccumulator.many(1 + labels.skills.length + labels.people.length, points) : [];
    this.wip = bands[0] ?? null;
    this.flow = new Float64Array(flowRows(labels) * points);
    this.skills = labels.skills.map(([id, name], i) => ({ id, name, mean: new RunningMean(), slope: new RunningMean(), band: bands[1 + i] ?? null }));
    const firstPerson = 1 + labels.skills.length;
    this.people = labels.people.map(([id, name], i) => ({
      id,
      name,
      util: new RunningMean(),
      hours: new Float64Array(TIME_USE_NAMES.length),
      absent: 0,
      queue: new RunningMean(),
      slope: new RunningMean(),
      band: bands[firstPerson + i] ?? null,
    }));
    this.services = labels.services.map(([id, name]) => ({
      id,
      name,
      incidents: 0,
      ttr: new RunningMean(),
      ttrP95: new RunningMean(),
      p95Beyond: 0,
      detect: new RunningMean(),
      wait: new RunningMean(),
      repair: new RunningMean(),
      absent: 0,
      unrestored: 0,
      lead: new RunningMean(),
      bus: new RunningMean(),
      busStart: new RunningMean(),
      learnWork: new RunningMean(),
      learnPair: new RunningMean(),
    }));
  }

  private flowSummary(n: number): VariantSummary['flow'] {
    const rows: number[][] = [];
    for (let k = 0; k * this.points < this.flow.length; k++) rows.push(Array.from(this.flow.subarray(k * this.points, (k + 1) * this.points), (x) => x / n));
    const done = rows.pop() ?? [];
    return { states: flowStates(this.skills), mean: rows, done };
  }

  summary(): VariantSummary {
    const n = Math.max(1, this.n);
    const band = (b: BandAccumulator | null): Band => {
      if (!b) return { p10: [], p50: [], p90: [] };
      const [p10, p50, p90] = b.quantilesAt([0.1, 0.5, 0.9]);
      return { p10: p10!, p50: p50!, p90: p90! };
    };
    return {
      variantId: this.variantId,
      name: this.name,
      replications: this.n,
      stoppedEarly: this.stopped,
      events: this.events,
      windowHours: this.windowHours,
      hoursPerWeek: this.hoursPerWeek,
      perReplication: this.scalars,
      metrics: Object.fromEntries(SCALAR_METRIC_NAMES.map((k) => [k, ci(this.scalars[k])])) as Record<ScalarMetric, ConfidenceInterval>,
      leadTimeHistogram: this.lead.snapshot(),
      ttrHistogram: this.ttr.snapshot(),
      wipBand: band(this.wip),
      skillQueues: this.skills.map((q) => ({ id: q.id, name: q.name, mean: q.mean.interval(), growthPerWeek: q.slope.interval(), band: band(q.band) })),
      people: this.people.map((p) => ({
        id: p.id,
        name: p.name,
        utilisation: p.util.interval(),
        hours: Object.fromEntries(TIME_USE_NAMES.map((use, u) => [use, p.hours[u]! / n])),
        absentHours: p.absent / n,
        queueMean: p.queue.interval(),
        queueGrowthPerWeek: p.slope.interval(),
        queueBand: band(p.band),
      })),
      flow: this.flowSummary(n),
      services: this.services.map((s) => ({
        id: s.id,
        name: s.name,
        incidents: s.incidents / n,
        ttrMean: s.ttr.interval(),
        ttrP95: s.ttrP95.interval(),
        ttrP95Beyond: s.p95Beyond,
        detectMean: s.detect.plainMean(),
        waitMean: s.wait.plainMean(),
        repairMean: s.repair.plainMean(),
        waitedForAbsent: s.absent / n,
        unrestored: s.unrestored / n,
        leadTimeMean: s.lead.interval(),
        busFactor: s.bus.interval(),
        busFactorStart: s.busStart.interval(),
        knowledgeFromWork: s.learnWork.plainMean(),
        knowledgeFromPairing: s.learnPair.plainMean(),
      })),
    };
  }
}

/** An empty histogram snapshot carrying only a sum (the chunk's counts come separately). */
function sumOnly(h: LogHistogramSnapshot, sum: number): LogHistogramSnapshot {
  return { relativeError: h.relativeError, min: h.min, max: h.max, zeros: 0, buckets: [], sum, lowest: Infinity, highest: -Infinity };
}

type Labelled = readonly { id: string; name: string }[];

function sameLabels(labels: ChunkLabels, skills: Labelled, people: Labelled, services: Labelled): boolean {
  const same = (list: readonly (readonly [string, string])[], known: Labelled) => list.length === known.length && list.every(([id, name], i) => known[i]!.id === id && known[i]!.name === name);
  return same(labels.skills, skills) && same(labels.people, people) && same(labels.services, services);
}
