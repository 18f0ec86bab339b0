import type { ReplicationResult } from '../model/results';
import { TIME_USE_NAMES } from '../model/runState';
import { LogHistogram, type LogHistogramSnapshot } from '../stats/logHistogram';
import { BandAccumulator } from './bandAccumulator';
import { SCALAR_METRIC_NAMES, SCALAR_METRICS } from './scalarMetrics';

/**
 * What a variant's accumulator needs from a run of consecutive replications,
 * reduced where the worker that ran them can do so exactly, so that little is
 * sent between threads and little is left for the thread that combines them.
 *
 * Sums of integers (histogram and band counts) do not depend on the order in
 * which they are added, so the chunk adds them up. Floating-point sums do
 * (a + b + c is not always a + (b + c)), so every figure that is summed, or
 * kept per replication, travels as it was measured, in replication order, in
 * `ordered`; the accumulator adds them one replication after another, as
 * the in-thread runner does. Both runners go through this form, so any split
 * of the replications gives bit-for-bit the same summary.
 *
 * `ordered` holds, for each replication: stoppedEarly (0/1), events, window
 * hours, hours per week, each scalar metric (SCALAR_METRIC_NAMES order), the
 * lead-time and TTR histogram sums, each skill queue's mean and slope, for
 * each person utilisation, hours by use (TIME_USE_NAMES order), absent hours,
 * queue mean and slope, and for each service incidents, ttrMean, ttrP95,
 * ttrReach, detectMean, waitMean, repairMean, waitedForAbsent, unrestored,
 * leadTimeMean, busFactor, busFactorStart, knowledgeFromWork and knowledgeFromPairing.
 * `bins` holds, for each replication, the band bin of every point of the WIP
 * series, then of each skill's, then of each person's queue series.
 */
export interface ChunkSummary {
  readonly count: number;
  /** Events the chunk's replications processed (for progress; the exact per-replication figures are in `ordered`). */
  readonly events: number;
  /** Points per queue series. */
  readonly points: number;
  readonly labels: ChunkLabels;
  readonly ordered: Float64Array;
  readonly bins: Uint8Array;
  /**
   * The cumulative flow's readings (whole numbers) summed over the chunk's
   * replications: for each place (flowStates order) then for finished items,
   * `points` sums.
   */
  readonly flow: Float64Array;
  /** The chunk's histograms with their sums left out (`sum` 0; the sums are in `ordered`). */
  readonly leadTime: LogHistogramSnapshot;
  readonly ttr: LogHistogramSnapshot;
}

export interface ChunkLabels {
  readonly skills: readonly (readonly [string, string])[];
  readonly people: readonly (readonly [string, string])[];
  readonly services: readonly (readonly [string, string])[];
}

/** Numbers per replication in `ordered`. */
export function orderedWidth(labels: ChunkLabels): number {
  return 4 + SCALAR_METRIC_NAMES.length + 2 + labels.skills.length * 2 + labels.people.length * (4 + TIME_USE_NAMES.length) + labels.services.length * 14;
}

/** Rows of `flow`: each place of the cumulative flow (the skills, review, held by the WIP limit), then finished items. */
export const flowRows = (labels: ChunkLabels): number => labels.skills.length + 3;

/** Series per replication in `bins`: the WIP, each skill's queue, each person's queue. */
export const seriesCount = (labels: ChunkLabels): number => 1 + labels.skills.length + labels.people.length;

/**
 * Reduces replications of one model (added in replication order) to a
 * {@link ChunkSummary}. A result of another model (other ids, names or series
 * length) throws.
 */
export class ChunkSummarizer {
  private labels: ChunkLabels | null = null;
  private points = 0;
  private count = 0;
  private events = 0;
  private ordered = new Float64Array(0);
  private orderedLength = 0;
  private bins = new Uint8Array(0);
  private binsLength = 0;
  private readonly leadTime = new LogHistogram();
  private readonly ttr = new LogHistogram();
  private flow = new Float64Array(0);

  /** @param withBins false: no bins of the bands over time (the summary's `bins` is empty), for analyses that keep no bands. */
  constructor(private readonly withBins = true) {}

  add(r: ReplicationResult): void {
    const labels = this.labelsFor(r);
    const o = this.reserveOrdered(orderedWidth(labels));
    const put = (x: number) => (this.ordered[this.orderedLength++] = x);
    put(r.stoppedEarly ? 1 : 0);
    put(r.events);
    put(r.windowHours);
    put(r.hoursPerWeek);
    this.events += r.events;
    for (const k of SCALAR_METRIC_NAMES) put(SCALAR_METRICS[k](r));
    put(r.leadTimeHistogram.sum);
    put(r.ttrHistogram.sum);
    for (const q of r.queuesBySkill) {
      put(q.queue.mean);
      put(q.queue.slope);
    }
    for (const p of r.people) {
      put(p.utilisation);
      for (const use of TIME_USE_NAMES) put(p.hours[use]);
      put(p.absentHours);
      put(p.queue.mean);
      put(p.queue.slope);
    }
    for (const s of r.services) {
      put(s.incidents);
      put(s.ttrMean);
      put(s.ttrP95);
      put(s.ttrReach);
      put(s.detectMean);
      put(s.waitMean);
      put(s.repairMean);
      put(s.waitedForAbsent);
      put(s.unrestored);
      put(s.leadTimeMean);
      put(s.busFactor);
      put(s.busFactorStart);
      put(s.knowledgeFromWork);
      put(s.knowledgeFromPairing);
    }
    if (this.orderedLength !== o + orderedWidth(labels)) throw new Error('ChunkSummarizer: the ordered layout is inconsistent');

    if (this.withBins) {
      this.reserveBins(seriesCount(labels) * this.points);
      this.putBins(r.wip.series);
      for (const q of r.queuesBySkill) this.putBins(q.queue.series);
      for (const p of r.people) this.putBins(p.queue.series);
    }

    const flow = this.flow;
    const points = this.points;
    if (flow.length !== (r.flow.counts.length + 1) * points) throw new Error('ChunkSummarizer: the cumulative flow has another shape');
    for (let k = 0; k <= r.flow.counts.length; k++) {
      const row = k < r.flow.counts.length ? r.flow.counts[k]! : r.flow.done;
      for (let i = 0; i < points; i++) flow[k * points + i]! += row[i]!;
    }

    this.leadTime.mergeSnapshot(r.leadTimeHistogram, false);
    this.ttr.mergeSnapshot(r.ttrHistogram, false);
    this.count++;
  }

  finish(): ChunkSummary {
    return {
      count: this.count,
      events: this.events,
      points: this.points,
      labels: this.labels ?? { skills: [], people: [], services: [] },
      ordered: this.ordered.slice(0, this.orderedLength),
      bins: this.bins.slice(0, this.binsLength),
      flow: this.flow.slice(),
      leadTime: this.leadTime.snapshot(),
      ttr: this.ttr.snapshot(),
    };
  }

  private labelsFor(r: ReplicationResult): ChunkLabels {
    if (this.labels === null) {
      this.points = r.wip.series.length;
      this.labels = {
        skills: r.queuesBySkill.map((q) => [q.id, q.name] as const),
        people: r.people.map((p) => [p.id, p.name] as const),
        services: r.services.map((s) => [s.id, s.name] as const),
      };
      this.flow = new Float64Array(flowRows(this.labels) * this.points);
      return this.labels;
    }
    const l = this.labels;
    const same = (list: readonly { id: string; name: string }[], expected: readonly (readonly [string, string])[]) =>
      list.length === expected.length && list.every((x, i) => x.id === expected[i]![0] && x.name === expected[i]![1]);
    if (r.wip.series.length !== this.points || !same(r.queuesBySkill, l.skills) || !same(r.people, l.people) || !same(r.services, l.services)) {
      throw new Error('ChunkSummarizer: results of different models cannot be summarised together');
    }
    return l;
  }

  private putBins(series: readonly number[]): void {
    if (series.length !== this.points) throw new RangeError(`series has ${series.length} points, expected ${this.points}`);
    for (let i = 0; i < series.length; i++) this.bins[this.binsLength++] = BandAccumulator.binOf(series[i]!);
  }

  private reserveOrdered(n: number): number {
    if (this.orderedLength + n > this.ordered.length) this.ordered = grown(this.ordered, this.orderedLength + n);
    return this.orderedLength;
  }

  private reserveBins(n: number): void {
    if (this.binsLength + n > this.bins.length) this.bins = grown(this.bins, this.binsLength + n);
  }
}

function grown<A extends Float64Array | Uint8Array>(array: A, atLeast: number): A {
  const bigger = new (array.constructor as new (n: number) => A)(Math.max(atLeast, array.length * 2, 1024));
  bigger.set(array);
  return bigger;
}

/** The summary of replications run one after another (the in-thread runner's chunk of one). */
export function summarizeReplications(results: Iterable<ReplicationResult>): ChunkSummary {
  const s = new ChunkSummarizer();
  for (const r of results) s.add(r);
  return s.finish();
}
