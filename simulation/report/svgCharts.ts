/**
 * The results screen's charts as SVG text, for reports: the same data
 * (chartData.ts), scales and colours as the d3 controllers in the renderer,
 * drawn once at a fixed size with no interaction.
 */
import { extent, max, sum } from 'd3-array';
import { format as d3format } from 'd3-format';
import { scaleBand, scaleLinear } from 'd3-scale';
import { area, curveMonotoneX, curveStepBefore, line, stack, type SeriesPoint } from 'd3-shape';
import { markerLabelRows, type BandData, type CumulativeFlowData, type DistributionData, type StackedBarData } from './chartData';
import { hoursAxisFormat } from './format';
import { attrs, axisBand, axisBottom, axisLeft, esc, r, svgChart, type Margins } from './svg';

const percent = d3format('.0%');

/** A distribution per variant, as a histogram (share per bin) or a cumulative curve, with its percentiles marked. */
export function distributionSvg(data: DistributionData, o: { width: number; height: number; label: string; testId?: string }): string {
  const margins: Margins = { top: 14, right: 16, bottom: 40, left: 50 };
  const w = o.width - margins.left - margins.right;
  const h = o.height - margins.top - margins.bottom;
  const maxX = max(data.series.flatMap((s) => s.bins), (b) => b.x1) ?? 1;
  const x = scaleLinear().domain([0, maxX]).nice().range([0, w]);
  const shares = data.series.map((s) => {
    const total = sum(s.bins, (b) => b.count) || 1;
    let acc = 0;
    return s.bins.map((b) => ({ ...b, share: b.count / total, cum: (acc += b.count) / total }));
  });
  const yMax = data.mode === 'cdf' ? 1 : (max(shares.flat(), (b) => b.share) ?? 1);
  const y = scaleLinear().domain([0, yMax || 1]).nice().range([h, 0]);
  const tick = hoursAxisFormat(x.domain()[1]!);
  const labelRows = markerLabelRows(data.series.map((s) => s.markers.map((m) => x(m.value))));
  const series = data.series.map((s, i) => {
    const bins = shares[i]!;
    const marks =
      data.mode === 'histogram'
        ? bins
            .filter((b) => b.share > 0)
            .map((b) => `<rect${attrs({ x: x(b.x0), y: y(b.share), width: Math.max(0.5, x(b.x1) - x(b.x0) - 0.6), height: h - y(b.share) })}/>`)
            .join('')
        : `<path fill="none" stroke="${s.color}" stroke-width="2" d="${
            line<(typeof bins)[number]>()
              .x((b) => x(b.x1))
              .y((b) => y(b.cum))
              .curve(curveStepBefore)
              .digits(1)(bins) ?? ''
          }"/>`;
    const markers = s.markers
      .map(
        (m, k) =>
          `<g class="marker" transform="translate(${r(x(m.value))},0)"><line y1="0" y2="${r(h)}" stroke="${s.color}" stroke-dasharray="4 3"/><text x="3" y="${labelRows[i]![k]}" fill="${s.color}" font-size="10" font-weight="600">${esc(m.label)}</text></g>`,
      )
      .join('');
    const fill = data.mode === 'histogram' ? ` fill="${s.color}" fill-opacity="0.45"` : '';
    return `<g class="series"${fill}>${marks}${markers}</g>`;
  });
  const body = axisLeft(y, w, 5, (v) => percent(v)) + axisBottom(x, h, Math.max(2, Math.floor(w / 80)), tick) + series.join('');
  return svgChart({ ...o, margins, xLabel: data.xLabel, yLabel: data.mode === 'cdf' ? 'share done within' : 'share of items', body });
}

/** A quantity across replications: the median as a line and its band (10-90% of replications, or a 95% interval), one per variant. */
export function bandSvg(data: BandData, o: { width: number; height: number; label: string; testId?: string }): string {
  const margins: Margins = { top: 14, right: 16, bottom: 40, left: 50 };
  const w = o.width - margins.left - margins.right;
  const h = o.height - margins.top - margins.bottom;
  // Over time the scale runs in weeks (ticks on whole weeks), as on the results screen; the data is in hours.
  const unit = data.xAxis ? 1 : data.hoursPerWeek;
  const [t0, t1] = extent(data.times, (t) => t / unit) as [number | undefined, number | undefined];
  const scale = scaleLinear()
    .domain([t0 ?? 0, t1 === t0 ? (t0 ?? 0) + 1 : (t1 ?? 1)])
    .range([0, w]);
  const x = (t: number) => scale(t / unit);
  const yMax = max(data.series.flatMap((s) => s.p90.filter(Number.isFinite))) ?? 1;
  const y = scaleLinear().domain([0, Math.max(1, yMax)]).nice().range([h, 0]);
  const xText = data.xAxis?.format ?? ((v: number) => (Number.isInteger(v) ? String(v) : ''));
  const series = data.series.map((s) => {
    const band = area<number>()
      .x((_, i) => x(data.times[i]!))
      .y0((_, i) => y(s.p10[i] ?? 0))
      .y1((v) => y(v))
      .curve(curveMonotoneX)
      .digits(1)(s.p90);
    const median = line<number>()
      .x((_, i) => x(data.times[i]!))
      .y((v) => y(v))
      .curve(curveMonotoneX)
      .digits(1)(s.p50);
    const dots = data.xAxis ? s.p50.map((v, i) => `<circle cx="${r(x(data.times[i]!))}" cy="${r(y(v))}" r="2.5" fill="${s.color}"/>`).join('') : '';
    return `<g class="series"><path d="${band ?? ''}" fill="${s.color}" fill-opacity="0.18" stroke="none"/><path d="${median ?? ''}" fill="none" stroke="${s.color}" stroke-width="2"/>${dots}</g>`;
  });
  const body = axisLeft(y, w, 5, (v) => String(v)) + axisBottom(scale, h, Math.max(2, Math.floor(w / 80)), xText) + series.join('');
  return svgChart({ ...o, margins, xLabel: data.xAxis?.label ?? 'week', yLabel: data.yLabel, body });
}

/** A variant's cumulative flow diagram: finished items at the bottom, each place in progress stacked on them. */
export function flowSvg(data: CumulativeFlowData, o: { width: number; height: number; label: string; testId?: string }): string {
  const margins: Margins = { top: 14, right: 16, bottom: 40, left: 50 };
  const w = o.width - margins.left - margins.right;
  const h = o.height - margins.top - margins.bottom;
  const [t0, t1] = extent(data.times, (t) => t / data.hoursPerWeek) as [number | undefined, number | undefined];
  const weeks = scaleLinear()
    .domain([t0 ?? 0, t1 === t0 ? (t0 ?? 0) + 1 : (t1 ?? 1)])
    .range([0, w]);
  const y = scaleLinear().domain([0, Math.max(1, data.yMax)]).nice().range([h, 0]);
  const layers = stack<number, number>()
    .keys(data.layers.map((_, k) => k))
    .value((i, k) => data.layers[k]!.values[i] ?? 0)(data.times.map((_, i) => i));
  const shape = area<SeriesPoint<number>>()
    .x((p) => weeks(data.times[p.data]! / data.hoursPerWeek))
    .y0((p) => y(p[0]))
    .y1((p) => y(p[1]))
    .curve(curveMonotoneX)
    .digits(1);
  const paths = layers.map((l) => `<path class="layer" d="${shape(l) ?? ''}" fill="${data.layers[l.key]!.color}" fill-opacity="0.85" stroke="${data.layers[l.key]!.color}" stroke-width="0.5"/>`);
  const body = axisLeft(y, w, 5, (v) => String(v)) + axisBottom(weeks, h, Math.max(2, Math.floor(w / 70)), (v) => (Number.isInteger(v) ? String(v) : '')) + paths.join('');
  return svgChart({ ...o, margins, xLabel: 'week', yLabel: 'items (cumulative)', body });
}

/** Horizontal bars, one per (category, variant), each split into its parts; the variant is named at the bar's end. */
export function stackedBarSvg(data: StackedBarData, o: { width: number; label: string; testId?: string; rowHeight?: number }): string {
  const labels = [...new Set(data.rows.map((row) => row.label))];
  const groups = data.groupOrder.length;
  const rowHeight = o.rowHeight ?? 13;
  const margins: Margins = { top: 8, right: 110, bottom: 40, left: 150 };
  const height = margins.top + margins.bottom + Math.max(1, labels.length) * (groups * rowHeight + 10);
  const w = o.width - margins.left - margins.right;
  const h = height - margins.top - margins.bottom;
  const y0 = scaleBand().domain(labels).range([0, h]).paddingInner(0.2);
  const y1 = scaleBand().domain(data.groupOrder).range([0, y0.bandwidth()]).padding(0.08);
  const maxX = max(data.rows, (row) => sum(row.parts, (p) => p.value)) ?? 1;
  const x = scaleLinear().domain([0, maxX || 1]).nice().range([0, w]);
  const bars = data.rows.map((row) => {
    let acc = 0;
    const rects = row.parts
      .map((p) => {
        const from = acc;
        acc += p.value;
        const width = x(from + p.value) - x(from);
        return width > 0 ? `<rect${attrs({ x: x(from), width, height: y1.bandwidth(), fill: data.partColors[p.key] ?? '#888888' })}><title>${esc(`${row.label} · ${row.group} · ${p.key}: ${data.formatValue(p.value)}`)}</title></rect>` : '';
      })
      .join('');
    const total = `<text x="${r(x(acc) + 4)}" y="${r(y1.bandwidth() / 2)}" dy="0.32em" font-size="9" fill="#57606a">${esc(`${data.formatValue(acc)} · ${row.group}`)}</text>`;
    return `<g class="series" transform="translate(0,${r((y0(row.label) ?? 0) + (y1(row.group) ?? 0))})">${rects}${total}</g>`;
  });
  const body = axisBottom(x, h, Math.max(2, Math.floor(w / 80)), data.formatValue) + axisBand(y0, 24) + bars.join('');
  return svgChart({ width: o.width, height, margins, label: o.label, testId: o.testId, xLabel: data.xLabel, yLabel: '', body });
}
