/**
 * The little geometry the report's SVG charts need, without a library:
 * `simulation/` runs anywhere and imports no charting code (the app's
 * interactive charts use d3 in renderer/). Scales and ticks follow d3's
 * conventions (ticks at 1, 2 or 5 times a power of ten; "nice" domains), so
 * the printed axes read like the app's.
 */

/** A linear map from a domain to a range, with round ticks. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  /** About `count` round values inside the domain. */
  ticks(count: number): number[];
}

/** The tick step for about `count` ticks over [start, stop]: 1, 2 or 5 times a power of ten. */
function tickStep(start: number, stop: number, count: number): number {
  const raw = Math.abs(stop - start) / Math.max(1, count);
  let step = 10 ** Math.floor(Math.log10(raw));
  const error = raw / step;
  if (error >= Math.sqrt(50)) step *= 10;
  else if (error >= Math.sqrt(10)) step *= 5;
  else if (error >= Math.sqrt(2)) step *= 2;
  return step;
}

/** Round values from start to stop, computed from integers so that 0.1 * 3 prints as 0.3. */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(stop > start) || !(count > 0) || !Number.isFinite(start) || !Number.isFinite(stop)) return Number.isFinite(start) ? [start] : [];
  const step = tickStep(start, stop, count);
  const out: number[] = [];
  if (step >= 1) {
    for (let i = Math.ceil(start / step); i * step <= stop; i++) out.push(i * step);
  } else {
    const inverse = Math.round(1 / step);
    for (let i = Math.ceil(start * inverse); i / inverse <= stop; i++) out.push(i / inverse);
  }
  return out;
}

/** The domain widened to round ends (as d3's `nice()`). */
export function nice(start: number, stop: number, count = 10): [number, number] {
  let a = start;
  let b = stop;
  for (let i = 0; i < 10 && b > a; i++) {
    const step = tickStep(a, b, count);
    const na = Math.floor(a / step) * step;
    const nb = Math.ceil(b / step) * step;
    if (na === a && nb === b) break;
    a = na;
    b = nb;
  }
  return [a, b];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((value: number) => r0 + (value - d0) * k) as LinearScale;
  return Object.assign(scale, { domain: [d0, d1] as const, range: [r0, r1] as const, ticks: (count: number) => ticks(Math.min(d0, d1), Math.max(d0, d1), count) });
}

/** Equal bands for categories over a range (as d3's band scale, centred). */
export interface BandScale {
  (category: string): number;
  readonly bandwidth: number;
  readonly domain: readonly string[];
  readonly range: readonly [number, number];
}

export function bandScale(domain: readonly string[], range: readonly [number, number], paddingInner: number, paddingOuter = 0): BandScale {
  const [start, stop] = range;
  const n = domain.length;
  const step = (stop - start) / Math.max(1, n - paddingInner + paddingOuter * 2);
  const first = start + (stop - start - step * (n - paddingInner)) / 2;
  const index = new Map(domain.map((d, i) => [d, i]));
  const scale = ((category: string) => first + step * (index.get(category) ?? 0)) as BandScale;
  return Object.assign(scale, { bandwidth: step * (1 - paddingInner), domain: [...domain], range: [start, stop] as const });
}

/** A number with at most one decimal (path coordinates). */
const p1 = (x: number): string => String(Math.round(x * 10) / 10);

/** A polyline through the points. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${p1(x)},${p1(y)}`).join('');
}

/** A step line that rises at each point's x (each y holds up to its x, as a cumulative share does). */
export function stepBeforePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => (i === 0 ? `M${p1(x)},${p1(y)}` : `V${p1(y)}H${p1(x)}`)).join('');
}

/** The area between a lower and an upper line over the same xs. */
export function areaPath(xs: readonly number[], lower: readonly number[], upper: readonly number[]): string {
  if (xs.length === 0) return '';
  const top = xs.map((x, i) => [x, upper[i]!] as const);
  const bottom = xs.map((x, i) => [x, lower[i]!] as const).reverse();
  return `${linePath(top)}${bottom.map(([x, y]) => `L${p1(x)},${p1(y)}`).join('')}Z`;
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** The largest finite value, or undefined for none. */
export function maxOf(values: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const v of values) if (Number.isFinite(v) && (best === undefined || v > best)) best = v;
  return best;
}

/** 0.25 -> "25%". */
export const percent = (x: number): string => `${Math.round(x * 100)}%`;
