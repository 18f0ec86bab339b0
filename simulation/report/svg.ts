/**
 * Small helpers to write charts as SVG text without a DOM: escaping, rounded
 * coordinates (so a report is byte-for-byte stable and small), and axes
 * drawn from the scales of plot.ts. Colours are attributes, not CSS, so a chart copied
 * out of a report still reads.
 */
import type { BandScale, LinearScale } from './plot';

/** Text or an attribute value made safe for HTML and SVG. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A coordinate to one decimal: sharp enough on paper, stable across machines. */
export const r = (x: number): string => String(Math.round(x * 10) / 10);

/** Attributes from an object (undefined values left out). */
export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? r(v) : esc(v as string)}"`)
    .join('');
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const INK = '#1f2328';
export const MUTED = '#57606a';
export const GRID = '#d8dee4';
const FONT = "font-family=\"Inter, 'Segoe UI', Helvetica, Arial, sans-serif\"";

/** The plot area's size inside a chart of `width` by `height`. */
export function plotSize(width: number, height: number, m: Margins): { w: number; h: number } {
  return { w: Math.max(10, width - m.left - m.right), h: Math.max(10, height - m.top - m.bottom) };
}

/**
 * The chart's `<svg>`: a title for screen readers, the plot moved inside the
 * margins, and the axis labels. `width` and `height` are the viewBox; the
 * chart scales to the column it is printed in.
 */
export function svgChart(o: { width: number; height: number; margins: Margins; label: string; xLabel: string; yLabel: string; body: string; testId?: string }): string {
  const { w, h } = plotSize(o.width, o.height, o.margins);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${o.width} ${o.height}" role="img"${attrs({ 'aria-label': o.label, 'data-testid': o.testId })} ${FONT} font-size="11">`,
    `<title>${esc(o.label)}</title>`,
    `<rect width="${o.width}" height="${o.height}" fill="#ffffff"/>`,
    `<g transform="translate(${o.margins.left},${o.margins.top})">${o.body}</g>`,
    o.xLabel ? `<text x="${r(o.margins.left + w / 2)}" y="${o.height - 6}" text-anchor="middle" fill="${MUTED}">${esc(o.xLabel)}</text>` : '',
    o.yLabel ? `<text transform="translate(13,${r(o.margins.top + h / 2)}) rotate(-90)" text-anchor="middle" fill="${MUTED}">${esc(o.yLabel)}</text>` : '',
    '</svg>',
  ].join('');
}

/** A bottom axis for a linear scale, at the plot's foot, with light vertical grid lines. */
export function axisBottom(x: LinearScale, plotHeight: number, count: number, format: (v: number) => string): string {
  const ticks = x.ticks(count);
  const [a, b] = x.range;
  return [
    `<g class="axis axis-x" transform="translate(0,${r(plotHeight)})">`,
    `<line x1="${r(a)}" x2="${r(b)}" stroke="${MUTED}"/>`,
    ...ticks.map((t) => `<g transform="translate(${r(x(t))},0)"><line y2="5" stroke="${MUTED}"/><text y="17" text-anchor="middle" fill="${INK}">${esc(format(t))}</text></g>`),
    '</g>',
  ].join('');
}

/** A left axis for a linear scale, with horizontal grid lines across the plot. */
export function axisLeft(y: LinearScale, plotWidth: number, count: number, format: (v: number) => string): string {
  const ticks = y.ticks(count);
  const [a, b] = y.range;
  return [
    '<g class="axis axis-y">',
    ...ticks.map((t) => `<line x1="0" x2="${r(plotWidth)}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="${GRID}" stroke-width="0.6"/>`),
    `<line y1="${r(a)}" y2="${r(b)}" stroke="${MUTED}"/>`,
    ...ticks.map((t) => `<g transform="translate(0,${r(y(t))})"><line x2="-5" stroke="${MUTED}"/><text x="-8" dy="0.32em" text-anchor="end" fill="${INK}">${esc(format(t))}</text></g>`),
    '</g>',
  ].join('');
}

/** A left axis naming the categories of a band scale (services, people). */
export function axisBand(y: BandScale, maxChars: number): string {
  return [
    '<g class="axis axis-y">',
    `<line y1="0" y2="${r(y.range[1])}" stroke="${MUTED}"/>`,
    ...y.domain.map((d) => {
      const label = d.length > maxChars ? `${d.slice(0, maxChars - 1)}…` : d;
      return `<text x="-8" y="${r(y(d) + y.bandwidth / 2)}" dy="0.32em" text-anchor="end" fill="${INK}">${esc(label)}</text>`;
    }),
    '</g>',
  ].join('');
}
