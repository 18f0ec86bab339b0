/**
 * The results screen's charts as SVG text, for reports: the same data
 * (chartData.ts), scales (plot.ts) and colours as the d3 controllers in the renderer,
 * drawn once at a fixed size with no interaction.
 */
import { markerLabelRows, type BandData, type CumulativeFlowData, type DistributionData, type StackedBarData } from './chartData';
import { areaPath, bandScale, linearScale, linePath, maxOf, nice, percent, stepBeforePath, sum } from './plot';
import { attrs, axisBand, axisBottom, axisLeft, esc, r, svgChart, type Margins } from './svg';


/** A distribution per variant, as a histogram (share per bin) or a cumulative curve, with its percentiles marked. */
export function distributionSvg(data: DistributionData, o: { width: number; height: number; label: string; testId?: string }): string {
  const margins: Margins = { top: 14, right: 16, bottom: 40, left: 50 };
  const w = o.width - margins.left - margins.right;
  const h = o.height - margins.top - margins.bottom;
  const maxX = maxOf(data.series.flatMap((s) => s.bins.map((b) => b.x1))) ?? 1;
  // The axis runs in the figure's time unit, so its ticks fall on 1, 2 or 5 of that unit; the bins are in hours.
  const k = data.unit.hours;
  const xu = linearScale(nice(0, maxX / k), [0, w]);
  const x = (hours: number) => xu(hours / k);
  const shares = data.series.map((s) => {
    const total = sum(s.bins.map((b) => b.count)) || 1;
    let acc = 0;
    return s.bins.map((b) => ({ ...b, share: b.count / total, cum: (acc += b.count) / total }));
  });
  const yMax = data.mode === 'cdf' ? 1 : (maxOf(shares.flat().map((b) => b.share)) ?? 1);
  const y = linearScale(nice(0, yMax || 1), [h, 0]);
  const labelRows = markerLabelRows(data.series.map((s) => s.markers.map((m) => x(m.value))));
  const series = data.series.map((s, i) => {
    const bins = shares[i]!;
    const marks =
      data.mode === 'histogram'
        ? bins
            .filter((b) => b.share > 0)
            .map((b) => `<rect${attrs({ x: x(b.x0), y: y(b.share), width: Math.max(0.5, x(b.x1) - x(b.x0) - 0.6), height: h - y(b.share) })}/>`)
            .join('')
        : `<path fill="none" stroke="${s.color}" stroke-width="2" d="${stepBeforePath(bins.map((b) => [x(b.x1), y(b.cum)]))}"/>`;
    const markers = s.markers
      .map(
        (m, k) =>
          `<g class="marker" transform="translate(${r(x(m.value))},0)"><line y1="0" y2="${r(h)}" stroke="${s.color}" stroke-dasharray="4 3"/><text x="3" y="${labelRows[i]![k]}" fill="${s.color}" font-size="10" font-weight="600">${esc(m.label)}</text></g>`,
      )
      .join('');
    const fill = data.mode === 'histogram' ? ` fill="${s.color}" fill-opacity="0.45"` : '';
    return `<g class="series"${fill}>${marks}${markers}</g>`;
  });
  const body = axisLeft(y, w, 5, (v) => percent(v)) + axisBottom(xu, h, Math.max(2, Math.floor(w / 80)), (v) => String(v)) + series.join('');
  return svgChart({ ...o, margins, xLabel: data.xLabel, yLabel: data.mode === 'cdf' ? 'share done within' : 'share of items', body });
}

/** A quantity across replications: the median as a line and its band (10-90% of replications, or a 95% interval), one per variant. */
export function bandSvg(data: BandData, o: { width: number; height: number; label: string; testId?: string }): string {
  const margins: Margins = { top: 14, right: 16, bottom: 40, left: 50 };
  const w = o.width - margins.left - margins.right;
  const h = o.height - margins.top - margins.bottom;
  // Over time the scale runs in weeks (ticks on whole weeks), as on the results screen; the data is in hours.
  const unit = data.xAxis ? 1 : data.hoursPerWeek;
  const scale = linearScale(timeDomain(data.times.map((t) => t / unit)), [0, w]);
  const x = (t: number) => scale(t / unit);
  const yMax = maxOf(data.series.flatMap((s) => s.p90)) ?? 1;
  const y = linearScale(nice(0, Math.max(1, yMax)), [h, 0]);
  const xText = data.xAxis?.format ?? ((v: number) => (Number.isInteger(v) ? String(v) : ''));
  const series = data.series.map((s) => {
    const xs = data.times.map(x);
    const band = areaPath(xs, s.p10.map(y), s.p90.map(y));
    const median = linePath(xs.map((px, i) => [px, y(s.p50[i]!)]));
    const dots = data.xAxis ? s.p50.map((v, i) => `<circle cx="${r(x(data.times[i]!))}" cy="${r(y(v))}" r="2.5" fill="${s.color}"/>`).join('') : '';
    return `<g class="series"><path d="${band}" fill="${s.color}" fill-opacity="0.18" stroke="none"/><path d="${median}" fill="none" stroke="${s.color}" stroke-width="2"/>${dots}</g>`;
  });
  const marker = data.marker && data.marker.value / unit >= scale.domain[0] && data.marker.value / unit <= scale.domain[1]
    ? `<g class="marker today" transform="translate(${r(x(data.marker.value))},0)"><line y1="0" y2="${r(h)}" stroke="#57606a" stroke-dasharray="4 3"/><text x="3" y="10" font-size="10" font-weight="600" fill="#57606a">${esc(data.marker.label)}</text></g>`
    : '';
  const body = axisLeft(y, w, 5, (v) => String(v)) + axisBottom(scale, h, Math.max(2, Math.floor(w / 80)), xText) + series.join('') + marker;
  return svgChart({ ...o, margins, xLabel: data.xAxis?.label ?? 'working week', yLabel: data.yLabel, body });
}

/** A variant's cumulative flow diagram: finished items at the bottom, each place in progress stacked on them. */
export function flowSvg(data: CumulativeFlowData, o: { width: number; height: number; label: string; testId?: string }): string {
  const margins: Margins = { top: 14, right: 16, bottom: 40, left: 50 };
  const w = o.width - margins.left - margins.right;
  const h = o.height - margins.top - margins.bottom;
  const weeks = linearScale(timeDomain(data.times.map((t) => t / data.hoursPerWeek)), [0, w]);
  const y = linearScale(nice(0, Math.max(1, data.yMax)), [h, 0]);
  const xs = data.times.map((t) => weeks(t / data.hoursPerWeek));
  // Stacked from the bottom: each layer between the running total before it and after it.
  let below = data.times.map(() => 0);
  const paths = data.layers.map((layer) => {
    const above = below.map((b, i) => b + (layer.values[i] ?? 0));
    const d = areaPath(xs, below.map(y), above.map(y));
    below = above;
    return `<path class="layer" d="${d}" fill="${layer.color}" fill-opacity="0.85" stroke="${layer.color}" stroke-width="0.5"/>`;
  });
  const body = axisLeft(y, w, 5, (v) => String(v)) + axisBottom(weeks, h, Math.max(2, Math.floor(w / 70)), (v) => (Number.isInteger(v) ? String(v) : '')) + paths.join('');
  return svgChart({ ...o, margins, xLabel: 'working week', yLabel: 'items (cumulative)', body });
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
  const y0 = bandScale(labels, [0, h], 0.2);
  const y1 = bandScale(data.groupOrder, [0, y0.bandwidth], 0.08, 0.08);
  const maxX = maxOf(data.rows.map((row) => sum(row.parts.map((p) => p.value)))) ?? 1;
  // Ticks on round numbers of the value's unit (a working day, a week), the values being hours.
  const k = data.unitHours ?? 1;
  const xu = linearScale(nice(0, (maxX || 1) / k), [0, w]);
  const x = (v: number) => xu(v / k);
  const bars = data.rows.map((row) => {
    let acc = 0;
    const rects = row.parts
      .map((p) => {
        const from = acc;
        acc += p.value;
        const width = x(from + p.value) - x(from);
        return width > 0 ? `<rect${attrs({ x: x(from), width, height: y1.bandwidth, fill: data.partColors[p.key] ?? '#888888' })}><title>${esc(`${row.label} · ${row.group} · ${p.key}: ${data.formatValue(p.value)}`)}</title></rect>` : '';
      })
      .join('');
    const total = `<text x="${r(x(acc) + 4)}" y="${r(y1.bandwidth / 2)}" dy="0.32em" font-size="9" fill="#57606a">${esc(`${data.formatValue(acc)} · ${row.group}`)}</text>`;
    return `<g class="series" transform="translate(0,${r(y0(row.label) + y1(row.group))})">${rects}${total}</g>`;
  });
  const body = axisBottom(xu, h, Math.max(2, Math.floor(w / 80)), (v) => (data.unitHours ? String(v) : data.formatValue(v))) + axisBand(y0, 24) + bars.join('');
  return svgChart({ width: o.width, height, margins, label: o.label, testId: o.testId, xLabel: data.xLabel, yLabel: '', body });
}

/** A time axis's domain over the data (one unit wide when there is a single time). */
function timeDomain(times: readonly number[]): [number, number] {
  const finite = times.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return [lo, hi === lo ? lo + 1 : hi];
}
