/** HTML helpers for the report: escaped text and plain tables. */
import { esc } from './svg';

export { esc };

/** A table with a header row; cells are HTML (escape text with {@link esc}). The first cell of each row is a row header. */
export function table(o: { head: string[]; rows: string[][]; testId?: string; className?: string; caption?: string }): string {
  const head = `<thead><tr>${o.head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${o.rows.map((row) => `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('')}</tbody>`;
  const caption = o.caption ? `<caption>${o.caption}</caption>` : '';
  return `<table class="${o.className ?? 'data'}"${o.testId ? ` data-testid="${o.testId}"` : ''}>${caption}${head}${body}</table>`;
}

/** A figure that is never split across pages, with its caption. */
export function figure(content: string, caption: string, testId?: string): string {
  return `<figure${testId ? ` data-testid="${testId}"` : ''}>${content}<figcaption>${caption}</figcaption></figure>`;
}

/** A legend: a swatch and a name per entry. */
export function legend(entries: { name: string; color: string; dashed?: boolean }[]): string {
  return `<div class="legend">${entries
    .map(
      (e) =>
        `<span class="legend-item"><svg width="14" height="10" aria-hidden="true"><rect width="14" height="10" rx="2" fill="${e.dashed ? 'none' : e.color}" stroke="${e.color}"${e.dashed ? ' stroke-dasharray="3 2"' : ''}/></svg>${esc(e.name)}</span>`,
    )
    .join('')}</div>`;
}

/** A section of the report: starts a new page when printed. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${id}" data-section="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}
