import Papa from 'papaparse';

/**
 * An incident log as a table of text, whatever file it came from: a header
 * and rows, each row with the number the user sees for it. In a CSV that is
 * the spreadsheet row (the header is row 1, so the first incident is row 2;
 * a quoted field spanning lines is still one row); in JSON, the record's
 * position in the list, from 1.
 */
export interface SourceTable {
  kind: 'csv' | 'json';
  columns: string[];
  rows: string[][];
  rowNumbers: number[];
  /** Problems with the file's structure (a row with too many fields, an unclosed quote), by row. */
  problems: { row: number; reason: string }[];
}

/** Thrown for a file that is not a table at all (no header, not JSON of records). */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** Reads a CSV or JSON incident log (JSON if the text starts with `[` or `{`). */
export function readSourceTable(text: string, fileName = ''): SourceTable {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  if (/\.json$/i.test(fileName) || trimmed.startsWith('[') || trimmed.startsWith('{')) return readJson(trimmed, fileName);
  return readCsv(body, fileName);
}

function readCsv(text: string, fileName: string): SourceTable {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, dynamicTyping: false });
  const all = parsed.data;
  const headerIndex = all.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw new SourceError(`${fileName || 'The file'} is empty: it has no header row.`);
  const columns = uniqueNames(all[headerIndex]!.map((c) => c.trim()));
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const problems: SourceTable['problems'] = [];
  for (let i = headerIndex + 1; i < all.length; i++) {
    const r = all[i]!;
    if (r.every((c) => c.trim() === '')) continue;
    rows.push(r);
    rowNumbers.push(i + 1);
    // Fields past the header are most likely an unquoted comma in a description: the columns after it are shifted.
    if (r.length > columns.length && r.slice(columns.length).some((c) => c.trim() !== '')) {
      problems.push({ row: i + 1, reason: `has ${r.length} fields but the header has ${columns.length} (an unquoted comma?)` });
    }
  }
  for (const e of parsed.errors) {
    // Papa Parse guesses the delimiter; when it cannot, a comma is right for a one-column file too.
    if (e.code === 'UndetectableDelimiter') continue;
    problems.push({ row: (e.row ?? 0) + 1, reason: e.message });
  }
  return { kind: 'csv', columns, rows, rowNumbers, problems };
}

function readJson(text: string, fileName: string): SourceTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new SourceError(`${fileName || 'The file'} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const list = Array.isArray(data) ? data : firstArray(data);
  if (!list) throw new SourceError(`${fileName || 'The file'} holds no list of incidents (expected an array of objects, or an object with one, such as { "incidents": [...] }).`);
  const columns: string[] = [];
  const seen = new Set<string>();
  const flat = list.map((record) => {
    const out: Record<string, string> = {};
    flatten(record, '', out);
    for (const key of Object.keys(out)) {
      if (seen.has(key)) continue;
      seen.add(key);
      columns.push(key);
    }
    return out;
  });
  return {
    kind: 'json',
    columns,
    rows: flat.map((r) => columns.map((c) => r[c] ?? '')),
    rowNumbers: flat.map((_, i) => i + 1),
    problems: list.flatMap((r, i) => (r !== null && typeof r === 'object' && !Array.isArray(r) ? [] : [{ row: i + 1, reason: 'is not an object' }])),
  };
}

function firstArray(data: unknown): unknown[] | null {
  if (data === null || typeof data !== 'object') return null;
  for (const value of Object.values(data)) if (Array.isArray(value)) return value;
  return null;
}

/** Nested objects become dotted columns (`service.summary`); lists of names are joined with commas. */
function flatten(value: unknown, prefix: string, out: Record<string, string>): void {
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = '';
  } else if (Array.isArray(value)) {
    out[prefix] = value.map((v) => (v !== null && typeof v === 'object' ? String((v as Record<string, unknown>).summary ?? (v as Record<string, unknown>).name ?? JSON.stringify(v)) : String(v))).join(', ');
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out[prefix] = String(value);
}

/** Header names made unique (a second "time" becomes "time (2)"), so a column can be named by its header. */
function uniqueNames(names: string[]): string[] {
  const count = new Map<string, number>();
  return names.map((n, i) => {
    const name = n || `column ${i + 1}`;
    const k = (count.get(name) ?? 0) + 1;
    count.set(name, k);
    return k === 1 ? name : `${name} (${k})`;
  });
}
