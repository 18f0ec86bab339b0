/**
 * A chart on the results screen as a file that reads outside the app: its
 * SVG with every colour and font the page's CSS gave it written into the
 * elements, the card's background behind it, and the chart's title and
 * legend above it; or that SVG drawn to a PNG at twice its size.
 */

/** The properties the page's CSS sets on a chart, written into each element of the copy. */
const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline'] as const;

export interface LegendEntry {
  name: string;
  color: string;
}

/** The legend beside a chart (names and colours of its series or parts), read from the card. */
export function readLegend(card: Element): LegendEntry[] {
  return [...card.querySelectorAll('.legend .legend-item')].map((item) => {
    const mark = item.querySelector('rect, .swatch');
    const style = mark ? getComputedStyle(mark) : null;
    const color = mark?.tagName.toLowerCase() === 'rect' ? (mark.getAttribute('fill') ?? style?.fill ?? '#888') : (style?.backgroundColor ?? '#888');
    return { name: item.textContent?.trim() ?? '', color };
  });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart as standalone SVG text, with the styles it has on screen inlined. */
export function serializeChart(svg: SVGSVGElement, title: string, legend: readonly LegendEntry[], background: string): { text: string; width: number; height: number } {
  const width = Math.round(svg.getBoundingClientRect().width || Number(svg.getAttribute('width')) || 480);
  const height = Math.round(svg.getBoundingClientRect().height || Number(svg.getAttribute('height')) || 260);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const computed = getComputedStyle(el);
    const copy = copies[i] as SVGElement;
    // Presentation attributes rather than a style attribute: the app's CSP forbids inline styles, and attributes read the same outside it.
    for (const p of STYLE_PROPS) copy.setAttribute(p, computed.getPropertyValue(p));
    copy.removeAttribute('class');
  });
  const ink = getComputedStyle(svg).color || '#1f2328';
  const font = getComputedStyle(svg).fontFamily;
  const head = 44;
  let x = 0;
  const items = legend.map((e) => {
    const at = x;
    x += 24 + e.name.length * 6.4;
    return `<g transform="translate(${at.toFixed(0)},0)"><rect width="12" height="12" rx="3" fill="${escapeXml(e.color)}"/><text x="17" y="10.5" font-size="12" fill="${escapeXml(ink)}">${escapeXml(e.name)}</text></g>`;
  });
  clone.removeAttribute('width');
  clone.removeAttribute('height');
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(head));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const text = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + head}" viewBox="0 0 ${width} ${height + head}" font-family="${escapeXml(font)}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(background)}"/>`,
    `<text x="8" y="17" font-size="14" font-weight="650" fill="${escapeXml(ink)}">${escapeXml(title)}</text>`,
    `<g transform="translate(8,26)">${items.join('')}</g>`,
    new XMLSerializer().serializeToString(clone),
    '</svg>',
  ].join('');
  return { text, width, height: height + head };
}

/** SVG text drawn to a PNG at `scale` times its size; resolves to the PNG's base64. */
export function svgToPngBase64(svg: { text: string; width: number; height: number }, scale = 2): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      try {
        const canvas = document.createElement('canvas');
        canvas.width = svg.width * scale;
        canvas.height = svg.height * scale;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('This browser cannot draw to a canvas.');
        ctx.scale(scale, scale);
        ctx.drawImage(img, 0, 0, svg.width, svg.height);
        resolve(canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      } finally {
        URL.revokeObjectURL(url);
      }
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('The chart could not be drawn as an image.'));
    };
    img.src = url;
  });
}
