import * as d3 from '../charts/d3';
import { elapsedAxisFormat, formatElapsed } from '../../../simulation/replay/elapsed';
import { mountChart } from '../charts/chartFrame';
import type { ChartController } from '../charts/useChart';

export interface RangeRow {
  label: string;
  actual: number;
  ranges: { name: string; color: string; p10: number; p50: number; p90: number; mean: number }[];
}

export interface RangeData {
  rows: RangeRow[];
  xLabel: string;
}

/**
 * Per incident: what really happened (a dark mark) against what each
 * structure gives in replay (its 10-90% range of replications as a bar, the
 * median as a tick, the mean as a dot). Hovering a row shows the figures.
 */
export function rangeChart(container: HTMLDivElement): ChartController<RangeData> {
  return mountChart<RangeData>(
    container,
    (frame, tip, data) => {
      const names = data.rows[0]?.ranges.map((r) => r.name) ?? [];
      const y0 = d3.scaleBand().domain(data.rows.map((r) => r.label)).range([0, frame.height]).paddingInner(0.3);
      const y1 = d3.scaleBand().domain(names).range([0, y0.bandwidth()]).padding(0.15);
      const maxX = d3.max(data.rows, (r) => Math.max(r.actual, ...r.ranges.map((x) => x.p90))) ?? 1;
      const x = d3.scaleLinear().domain([0, maxX || 1]).nice().range([0, frame.width]);
      const tick = elapsedAxisFormat(x.domain()[1]!);
      frame.svg.attr('aria-label', 'Time to restore per incident: recorded against replayed');
      frame.xAxis.call(d3.axisBottom(x).ticks(Math.max(2, frame.width / 90)).tickFormat((v) => tick(Number(v))));
      frame.yAxis.call(d3.axisLeft(y0).tickSizeOuter(0));
      frame.xLabel.text(data.xLabel);
      frame.yLabel.text('');
      frame.plot
        .selectAll<SVGGElement, RangeRow>('g.series')
        .data(data.rows, (r) => r.label)
        .join((enter) => {
          const g = enter.append('g').attr('class', 'series');
          g.append('rect').attr('class', 'row-hit');
          g.append('line').attr('class', 'actual-mark');
          return g;
        })
        .attr('transform', (r) => `translate(0,${y0(r.label) ?? 0})`)
        .each(function (r) {
          const g = d3.select(this);
          g.select('rect.row-hit').attr('x', 0).attr('width', frame.width).attr('height', y0.bandwidth()).attr('fill', 'transparent');
          g.selectAll<SVGGElement, RangeRow['ranges'][number]>('g.range')
            .data(r.ranges, (v) => v.name)
            .join((enter) => {
              const v = enter.append('g').attr('class', 'range');
              v.append('rect');
              v.append('line');
              v.append('circle');
              return v;
            })
            .attr('transform', (v) => `translate(0,${y1(v.name) ?? 0})`)
            .each(function (v) {
              const h = y1.bandwidth();
              const s = d3.select(this);
              s.select('rect').attr('x', x(v.p10)).attr('width', Math.max(2, x(v.p90) - x(v.p10))).attr('y', 0).attr('height', h).attr('fill', v.color).attr('fill-opacity', 0.35).attr('rx', 2);
              s.select('line').attr('x1', x(v.p50)).attr('x2', x(v.p50)).attr('y1', 0).attr('y2', h).attr('stroke', v.color).attr('stroke-width', 2);
              s.select('circle').attr('cx', x(v.mean)).attr('cy', h / 2).attr('r', Math.min(3.5, h / 2)).attr('fill', v.color);
            });
          g.select('line.actual-mark').attr('x1', x(r.actual)).attr('x2', x(r.actual)).attr('y1', -2).attr('y2', y0.bandwidth() + 2);
        })
        .on('pointermove', (event: PointerEvent, r) =>
          tip.show(event, [r.label, `recorded: ${formatElapsed(r.actual)}`, ...r.ranges.map((v) => `${v.name}: median ${formatElapsed(v.p50)} (10-90%: ${formatElapsed(v.p10)}-${formatElapsed(v.p90)}), mean ${formatElapsed(v.mean)}`)]),
        )
        .on('pointerleave', () => tip.hide());
    },
    { top: 8, right: 20, bottom: 40, left: 220 },
  );
}
