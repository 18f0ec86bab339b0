import * as d3 from './d3';
import type { TransitionChartData } from '../../../simulation/transition/chartData';
import { drawBandSeries } from './bandSeries';
import { mountChart } from './chartFrame';
import type { ChartController } from './useChart';

interface Marker {
  key: string;
  at: number;
  label: string;
  dash: string;
}

/**
 * A reorganisation over calendar time: one measure's weekly mean for staying
 * as is and for the plan (median line, 10-90% of replications as a band),
 * x in weeks from the date it takes effect, with that date and the
 * break-even week marked. Hovering names the week and both arms' values.
 */
export function transitionChart(container: HTMLDivElement): ChartController<TransitionChartData> {
  return mountChart<TransitionChartData>(container, (frame, tip, data) => {
    const extent = d3.extent(data.times) as [number, number];
    const x = d3
      .scaleLinear()
      .domain([Math.floor(extent[0] ?? -1), Math.ceil(extent[1] ?? 1)])
      .range([0, frame.width]);
    const yMax = d3.max(data.series.flatMap((s) => s.p90)) ?? 1;
    const y = d3.scaleLinear().domain([0, Math.max(1e-9, yMax)]).nice().range([frame.height, 0]);
    frame.svg.attr('aria-label', `${data.yLabel}, by week, staying as is and with the plan`);
    frame.xAxis.call(d3.axisBottom(x).tickValues(x.ticks(Math.max(2, frame.width / 70)).filter(Number.isInteger)).tickFormat(d3.format('d')));
    frame.yAxis.call(d3.axisLeft(y).ticks(5));
    frame.xLabel.text(data.xAxis?.label ?? 'weeks from the reorganisation');
    frame.yLabel.text(data.yLabel);
    drawBandSeries(frame.plot, data.series, (i) => x(data.times[i]!), y);
    const markers: Marker[] = [{ key: 'switch', at: 0, label: data.marker?.label ?? 'takes effect', dash: '4 3' }];
    if (data.breakEvenAt !== null) markers.push({ key: 'break-even', at: data.breakEvenAt, label: `pays for itself from week ${data.breakEvenAt + 1}`, dash: '' });
    frame.plot
      .selectAll<SVGGElement, Marker>('g.marker')
      .data(markers, (m) => m.key)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'marker');
        g.append('line').attr('class', 'today-line');
        g.append('text').attr('class', 'marker-label today-label').attr('x', 3);
        return g;
      })
      .attr('data-testid', (m) => `transition-marker-${m.key}`)
      .attr('transform', (m) => `translate(${x(m.at)},0)`)
      .call((g) => g.select('line').attr('y1', 0).attr('y2', frame.height).attr('stroke-dasharray', (m) => m.dash))
      .call((g) => g.select('text').attr('y', (m) => (m.key === 'switch' ? 10 : 24)).text((m) => m.label));
    frame.svg.on('pointermove', (event: PointerEvent) => {
      const [px] = d3.pointer(event, frame.plot.node());
      const t = x.invert(px);
      const i = d3.leastIndex(data.times, (a, b) => Math.abs(a - t) - Math.abs(b - t)) ?? 0;
      const week = Math.floor(data.times[i]!) + 1;
      tip.show(event, [`week ${week}${week <= 0 ? ' (before it takes effect)' : ''}`, ...data.series.map((s) => `${s.name}: ${s.p50[i]!.toFixed(1)} (10-90%: ${s.p10[i]!.toFixed(1)}-${s.p90[i]!.toFixed(1)})`)]);
    });
    frame.svg.on('pointerleave', () => tip.hide());
  });
}
