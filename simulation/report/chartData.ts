/**
 * What each results chart shows, computed from a run: the results screen
 * (d3 in the page) and the report (SVG text) draw the same data, so the
 * charts a manager forwards are the ones they looked at.
 */
import { SWEEP_PARAMETERS, sweepLineName, type SweepLine, type SweepParameter } from '../analysis/sensitivity';
import { METRIC_INFO } from '../run/metricInfo';
import type { RunResult } from '../run/runScenario';
import type { ScalarMetric } from '../run/variantSummary';
import { LogHistogram } from '../stats/logHistogram';
import { DEFAULT_WORKING_TIME, num, timeUnitFor, timeUnitOf, type TimeUnit, type WorkingTime } from './format';
import { linearBins } from './histogramBins';
import { seriesColor, TIME_USE_COLORS, TTR_PART_COLORS } from './palette';

export interface DistributionSeries {
  name: string;
  color: string;
  /** Values of the distribution as histogram bins (hours). */
  bins: { x0: number; x1: number; count: number }[];
  markers: { label: string; value: number }[];
}

export interface DistributionData {
  series: DistributionSeries[];
  mode: 'histogram' | 'cdf';
  xLabel: string;
  /** The unit the time axis is read in (the bins stay in hours): ticks fall on 1-2-5 steps of it. */
  unit: TimeUnit;
}

export interface BandSeries {
  name: string;
  color: string;
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface BandData {
  series: BandSeries[];
  /** Time at the middle of each point (hours). */
  times: number[];
  yLabel: string;
  /** Working hours in a week, for the time axis (in weeks). */
  hoursPerWeek: number;
  /** Another x axis than time (a sensitivity sweep's dial): its label and tick format. */
  xAxis?: { label: string; format(x: number): string };
  /** What the band spans (default: 10-90% of replications). */
  bandLabel?: string;
  /** A value on the x axis to mark with a dashed line and its label (a sweep's "today"). */
  marker?: { value: number; label: string };
}

export interface StackedBarRow {
  /** Category shown on the y axis (a service, a person). */
  label: string;
  /** Group within the category (a variant), drawn as one bar of the group. */
  group: string;
  parts: { key: string; value: number }[];
}

export interface StackedBarData {
  rows: StackedBarRow[];
  partColors: Record<string, string>;
  groupOrder: string[];
  xLabel: string;
  formatValue(v: number): string;
  /** Hours in one unit of the value axis (1 when it is not a time): the axis ticks fall on round numbers of that unit. */
  unitHours?: number;
}

export type DistributionMetric = 'lead' | 'ttr';

/** Width a marker label ("p85") takes, and the height of a row of labels (pixels). */
const LABEL_WIDTH = 26;
const LABEL_ROW = 12;

/**
 * The y of each percentile label (`at[series][marker]`, in pixels from the
 * top of the plot): labels go left to right along x, each in the first row
 * where it does not run into a label already placed, so that close
 * percentiles (p85 and p95 of two structures) stay readable.
 */
export function markerLabelRows(xs: readonly (readonly number[])[]): number[][] {
  const all = xs.flatMap((row, s) => row.map((x, m) => ({ x, s, m }))).sort((a, b) => a.x - b.x || a.s - b.s || a.m - b.m);
  const rowEnds: number[] = [];
  const out = xs.map((row) => row.map(() => 0));
  for (const label of all) {
    let row = rowEnds.findIndex((end) => end <= label.x);
    if (row < 0) row = rowEnds.push(-Infinity) - 1;
    rowEnds[row] = label.x + LABEL_WIDTH;
    out[label.s]![label.m] = 10 + row * LABEL_ROW;
  }
  return out;
}

/** Lead time (or time to restore) of every variant in 40 bins up to the 98th percentile, with p50/p85/p95 (p50/p95) marked. */
export function distributionData(result: RunResult, metric: DistributionMetric, mode: DistributionData['mode'], time: WorkingTime = DEFAULT_WORKING_TIME): DistributionData {
  const snaps = result.variants.map((v) => (metric === 'lead' ? v.leadTimeHistogram : v.ttrHistogram));
  const upTo = Math.max(1, ...snaps.map((s) => (s.buckets.length || s.zeros ? LogHistogram.fromSnapshot(s).quantile(0.98) : 0)));
  const unit = timeUnitFor(upTo, time);
  return {
    mode,
    unit,
    xLabel: `${metric === 'lead' ? 'lead time (arrival to done)' : 'time to restore (failure to restored)'}, ${unit.name}`,
    series: result.variants.map((v, i) => {
      const h = LogHistogram.fromSnapshot(snaps[i]!);
      return {
        name: v.name,
        color: seriesColor(i),
        bins: linearBins(snaps[i]!, 40, upTo),
        markers: h.count ? (metric === 'lead' ? ([0.5, 0.85, 0.95] as const) : ([0.5, 0.95] as const)).map((q) => ({ label: `p${Math.round(q * 100)}`, value: h.quantile(q) })) : [],
      };
    }),
  };
}

/** The queues a queue-buildup chart can show: all work in progress, each stage (skill), each person. */
export function queueOptions(result: RunResult): { key: string; label: string }[] {
  const first = result.variants[0];
  return [
    { key: 'wip', label: 'All work in progress' },
    ...(first?.skillQueues ?? []).map((q) => ({ key: `skill:${q.id}`, label: `Waiting for ${q.name}` })),
    ...(first?.people ?? []).map((p) => ({ key: `person:${p.id}`, label: `Waiting for ${p.name}` })),
  ];
}

/** One queue (`wip`, `skill:<id>`, `person:<id>`) over the run: median and 10-90% band across replications, per variant. */
/** The part of the run the figures cover: from the end of the warm-up to the horizon (hours). */
export interface MeasuredWindow {
  start: number;
  end: number;
}

/** The measured window of a scenario's run settings. */
export const measuredWindow = (run: { warmupHours: number; horizonHours: number }): MeasuredWindow => ({ start: Math.min(run.warmupHours, run.horizonHours), end: run.horizonHours });

export function queueBandData(result: RunResult, series: string, hoursPerWeek: number, window: MeasuredWindow): BandData {
  const points = result.variants[0]?.wipBand.p50.length ?? 0;
  const bandOf = (v: RunResult['variants'][number]) =>
    series === 'wip'
      ? v.wipBand
      : series.startsWith('skill:')
        ? (v.skillQueues.find((q) => `skill:${q.id}` === series)?.band ?? v.wipBand)
        : (v.people.find((p) => `person:${p.id}` === series)?.queueBand ?? v.wipBand);
  return {
    yLabel: series === 'wip' ? 'items in progress' : 'items waiting',
    hoursPerWeek,
    // Each point is the mean over a slice of the window: placed at the slice's middle.
    times: Array.from({ length: points }, (_, i) => window.start + ((i + 0.5) * (window.end - window.start)) / Math.max(1, points)),
    series: result.variants.map((v, i) => ({ name: v.name, color: seriesColor(i), ...bandOf(v) })),
  };
}

const finite = (x: number) => (Number.isFinite(x) ? x : 0);

/** Hours written in a unit: "3.25 days". */
export const timeText =
  (unit: TimeUnit) =>
  (h: number): string =>
    `${num(h / unit.hours)} ${unit.short}`;

/** Time to restore per service, split into detect / wait for a responder / repair, for each variant. */
export function ttrSplitData(result: RunResult, time: WorkingTime = DEFAULT_WORKING_TIME): StackedBarData {
  const unit = timeUnitOf(result.variants.flatMap((v) => v.services.map((s) => finite(s.detectMean) + finite(s.waitMean) + finite(s.repairMean))), time);
  return {
    rows: result.variants.flatMap((v) =>
      v.services.map((s) => ({
        label: s.name,
        group: v.name,
        parts: [
          { key: 'detect', value: finite(s.detectMean) },
          { key: 'wait', value: finite(s.waitMean) },
          { key: 'repair', value: finite(s.repairMean) },
        ],
      })),
    ),
    partColors: TTR_PART_COLORS,
    groupOrder: result.variants.map((v) => v.name),
    xLabel: `mean time to restore, by part (${unit.name})`,
    formatValue: timeText(unit),
    unitHours: unit.hours,
  };
}

/** Where each person's time goes (work, handoffs, rework, review, incidents, pairing), per variant, in hours per replication. */
export function timeUseData(result: RunResult, time: WorkingTime = DEFAULT_WORKING_TIME): StackedBarData {
  const unit = timeUnitOf(result.variants.flatMap((v) => v.people.map((p) => Object.values(p.hours).reduce((a, b) => a + b, 0))), time);
  return {
    rows: result.variants.flatMap((v) => v.people.map((p) => ({ label: p.name, group: v.name, parts: Object.entries(p.hours).map(([key, value]) => ({ key, value })) }))),
    partColors: TIME_USE_COLORS,
    groupOrder: result.variants.map((v) => v.name),
    xLabel: `${unit.name} per replication`,
    formatValue: timeText(unit),
    unitHours: unit.hours,
  };
}

/**
 * A sensitivity sweep: the metric's mean against the dial, with its 95%
 * interval as the band, one line per structure. Times are in one unit for the
 * chart (by the largest value); `today` marks where the dial stands now.
 */
export function sweepChartData(lines: readonly SweepLine[], parameter: SweepParameter, metric: ScalarMetric, time: WorkingTime = DEFAULT_WORKING_TIME, today: number | null = null): BandData {
  const info = SWEEP_PARAMETERS[parameter];
  const metricInfo = METRIC_INFO[metric];
  const unit = metricInfo.unit === 'h' ? timeUnitOf(lines.flatMap((l) => l.points.map((p) => (Number.isFinite(p.high) ? p.high : p.mean))), time) : null;
  const k = unit ? unit.hours : 1;
  const times = lines[0]?.points.map((p) => p.value) ?? [];
  const inRange = (v: number) => times.length > 0 && v >= Math.min(...times) && v <= Math.max(...times);
  const format = (x: number) => ('whole' in info && !Number.isInteger(x) ? '' : `${Number(x.toPrecision(3))}${info.unit === 'x' ? '×' : info.unit === 'h' ? ' h' : ''}`);
  return {
    yLabel: `${metricInfo.label} (${unit ? unit.name : metricInfo.unit})`,
    hoursPerWeek: 40,
    xAxis: {
      label: info.label,
      // Dials that count (items, people) label only whole numbers.
      format,
    },
    bandLabel: '95% interval',
    ...(today !== null && Number.isFinite(today) ? { marker: { value: today, label: `today: ${format(today) || String(today)}${inRange(today) ? '' : ' (outside the range swept)'}` } } : {}),
    times,
    series: lines.map((l, i) => ({
      name: sweepLineName(l),
      color: seriesColor(i),
      p10: l.points.map((p) => (Number.isFinite(p.low) ? p.low : p.mean) / k),
      p50: l.points.map((p) => p.mean / k),
      p90: l.points.map((p) => (Number.isFinite(p.high) ? p.high : p.mean) / k),
    })),
  };
}

/** One place of the cumulative flow, with the mean items in it at each reading. */
export interface FlowLayer {
  name: string;
  color: string;
  values: number[];
}

/** A variant's cumulative flow diagram. */
export interface CumulativeFlowData {
  /** Bottom first: finished items, then the places from the last stage back to the first. */
  layers: FlowLayer[];
  /** Time of each reading (hours): the end of each slice of the window. */
  times: number[];
  /** The top of the y axis, shared by the variants shown side by side. */
  yMax: number;
  hoursPerWeek: number;
  /** The variant's name. */
  title: string;
}

/** Colour of finished items in the cumulative flow (neutral, so the places in progress stand out). */
export const DONE_COLOR = '#8a8f98';

/**
 * The cumulative flow diagram of each variant on one scale. Places empty in
 * every variant (no review, no WIP limit, an unused skill) are left out.
 */
export function flowChartData(result: RunResult, hoursPerWeek: number, window: MeasuredWindow): CumulativeFlowData[] {
  const first = result.variants[0];
  if (!first) return [];
  const points = first.flow.done.length;
  const used = first.flow.states.map((_, k) => result.variants.some((v) => v.flow.mean[k]?.some((x) => x > 0)));
  const times = Array.from({ length: points }, (_, i) => window.start + ((i + 1) * (window.end - window.start)) / Math.max(1, points));
  const layersOf = (v: RunResult['variants'][number]): FlowLayer[] => {
    const places = v.flow.states.map((st, k) => ({ name: st.name, color: seriesColor(k), values: v.flow.mean[k] ?? [] })).filter((_, k) => used[k]);
    // The places run from entry (held by the WIP limit) to exit (review): stack from the exit up.
    return [{ name: 'Finished', color: DONE_COLOR, values: v.flow.done }, ...places.reverse()];
  };
  const all = result.variants.map(layersOf);
  const top = (layers: FlowLayer[]) => Math.max(0, ...times.map((_, i) => layers.reduce((sum, l) => sum + (l.values[i] ?? 0), 0)));
  const yMax = Math.max(1, ...all.map(top));
  return result.variants.map((v, i) => ({ layers: all[i]!, times, yMax, hoursPerWeek, title: v.name }));
}
