import * as d3 from './d3';
import type { ChartController } from './useChart';

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartFrame {
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  xAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  yAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  xLabel: d3.Selection<SVGTextElement, unknown, null, undefined>;
  yLabel: d3.Selection<SVGTextElement, unknown, null, undefined>;
  width: number;
  height: number;
  margins: Margins;
  resize(width: number, height: number): void;
  destroy(): void;
}

/**
 * The SVG a chart controller owns: plot area, axes and axis labels, sized to
 * its container. React never renders inside it.
 */
export function createFrame(container: HTMLElement, margins: Margins = { top: 16, right: 20, bottom: 44, left: 56 }): ChartFrame {
  const svg = d3.select(container).append('svg').attr('class', 'chart-svg').attr('role', 'img');
  const root = svg.append('g');
  const plot = root.append('g').attr('class', 'plot');
  const xAxis = root.append('g').attr('class', 'axis axis-x');
  const yAxis = root.append('g').attr('class', 'axis axis-y');
  const xLabel = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const yLabel = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const frame: ChartFrame = {
    svg,
    plot,
    xAxis,
    yAxis,
    xLabel,
    yLabel,
    width: 0,
    height: 0,
    margins,
    resize(width, height) {
      frame.width = Math.max(10, width - margins.left - margins.right);
      frame.height = Math.max(10, height - margins.top - margins.bottom);
      svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
      root.attr('transform', `translate(${margins.left},${margins.top})`);
      xAxis.attr('transform', `translate(0,${frame.height})`);
      xLabel.attr('x', margins.left + frame.width / 2).attr('y', height - 6);
      yLabel.attr('transform', `translate(14,${margins.top + frame.height / 2}) rotate(-90)`);
    },
    destroy() {
      svg.remove();
    },
  };
  frame.resize(container.clientWidth || 480, container.clientHeight || 260);
  return frame;
}

/** A tooltip element beside the chart, positioned at the pointer. */
export function createTooltip(container: HTMLElement) {
  const tip = d3.select(container).append('div').attr('class', 'chart-tooltip').attr('role', 'tooltip').style('opacity', '0');
  return {
    show(event: PointerEvent | MouseEvent, lines: string[]) {
      const [x, y] = d3.pointer(event, container);
      tip
        .style('opacity', '1')
        .style('left', `${Math.min(x + 12, container.clientWidth - 180)}px`)
        .style('top', `${y + 12}px`)
        .selectAll('div')
        .data(lines)
        .join('div')
        .text((d) => d);
    },
    hide() {
      tip.style('opacity', '0');
    },
    destroy() {
      tip.remove();
    },
  };
}

export type Tooltip = ReturnType<typeof createTooltip>;

/**
 * A chart controller from its drawing function: the frame and tooltip are
 * made here, the last data is redrawn on resize, and both are removed on
 * destroy.
 */
export function mountChart<T>(container: HTMLElement, draw: (frame: ChartFrame, tip: Tooltip, data: T) => void, margins?: Margins): ChartController<T> {
  const frame = createFrame(container, margins);
  const tip = createTooltip(container);
  let last: { data: T } | null = null;
  return {
    update(data) {
      last = { data };
      draw(frame, tip, data);
    },
    resize(width, height) {
      frame.resize(width, height);
      if (last) draw(frame, tip, last.data);
    },
    destroy() {
      tip.destroy();
      frame.destroy();
    },
  };
}
