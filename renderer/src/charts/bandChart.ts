import * as d3 from './d3';
import type { BandData } from '../../../simulation/report/chartData';
import { drawBandSeries } from './bandSeries';
import { mountChart } from './chartFrame';
import type { ChartController } from './useChart';

/**
 * A quantity over time across replications: the median as a line and the
 * 10-90% range as a band, one per variant. Hovering shows the values at that
 * time.
 */
export function bandChart(container: HTMLDivElement): ChartController<BandData> {
  return mountChart<BandData>(
    container,
    (frame, tip, data) => {
    // Over time the scale runs in weeks (ticks on whole weeks); the data is in hours.
    const unit = data.xAxis ? 1 : data.hoursPerWeek;
    const scale = d3
      .scaleLinear()
      .domain((d3.extent(data.times) as [number, number]).map((t) => t / unit))
      .range([0, frame.width]);
    const x = (t: number) => scale(t / unit);
    const yMax = d3.max(data.series.flatMap((s) => s.p90)) ?? 1;
    const y = d3.scaleLinear().domain([0, Math.max(1, yMax)]).nice().range([frame.height, 0]);
    frame.svg.attr('aria-label', `${data.yLabel} over time`);
    const ticks = d3.axisBottom(scale).ticks(Math.max(2, frame.width / 90));
    // Over time, whole weeks only (a tick at week 2.5 would read "3").
    frame.xAxis.call(data.xAxis ? ticks.tickFormat((v) => data.xAxis!.format(Number(v))) : ticks.tickValues(scale.ticks(Math.max(2, frame.width / 90)).filter(Number.isInteger)).tickFormat(d3.format('d')));
    frame.yAxis.call(d3.axisLeft(y).ticks(5));
    frame.xLabel.text(data.xAxis?.label ?? 'working week');
    frame.yLabel.text(data.yLabel);
    drawBandSeries(frame.plot, data.series, (i) => x(data.times[i]!), y, d3.curveMonotoneX);
    const [d0, d1] = scale.domain() as [number, number];
    const inDomain = (v: number) => v / unit >= Math.min(d0, d1) && v / unit <= Math.max(d0, d1);
    // Where the dial stands today (a sweep), as a dashed line with its label.
    frame.plot
      .selectAll<SVGGElement, { value: number; label: string }>('g.today')
      .data(data.marker && inDomain(data.marker.value) ? [data.marker] : [])
      .join((enter) => {
        const g = enter.append('g').attr('class', 'marker today').attr('data-testid', 'sweep-today');
        g.append('line').attr('stroke-dasharray', '4 3').attr('class', 'today-line');
        g.append('text').attr('class', 'marker-label today-label').attr('x', 3).attr('y', 10);
        return g;
      })
      .attr('transform', (m) => `translate(${x(m.value)},0)`)
      .call((g) => g.select('line').attr('y1', 0).attr('y2', frame.height))
      .call((g) => g.select('text').text((m) => m.label));
    frame.svg.on('pointermove', (event: PointerEvent) => {
      const [px] = d3.pointer(event, frame.plot.node());
      const t = scale.invert(px) * unit;
      const i = d3.leastIndex(data.times, (a, b) => Math.abs(a - t) - Math.abs(b - t)) ?? 0;
      const at = data.xAxis ? `${data.xAxis.label}: ${data.xAxis.format(data.times[i]!)}` : `week ${Math.round(data.times[i]! / data.hoursPerWeek)}`;
      const band = data.bandLabel ?? '10-90%';
      tip.show(event, [at, ...data.series.map((s) => `${s.name}: ${data.xAxis ? '' : 'median '}${s.p50[i]!.toFixed(1)} (${band}: ${s.p10[i]!.toFixed(1)}-${s.p90[i]!.toFixed(1)})`)]);
    });
    frame.svg.on('pointerleave', () => tip.hide());
    },
  );
}
