import * as d3 from './d3';
import { mountChart } from './chartFrame';
import type { CumulativeFlowData } from '../../../simulation/report/chartData';
import type { ChartController } from './useChart';

/**
 * A cumulative flow diagram: items finished since the start of the window at
 * the bottom, then the items in each place stacked on it, so the top edge is
 * every item that has arrived. A widening band is a queue building up in
 * that place; the slope of the bottom edge is throughput.
 */
export function cumulativeFlowChart(container: HTMLDivElement): ChartController<CumulativeFlowData> {
  return mountChart<CumulativeFlowData>(
    container,
    (frame, tip, data) => {
      // Ticks fall on whole weeks: the scale runs in weeks, the data in hours.
      const weeks = d3
        .scaleLinear()
        .domain((d3.extent(data.times) as [number, number]).map((h) => h / data.hoursPerWeek))
        .range([0, frame.width]);
      const x = (hours: number) => weeks(hours / data.hoursPerWeek);
      const y = d3.scaleLinear().domain([0, Math.max(1, data.yMax)]).nice().range([frame.height, 0]);
      frame.svg.attr('aria-label', `${data.title}: cumulative flow`);
      // Whole weeks only: a tick at week 2.5 would read "3".
      frame.xAxis.call(d3.axisBottom(weeks).tickValues(weeks.ticks(Math.max(2, frame.width / 70)).filter(Number.isInteger)).tickFormat(d3.format('d')));
      frame.yAxis.call(d3.axisLeft(y).ticks(5));
      frame.xLabel.text('working week');
      frame.yLabel.text('items (cumulative)');
      const stacked = d3
        .stack<number, number>()
        .keys(data.layers.map((_, k) => k))
        .value((i, k) => data.layers[k]!.values[i] ?? 0)(d3.range(data.times.length));
      const area = d3
        .area<d3.SeriesPoint<number>>()
        .x((p) => x(data.times[p.data]!))
        .y0((p) => y(p[0]))
        .y1((p) => y(p[1]))
        .curve(d3.curveMonotoneX);
      frame.plot
        .selectAll<SVGPathElement, d3.Series<number, number>>('path.layer')
        .data(stacked)
        .join('path')
        .attr('class', 'layer')
        .attr('d', area)
        .attr('fill', (s) => data.layers[s.key]!.color)
        .attr('fill-opacity', 0.85)
        .attr('stroke', (s) => data.layers[s.key]!.color)
        .attr('stroke-width', 0.5);
      const cursor = frame.plot
        .selectAll<SVGLineElement, null>('line.cursor')
        .data([null])
        .join('line')
        .attr('class', 'cursor')
        .attr('y1', 0)
        .attr('y2', frame.height)
        .attr('opacity', 0);
      frame.svg.on('pointermove', (event: PointerEvent) => {
        const [px] = d3.pointer(event, frame.plot.node());
        const t = weeks.invert(px) * data.hoursPerWeek;
        const i = d3.leastIndex(data.times, (a, b) => Math.abs(a - t) - Math.abs(b - t)) ?? 0;
        cursor.attr('x1', x(data.times[i]!)).attr('x2', x(data.times[i]!)).attr('opacity', 1);
        // Top of the stack first, as the layers read from top to bottom.
        const lines = [...data.layers].reverse().map((l) => `${l.name}: ${l.values[i]!.toFixed(1)}`);
        tip.show(event, [`${data.title}, week ${Math.round(data.times[i]! / data.hoursPerWeek)} (mean items)`, ...lines]);
      });
      frame.svg.on('pointerleave', () => {
        cursor.attr('opacity', 0);
        tip.hide();
      });
    },
    { top: 12, right: 16, bottom: 44, left: 52 },
  );
}
