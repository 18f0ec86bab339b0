/**
 * The report's style sheet, inline in the file: readable on screen, and on
 * paper with a running header, page numbers ("3 / 12" in the page margin,
 * CSS paged media), each section on a new page and no chart or card split
 * across pages.
 */
const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ').replace(/</g, '\\3c ')}"`;

export function reportCss(runningHead: string, runningFoot: string): string {
  return `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0072B2; --better: #1a7f37; --worse: #b35900; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #fff; color: var(--ink); font: 14px/1.5 Inter, "Segoe UI", "Helvetica Neue", Helvetica, Arial, sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 32px 28px 64px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 6px; }
h2 { font-size: 21px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); break-after: avoid; }
h3 { font-size: 15.5px; margin: 22px 0 8px; break-after: avoid; }
h4 { font-size: 12.5px; margin: 4px 0; color: var(--muted); font-weight: 600; }
p, li { max-width: 72ch; }
section { margin-top: 40px; }
.muted { color: var(--muted); font-weight: 400; }
.warn { color: var(--worse); font-weight: 600; }
code, pre { font-family: "JetBrains Mono", "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: 12px; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; white-space: pre-wrap; word-break: break-all; }
.cover { border-bottom: 1px solid var(--line); padding-bottom: 18px; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 11.5px; font-weight: 700; color: var(--accent); margin: 0 0 6px; }
.meta { color: var(--muted); margin: 4px 0 0; }
.question { font-size: 16px; border-left: 4px solid var(--accent); background: #eef6fb; padding: 10px 14px; margin: 16px 0 0; border-radius: 0 6px 6px 0; max-width: none; }
nav.toc ol { columns: 2; padding-left: 20px; margin: 12px 0 0; }
nav.toc a { color: var(--ink); text-decoration: none; }
.findings li { margin-bottom: 6px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); gap: 12px; margin-top: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; break-inside: avoid; }
.card h3 { margin: 0 0 8px; font-size: 14.5px; display: flex; align-items: center; gap: 8px; }
.card dl { margin: 0; }
.card .row { display: flex; justify-content: space-between; gap: 8px; padding: 3px 0; border-top: 1px solid #eaeef2; font-size: 12.5px; }
.card dt { color: var(--muted); }
.card dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.card .value { font-weight: 600; }
.diff { display: block; font-size: 11.5px; color: var(--muted); }
.diff[data-tone="better"] { color: var(--better); font-weight: 600; }
.diff[data-tone="worse"] { color: var(--worse); font-weight: 600; }
.verdict { display: block; font-size: 11px; color: var(--muted); }
.verdict[data-tone="better"] { color: var(--better); }
.verdict[data-tone="worse"] { color: var(--worse); }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 3px; }
.chip { font-size: 10.5px; font-weight: 600; border: 1px solid var(--line); border-radius: 999px; padding: 0 7px; color: var(--muted); }
.note { color: var(--muted); font-size: 12px; }
.callout { border: 1px solid #f0c36d; background: #fff8e6; border-radius: 6px; padding: 8px 14px; margin-bottom: 12px; }
.callout ul { margin: 4px 0; }
.card-warnings { margin: 6px 0 0; padding: 4px 8px 4px 22px; border-left: 3px solid #f0c36d; background: #fff8e6; font-size: 11px; }
figure { margin: 10px 0 18px; break-inside: avoid; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; max-width: none; }
figcaption b { color: var(--ink); }
svg.chart, svg.structure { display: block; width: 100%; height: auto; }
svg.structure { max-height: 640px; border: 1px solid var(--line); border-radius: 6px; }
.pair, .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.grid > div { break-inside: avoid; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; margin: 4px 0 6px; }
.legend-item { display: inline-flex; align-items: center; gap: 6px; }
table.data { border-collapse: collapse; width: 100%; font-size: 12.5px; margin: 6px 0 12px; }
table.data.small { font-size: 11.5px; }
table.data th, table.data td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
table.data thead th { border-bottom: 2px solid var(--ink); font-size: 11.5px; color: var(--muted); font-weight: 600; }
table.data tbody th { font-weight: 600; }
table.data tr { break-inside: avoid; }
table.keyvalue thead { display: none; }
table.keyvalue tbody th { width: 30%; color: var(--muted); font-weight: 500; }
code.seeds { display: block; max-height: none; font-size: 10px; line-height: 1.4; word-break: break-all; color: var(--muted); }
footer.end { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 18mm 14mm 18mm 14mm;
  @top-left { content: ${cssString(runningHead)}; font: 9pt Inter, Helvetica, Arial, sans-serif; color: #57606a; }
  @bottom-left { content: ${cssString(runningFoot)}; font: 8pt Inter, Helvetica, Arial, sans-serif; color: #57606a; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 9pt Inter, Helvetica, Arial, sans-serif; color: #57606a; }
}
@page :first { @top-left { content: none; } }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section { margin-top: 0; break-before: page; }
  section#headline { break-before: auto; margin-top: 8pt; }
  h2 { font-size: 17pt; }
  a { color: inherit; text-decoration: none; }
  svg.structure { max-height: 230mm; }
  .cards { grid-template-columns: repeat(2, 1fr); }
  /* Compact cards, so the headline (findings, cards and their note) fits the first page for two structures. */
  .card .row { padding: 1.5px 0; font-size: 9.5pt; }
  .diff { font-size: 8.5pt; white-space: nowrap; }
  .card dd { flex: none; }
  .findings li { margin-bottom: 3px; }
  .cover { padding-bottom: 10pt; }
  .card h3 { margin-bottom: 4px; }
}
`;
}
