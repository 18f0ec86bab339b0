/**
 * The d3 the renderer uses, in one place: only the d3 modules the charts need
 * (not the whole `d3` bundle, which also pulls in d3-dsv and its command-line
 * tools). Chart controllers import this as `import * as d3 from '../charts/d3'`
 * and call `d3.select`, `d3.scaleLinear` and so on as usual.
 */
export { bisectRight, extent, leastIndex, max, range, sum } from 'd3-array';
export { axisBottom, axisLeft } from 'd3-axis';
export { format } from 'd3-format';
export { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
export { pointer, select, type Selection } from 'd3-selection';
export { area, curveMonotoneX, curveStepAfter, curveStepBefore, line, stack, type CurveFactory, type Series, type SeriesPoint } from 'd3-shape';
export { zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';
