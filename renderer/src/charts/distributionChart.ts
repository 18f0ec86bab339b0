import * as d3 from './d3';
import { markerLabelRows, type DistributionData, type DistributionSeries } from '../../../simulation/report/chartData';
import { num } from '../../../simulation/report/format';
import { mountChart } from './chartFrame';
import type { ChartController } from './useChart';

/**
 * A distribution per variant, overlaid: as a histogram (share of items per
 * bin) or as a cumulative curve (share done within x), with its p50, p85 and
 * p95 marked. Hovering shows the values under the pointer.
 */
export function distributionChart(container: HTMLDivElement): ChartController<DistributionData> {
  return mountChart<DistributionData>(
    container,
    (frame, tip, data) => {
    const all = data.series.flatMap((s) => s.bins);
    const maxX = d3.max(all, (b) => b.x1) ?? 1;
    // The axis runs in the figure's time unit, so ticks fall on 1, 2 or 5 of it; the bins are in hours.
    const k = data.unit.hours;
    const xu = d3.scaleLinear().domain([0, maxX / k]).nice().range([0, frame.width]);
    const x = Object.assign((h: number) => xu(h / k), { invert: (px: number) => xu.invert(px) * k });
    const at = (h: number) => `${num(h / k)} ${data.unit.short}`;
    const shares = data.series.map((s) => {
      const total = d3.sum(s.bins, (b) => b.count) || 1;
      let acc = 0;
      return s.bins.map((b) => ({ ...b, share: b.count / total, cum: (acc += b.count) / total }));
    });
    const yMax = data.mode === 'cdf' ? 1 : (d3.max(shares.flat(), (b) => b.share) ?? 1);
    const y = d3.scaleLinear().domain([0, yMax]).nice().range([frame.height, 0]);
    frame.svg.attr('aria-label', `${data.mode === 'cdf' ? 'Cumulative distribution' : 'Histogram'} of ${data.xLabel}`);
    frame.xAxis.call(d3.axisBottom(xu).ticks(Math.max(2, frame.width / 90)));
    frame.yAxis.call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%')));
    frame.xLabel.text(data.xLabel);
    frame.yLabel.text(data.mode === 'cdf' ? 'share done within' : 'share of items');

    const labelRows = markerLabelRows(data.series.map((s) => s.markers.map((m) => x(m.value))));
    frame.plot
      .selectAll<SVGGElement, DistributionSeries>('g.series')
      .data(data.series, (s) => s.name)
      .join('g')
      .attr('class', 'series')
      .each(function (s, i) {
        const g = d3.select(this);
        const bins = shares[i]!;
        if (data.mode === 'histogram') {
          g.selectAll('path.line').remove();
          g.selectAll<SVGRectElement, (typeof bins)[number]>('rect')
            .data(bins)
            .join('rect')
            .attr('x', (b) => x(b.x0))
            .attr('width', (b) => Math.max(1, x(b.x1) - x(b.x0) - 1))
            .attr('y', (b) => y(b.share))
            .attr('height', (b) => frame.height - y(b.share))
            .attr('fill', s.color)
            .attr('fill-opacity', 0.45);
        } else {
          g.selectAll('rect').remove();
          const line = d3
            .line<(typeof bins)[number]>()
            .x((b) => x(b.x1))
            .y((b) => y(b.cum))
            .curve(d3.curveStepBefore);
          g.selectAll('path.line').data([bins]).join('path').attr('class', 'line').attr('d', line).attr('fill', 'none').attr('stroke', s.color).attr('stroke-width', 2);
        }
        g.selectAll<SVGGElement, { label: string; value: number }>('g.marker')
          .data(s.markers, (m) => m.label)
          .join((enter) => {
            const m = enter.append('g').attr('class', 'marker');
            m.append('line');
            m.append('text');
            return m;
          })
          .attr('transform', (m) => `translate(${x(m.value)},0)`)
          .call((m) => m.select('line').attr('y1', 0).attr('y2', frame.height).attr('stroke', s.color).attr('stroke-dasharray', '4 3'))
          .call((m) =>
            m
              .select('text')
              .attr('y', (_, k) => labelRows[i]![k]!)
              .attr('x', 3)
              .attr('fill', s.color)
              .attr('class', 'marker-label')
              .text((d) => d.label),
          );
      });

    frame.svg.on('pointermove', (event: PointerEvent) => {
      const [px] = d3.pointer(event, frame.plot.node());
      const hours = x.invert(px);
      if (hours < 0 || hours > maxX) return tip.hide();
      const lines = data.series.map((s, i) => {
        const bin = shares[i]!.find((b) => hours >= b.x0 && hours < b.x1);
        const cum = shares[i]!.filter((b) => b.x1 <= hours).at(-1)?.cum ?? 0;
        return data.mode === 'cdf' ? `${s.name}: ${(cum * 100).toFixed(0)}% within ${at(hours)}` : `${s.name}: ${((bin?.share ?? 0) * 100).toFixed(1)}% at ${at(hours)}`;
      });
      tip.show(event, lines);
    });
    frame.svg.on('pointerleave', () => tip.hide());
    },
  );
}
