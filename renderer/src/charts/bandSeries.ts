import * as d3 from './d3';
import type { BandSeries } from '../../../simulation/report/chartData';

/**
 * Draws one `g.series` per series into `plot`: the 10-90% range as a band
 * (fill at 18% opacity) and the median as a 2 px line, both in the series'
 * colour. `x` maps a point's index to pixels; `curve` smooths both (straight
 * segments when omitted). Series are keyed by name, so an update moves them.
 */
export function drawBandSeries(
  plot: d3.Selection<SVGGElement, unknown, null, undefined>,
  series: readonly BandSeries[],
  x: (index: number) => number,
  y: (value: number) => number,
  curve?: d3.CurveFactory,
): void {
  plot
    .selectAll<SVGGElement, BandSeries>('g.series')
    .data(series, (s) => s.name)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'series');
      g.append('path').attr('class', 'band');
      g.append('path').attr('class', 'median');
      return g;
    })
    .each(function (s) {
      const g = d3.select(this);
      const band = d3
        .area<number>()
        .x((_, i) => x(i))
        .y0((_, i) => y(s.p10[i] ?? 0))
        .y1((v) => y(v));
      const line = d3.line<number>().x((_, i) => x(i)).y((v) => y(v));
      if (curve) {
        band.curve(curve);
        line.curve(curve);
      }
      g.select('path.band').attr('d', band(s.p90)).attr('fill', s.color).attr('fill-opacity', 0.18).attr('stroke', 'none');
      g.select('path.median').attr('d', line(s.p50)).attr('fill', 'none').attr('stroke', s.color).attr('stroke-width', 2);
    });
}
