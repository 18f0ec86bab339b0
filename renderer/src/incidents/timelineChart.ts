import * as d3 from '../charts/d3';
import { formatElapsed } from '../../../simulation/replay/elapsed';
import { createFrame, createTooltip } from '../charts/chartFrame';
import { seriesColor } from '../../../simulation/report/palette';
import type { ChartController } from '../charts/useChart';

export interface TimelineBar {
  /** Index in the log (the key of the bar). */
  index: number;
  lane: string;
  start: number;
  end: number;
  ack: number | null;
  colour: number;
}

export interface TimelineData {
  /** Service lanes first, then one per person involved. */
  lanes: { id: string; name: string; kind: 'service' | 'person' }[];
  /** Incidents in service lanes, and each responder's share in their own lane; sorted by start. */
  bars: TimelineBar[];
  absences: { lane: string; start: number; end: number; reason: string }[];
  /** Spans outside working hours (nights, weekends): working hours are drawn shaded between them. */
  offHours?: [number, number][];
  extent: [number, number];
  hoursPerDay: number;
  hoursPerWeek: number;
  /** Date label of a working hour ("Mon 12 Jan", "12 Jan 14:00"). */
  label(hours: number, withTime: boolean): string;
  /** The tooltip's lines for the incident at `index` (made on hover, not for every bar). */
  describe(index: number): string[];
  cursor: number;
}

/** Most bars drawn at once; zooming in shows the rest. */
const MAX_BARS = 2000;
const LANE_HEIGHT = 30;

/**
 * The incident timeline: one lane per service with each incident as a bar
 * from start to resolved (the acknowledgement marked), a lane per person
 * with their incidents and planned absences, zoom and pan across weeks
 * (wheel, drag, or the buttons that call `zoomTo`), and a cursor at the
 * playback moment. Clicking the plot moves the cursor (`onCursor`).
 */
export function timelineChart(container: HTMLDivElement, onCursor: (hours: number) => void): ChartController<TimelineData> & { zoomBy(factor: number): void; fit(): void } {
  const margins = { top: 8, right: 16, bottom: 28, left: 190 };
  const frame = createFrame(container, margins);
  const tip = createTooltip(container);
  frame.svg.attr('class', 'chart-svg timeline-svg');
  const clipId = `timeline-clip-${Math.random().toString(36).slice(2)}`;
  const clip = frame.svg.append('defs').append('clipPath').attr('id', clipId).append('rect');
  const lanesG = frame.plot.append('g').attr('class', 'lanes');
  const body = frame.plot.append('g').attr('clip-path', `url(#${clipId})`);
  const workG = body.append('g').attr('class', 'working-hours');
  const absG = body.append('g').attr('class', 'absences');
  const barsG = body.append('g').attr('class', 'bars');
  const cursor = body.append('line').attr('class', 'timeline-cursor');
  const capNote = frame.svg.append('text').attr('class', 'axis-label timeline-cap').attr('text-anchor', 'end');
  let data: TimelineData | null = null;
  let base = d3.scaleLinear();
  let x = base;
  let transform = d3.zoomIdentity;

  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, 400])
    .filter((event: Event) => (event.type === 'wheel' ? true : !(event as MouseEvent).button))
    .on('zoom', (event: d3.D3ZoomEvent<SVGSVGElement, unknown>) => {
      transform = event.transform;
      draw();
    });
  frame.svg.call(zoom).on('dblclick.zoom', null);
  frame.svg.on('click', (event: MouseEvent) => {
    if (!data) return;
    const [px] = d3.pointer(event, frame.plot.node());
    if (px >= 0 && px <= frame.width) onCursor(Math.max(data.extent[0], Math.min(data.extent[1], x.invert(px))));
  });

  const layout = () => {
    if (!data) return;
    const height = margins.top + margins.bottom + Math.max(1, data.lanes.length) * LANE_HEIGHT;
    frame.resize(container.clientWidth || 800, height);
    clip.attr('width', frame.width).attr('height', frame.height);
    base = d3.scaleLinear().domain(data.extent).range([0, frame.width]);
    zoom.extent([[0, 0], [frame.width, frame.height]]).translateExtent([[0, 0], [frame.width, frame.height]]);
  };

  const ticks = (): number[] => {
    if (!data) return [];
    const [a, b] = x.domain() as [number, number];
    const target = Math.max(2, frame.width / 90);
    const steps = [1, 3, data.hoursPerDay / 4, data.hoursPerDay, data.hoursPerWeek, 2 * data.hoursPerWeek, 4 * data.hoursPerWeek, 8 * data.hoursPerWeek, 13 * data.hoursPerWeek];
    const step = steps.find((s) => (b - a) / s <= target) ?? steps[steps.length - 1]!;
    const out: number[] = [];
    for (let t = Math.ceil(a / step) * step; t <= b; t += step) out.push(t);
    return out;
  };

  function draw(): void {
    if (!data) return;
    const d = data;
    x = transform.rescaleX(base);
    const y = d3.scaleBand().domain(d.lanes.map((l) => l.id)).range([0, frame.height]).paddingInner(0.2);
    const tickValues = ticks();
    const fine = tickValues.length > 1 && tickValues[1]! - tickValues[0]! < d.hoursPerDay;
    frame.xAxis.call(d3.axisBottom(x).tickValues(tickValues).tickFormat((v) => d.label(Number(v), fine)));
    frame.yAxis.call(d3.axisLeft(y).tickSize(0).tickFormat((id) => d.lanes.find((l) => l.id === id)?.name ?? String(id))).call((g) => g.select('.domain').remove());
    frame.yAxis.selectAll<SVGTextElement, string>('text').attr('class', (id) => `lane-label lane-${d.lanes.find((l) => l.id === id)?.kind ?? 'service'}`);
    lanesG
      .selectAll('rect')
      .data(d.lanes, (l) => (l as TimelineData['lanes'][number]).id)
      .join('rect')
      .attr('class', (l) => `lane lane-${l.kind}`)
      .attr('x', 0)
      .attr('width', frame.width)
      .attr('y', (l) => (y(l.id) ?? 0) - 1)
      .attr('height', y.bandwidth() + 2);

    const [a, b] = x.domain() as [number, number];
    const visible: TimelineBar[] = [];
    for (const bar of d.bars) {
      if (bar.start > b) break;
      if (bar.end >= a) visible.push(bar);
      if (visible.length >= MAX_BARS) break;
    }
    capNote.attr('x', margins.left + frame.width).attr('y', 12).text(visible.length >= MAX_BARS ? `first ${MAX_BARS} incidents shown: zoom in for the rest` : '');
    const h = y.bandwidth();
    barsG
      .selectAll<SVGGElement, TimelineBar>('g.incident')
      .data(visible, (bar) => `${bar.lane}:${bar.index}`)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'incident series');
        g.append('rect').attr('class', 'incident-bar');
        g.append('line').attr('class', 'incident-ack');
        return g;
      })
      .attr('data-index', (bar) => bar.index)
      .each(function (bar) {
        const g = d3.select(this);
        const x0 = x(bar.start);
        const w = Math.max(3, x(bar.end) - x0);
        const person = bar.lane.startsWith('person:');
        const top = (y(bar.lane) ?? 0) + (person ? h * 0.2 : 0);
        const height = person ? h * 0.6 : h;
        g.select('rect').attr('x', x0).attr('y', top).attr('width', w).attr('height', height).attr('rx', 2).attr('fill', seriesColor(bar.colour)).attr('fill-opacity', person ? 0.55 : 0.85);
        g.select('line')
          .attr('display', bar.ack === null || person ? 'none' : null)
          .attr('x1', bar.ack === null ? 0 : x(bar.ack))
          .attr('x2', bar.ack === null ? 0 : x(bar.ack))
          .attr('y1', top - 2)
          .attr('y2', top + height + 2);
      })
      .on('pointermove', (event: PointerEvent, bar) => tip.show(event, d.describe(bar.index)))
      .on('pointerleave', () => tip.hide());

    // Working hours shaded (the gaps between off-hours spans), only where days are wide enough to see.
    const work: [number, number][] = [];
    if (d.offHours && frame.width / ((b - a) / 24) >= 3) {
      let from = d.extent[0];
      for (const [s0, e0] of d.offHours) {
        if (s0 > from && e0 >= a && from <= b) work.push([from, s0]);
        from = e0;
      }
      if (from < d.extent[1] && from <= b) work.push([from, d.extent[1]]);
    }
    workG
      .selectAll<SVGRectElement, [number, number]>('rect')
      .data(work.filter(([s0, e0]) => e0 >= a && s0 <= b))
      .join('rect')
      .attr('class', 'working-span')
      .attr('x', ([s0]) => x(s0))
      .attr('width', ([s0, e0]) => Math.max(1, x(e0) - x(s0)))
      .attr('y', 0)
      .attr('height', frame.height);

    absG
      .selectAll<SVGRectElement, TimelineData['absences'][number]>('rect')
      .data(d.absences.filter((ab) => ab.end >= a && ab.start <= b))
      .join('rect')
      .attr('class', 'absence')
      .attr('x', (ab) => x(ab.start))
      .attr('width', (ab) => Math.max(2, x(ab.end) - x(ab.start)))
      .attr('y', (ab) => y(ab.lane) ?? 0)
      .attr('height', h)
      .on('pointermove', (event: PointerEvent, ab) => tip.show(event, [`Away (${ab.reason})`, `${d.label(ab.start, true)} to ${d.label(ab.end, true)}`, formatElapsed(ab.end - ab.start)]))
      .on('pointerleave', () => tip.hide());

    cursor.attr('x1', x(d.cursor)).attr('x2', x(d.cursor)).attr('y1', 0).attr('y2', frame.height);
  }

  /** Pans, keeping the zoom, so that the cursor is in view. */
  const follow = (t: number) => {
    const [a, b] = x.domain() as [number, number];
    if (t >= a && t <= b) return;
    const k = transform.k;
    frame.svg.call(zoom.transform, d3.zoomIdentity.translate(-base(t) * k + frame.width * 0.1, 0).scale(k));
  };

  return {
    update(next) {
      const structural = !data || data.bars !== next.bars || data.lanes !== next.lanes || data.absences !== next.absences;
      data = next;
      if (structural) {
        layout();
        draw();
      } else cursor.attr('x1', x(next.cursor)).attr('x2', x(next.cursor));
      follow(next.cursor);
    },
    resize() {
      layout();
      draw();
    },
    zoomBy(factor) {
      frame.svg.call(zoom.scaleBy, factor);
    },
    fit() {
      frame.svg.call(zoom.transform, d3.zoomIdentity);
    },
    destroy() {
      frame.svg.on('.zoom', null);
      tip.destroy();
      frame.destroy();
    },
  };
}
