import * as d3 from './d3';
import type { StackedBarRow, StackedBarData } from '../../../simulation/report/chartData';
import { mountChart } from './chartFrame';
import type { ChartController } from './useChart';

/**
 * Horizontal bars, one per (category, variant), each split into parts (time
 * to restore into detect / wait / repair, a person's time into work, handoffs,
 * rework, incidents). Hovering a bar shows its parts.
 */
export function stackedBarChart(container: HTMLDivElement): ChartController<StackedBarData> {
  return mountChart<StackedBarData>(
    container,
    (frame, tip, data) => {
    const labels = [...new Set(data.rows.map((r) => r.label))];
    const y0 = d3.scaleBand().domain(labels).range([0, frame.height]).paddingInner(0.25);
    const y1 = d3.scaleBand().domain(data.groupOrder).range([0, y0.bandwidth()]).padding(0.08);
    const maxX = d3.max(data.rows, (r) => d3.sum(r.parts, (p) => p.value)) ?? 1;
    // The axis runs in the value's unit (a working day, a week), so its ticks fall on round numbers of it; the values are hours.
    const k = data.unitHours ?? 1;
    const xu = d3.scaleLinear().domain([0, (maxX || 1) / k]).nice().range([0, frame.width]);
    const x = (v: number) => xu(v / k);
    frame.svg.attr('aria-label', data.xLabel);
    frame.xAxis.call(d3.axisBottom(xu).ticks(Math.max(2, frame.width / 90)).tickFormat((v) => (data.unitHours ? String(v) : data.formatValue(Number(v)))));
    frame.yAxis.call(d3.axisLeft(y0).tickSizeOuter(0));
    // A long name is shortened to fit the margin, and read whole on hover.
    frame.yAxis.selectAll<SVGTextElement, string>('.tick text').each(function (name) {
      const text = d3.select(this);
      text.text(name.length > 24 ? `${name.slice(0, 23)}…` : name);
      text.selectAll('title').data([name]).join('title').text((n) => n);
    });
    frame.xLabel.text(data.xLabel);
    frame.yLabel.text('');
    frame.plot
      .selectAll<SVGGElement, StackedBarRow>('g.series')
      .data(data.rows, (r) => `${r.label}\u0000${r.group}`)
      .join('g')
      .attr('class', 'series')
      .attr('transform', (r) => `translate(0,${(y0(r.label) ?? 0) + (y1(r.group) ?? 0)})`)
      .each(function (r) {
        let acc = 0;
        const segments = r.parts.map((p) => {
          const seg = { ...p, from: acc };
          acc += p.value;
          return seg;
        });
        d3.select(this)
          .selectAll<SVGRectElement, (typeof segments)[number]>('rect')
          .data(segments, (s) => s.key)
          .join('rect')
          .attr('x', (s) => x(s.from))
          .attr('width', (s) => Math.max(0, x(s.from + s.value) - x(s.from)))
          .attr('height', y1.bandwidth())
          .attr('fill', (s) => data.partColors[s.key] ?? '#888')
          .on('pointermove', (event: PointerEvent) => tip.show(event, [`${r.label} · ${r.group}`, ...r.parts.map((p) => `${p.key}: ${data.formatValue(p.value)}`)]))
          .on('pointerleave', () => tip.hide());
      });
    },
    { top: 8, right: 20, bottom: 40, left: 150 },
  );
}
