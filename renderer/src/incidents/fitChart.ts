import * as d3 from '../charts/d3';
import { lognormalCdf, type LognormalFit } from '../../../simulation/replay/calibration';
import { formatHours } from '../../../simulation/report/format';
import { mountChart } from '../charts/chartFrame';
import type { ChartController } from '../charts/useChart';

export interface FitData {
  /** Sorted repair times (hours, > 0). */
  durations: number[];
  fit: LognormalFit;
  color: string;
}

/**
 * A fitted lognormal against the data it was fitted to: the empirical
 * cumulative distribution as steps and the fit as a smooth curve, on a log
 * time axis (where a lognormal is an S of a normal).
 */
export function fitChart(container: HTMLDivElement): ChartController<FitData> {
  return mountChart<FitData>(
    container,
    (frame, tip, data) => {
      const lo = Math.max(1 / 60, (data.durations[0] ?? 0.1) / 1.5);
      const hi = Math.max(lo * 10, (data.durations[data.durations.length - 1] ?? 1) * 1.5);
      const x = d3.scaleLog().domain([lo, hi]).range([0, frame.width]);
      const y = d3.scaleLinear().domain([0, 1]).range([frame.height, 0]);
      frame.svg.attr('aria-label', 'Repair times: data against the fitted lognormal');
      // Doublings from a quarter of an hour: a log axis's own ticks (1-9 in each decade) crowd a small chart.
      const doublings = d3.range(-2, 12).map((k) => 2 ** k).filter((v) => v >= lo && v <= hi);
      const every = Math.ceil(doublings.length / Math.max(2, Math.floor(frame.width / 60)));
      frame.xAxis.call(d3.axisBottom(x).tickValues(doublings.filter((_, i) => i % every === 0)).tickFormat((v) => formatHours(Number(v))));
      frame.yAxis.call(d3.axisLeft(y).ticks(4).tickFormat(d3.format('.0%')));
      frame.xLabel.text('repair time (log scale)');
      frame.yLabel.text('share within');
      const n = data.durations.length;
      // At most a few hundred steps: a path of 25,000 points looks the same and costs the page a long task.
      const stride = Math.max(1, Math.floor(n / 400));
      const steps = data.durations.filter((_, i) => i % stride === stride - 1 || i === n - 1).map((d) => [d, (d3.bisectRight(data.durations, d)) / n] as const);
      const curve = d3.range(0, 101).map((i) => {
        const v = lo * (hi / lo) ** (i / 100);
        return [v, lognormalCdf(data.fit, v)] as const;
      });
      frame.plot
        .selectAll('path.data')
        .data([steps])
        .join('path')
        .attr('class', 'data series')
        .attr('d', d3.line<readonly [number, number]>().x((p) => x(p[0])).y((p) => y(p[1])).curve(d3.curveStepAfter))
        .attr('fill', 'none')
        .attr('stroke', data.color)
        .attr('stroke-width', 2);
      frame.plot
        .selectAll('path.fit')
        .data([curve])
        .join('path')
        .attr('class', 'fit series')
        .attr('d', d3.line<readonly [number, number]>().x((p) => x(p[0])).y((p) => y(p[1])))
        .attr('fill', 'none')
        .attr('stroke-dasharray', '5 3')
        .attr('stroke-width', 1.5);
      frame.svg.on('pointermove', (event: PointerEvent) => {
        const [px] = d3.pointer(event, frame.plot.node());
        const v = x.invert(px);
        const within = d3.bisectRight(data.durations, v) / Math.max(1, n);
        tip.show(event, [`within ${formatHours(v)}`, `data: ${(within * 100).toFixed(0)}%`, `fit: ${(lognormalCdf(data.fit, v) * 100).toFixed(0)}%`]);
      });
      frame.svg.on('pointerleave', () => tip.hide());
    },
    { top: 8, right: 12, bottom: 40, left: 56 },
  );
}
