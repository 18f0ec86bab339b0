import { isoInstant } from '../scenario/migrateLogs';
import type { RecordedIncident } from '../scenario/schema';
import type { ColumnMapping, Field } from './columnMapping';
import { effectiveDateFormat } from './columnMapping';
import { isTimeZone, readDate, toInstant } from './dates';
import { splitNames, type NameMapping } from './nameMapping';
import type { SourceTable } from './sourceTable';
import { ownValue } from '../scenario/idMap';

/** Why a row was skipped, in the words of the import summary. */
export const SKIP_REASONS = [
  'missing service',
  'unknown service',
  'missing start',
  'missing resolved time',
  'unparsable date',
  'unparsable number',
  'end before start',
  'acknowledged outside the incident',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** One problem with one row: the row as the user sees it, the field and its column, the value, and why. */
export interface BadRow {
  row: number;
  field: Field;
  column: string | null;
  value: string;
  reason: string;
  category: SkipReason;
}

/** A value the user typed in place of a cell; key `${row}:${column}` (see {@link fixKey}). */
export type RowFixes = Record<string, string>;

/** The key of a fix to the cell of `row` (as the user sees it) in `column` (its header). */
export const fixKey = (row: number, column: string): string => `${row}:${column}`;

export interface ImportOptions {
  mapping: ColumnMapping;
  names: NameMapping;
  fixes?: RowFixes;
  /**
   * Rows whose (optional) acknowledgement is outside the incident are
   * imported without it instead of skipped; each is counted in
   * `acknowledgementsDropped`.
   */
  dropBadAcknowledgements?: boolean;
}

export interface ImportResult {
  incidents: RecordedIncident[];
  /** Rows with data in the file. */
  rowsRead: number;
  /** Rows imported without their acknowledgement (it was outside the incident; see `dropBadAcknowledgements`). */
  acknowledgementsDropped: number;
  /** Rows imported with a fix typed by the user. */
  fixed: number;
  imported: number;
  skipped: number;
  /** Skipped rows by the first reason found in each. */
  skippedBy: Partial<Record<SkipReason, number>>;
  /** Every problem of every skipped row, in file order. */
  badRows: BadRow[];
  /** Responder names left out because they map to no person, with how many rows named them. */
  unmappedPeople: { name: string; rows: number }[];
  /** Problems with the file itself (a row with extra fields), which did not stop its rows being read. */
  fileProblems: { row: number; reason: string }[];
  /** A mapping error that stops everything (no start column, an unknown time zone), or null. */
  error: string | null;
}

/**
 * Turns a log's rows into recorded incidents at their real times (UTC
 * instants; times without an offset are read in the mapping's time zone),
 * with their services and responders as model ids. Never throws for bad data: a
 * row that cannot be read is skipped and listed in `badRows` with its row
 * number, field and reason; a fix in `fixes` replaces that cell's text.
 */
export function importRows(table: SourceTable, options: ImportOptions): ImportResult {
  const { mapping, names } = options;
  const fixes = options.fixes ?? {};
  const result: ImportResult = { incidents: [], rowsRead: table.rows.length, acknowledgementsDropped: 0, fixed: 0, imported: 0, skipped: 0, skippedBy: {}, badRows: [], unmappedPeople: [], fileProblems: table.problems, error: null };
  const stop = (error: string) => ({ ...result, skipped: table.rows.length, error });
  if (!mapping.start) return stop('Choose the column that holds when each incident started.');
  if (!mapping.resolved && !mapping.resolvedSeconds) return stop('Choose the column that holds when each incident was resolved (or how many seconds it took).');
  if (!mapping.service) return stop('Choose the column that names the service.');
  if (!isTimeZone(mapping.timeZone)) return stop(`"${mapping.timeZone}" is not a time zone (use an IANA name such as Europe/Berlin or UTC).`);
  const format = effectiveDateFormat(table, mapping);
  if (!format) return stop('The date format could not be detected from the start column: choose it.');

  const col = (name: string | null) => (name === null ? -1 : table.columns.indexOf(name));
  const at = {
    id: col(mapping.id),
    title: col(mapping.title),
    service: col(mapping.service),
    start: col(mapping.start),
    acknowledged: col(mapping.acknowledged),
    acknowledgedSeconds: col(mapping.acknowledgedSeconds),
    resolved: col(mapping.resolved),
    resolvedSeconds: col(mapping.resolvedSeconds),
    resolvedBy: col(mapping.resolvedBy ?? null),
    urgency: col(mapping.urgency ?? null),
    escalations: col(mapping.escalations ?? null),
    reassignments: col(mapping.reassignments ?? null),
  };
  const fixedRows = new Set(Object.keys(fixes).map((k) => Number(k.slice(0, k.indexOf(':')))));
  const responderCols = mapping.responders.map(col).filter((c) => c >= 0);
  const unmapped = new Map<string, number>();

  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i]!;
    const problems: BadRow[] = [];
    const raw = (_field: Field, index: number) => (index < 0 ? '' : (fixes[fixKey(row, table.columns[index]!)] ?? cells[index] ?? '').trim());
    const bad = (field: Field, column: string | null, value: string, category: SkipReason, reason: string) => problems.push({ row, field, column, value, reason, category });

    const serviceName = raw('service', at.service);
    const service = serviceName === '' ? null : (ownValue(names.services, serviceName) ?? null);
    if (serviceName === '') bad('service', mapping.service, '', 'missing service', 'no service named');
    else if (service === null) bad('service', mapping.service, serviceName, 'unknown service', `"${serviceName}" is not mapped to a service of the model`);

    const readTime = (field: 'start' | 'acknowledged' | 'resolved', column: string | null, index: number): number | null | undefined => {
      const text = raw(field, index);
      if (text === '') return undefined;
      const read = readDate(text, format);
      if (!read.ok) {
        bad(field, column, text, 'unparsable date', read.error);
        return null;
      }
      return typeof read.value === 'number' ? read.value : toInstant(read.value, mapping.timeZone);
    };
    const readSeconds = (field: 'acknowledged' | 'resolved', column: string | null, index: number, from: number | null | undefined): number | null | undefined => {
      const text = raw(field, index);
      if (text === '' || index < 0) return undefined;
      const seconds = Number(text);
      if (!Number.isFinite(seconds) || !/^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(text)) {
        bad(field, column, text, 'unparsable number', `"${text}" is not a number of seconds`);
        return null;
      }
      return typeof from === 'number' ? from + seconds * 1000 : null;
    };

    const start = readTime('start', mapping.start, at.start);
    if (start === undefined) bad('start', mapping.start, '', 'missing start', 'no start time');
    let resolved = readTime('resolved', mapping.resolved, at.resolved);
    if (resolved === undefined) resolved = readSeconds('resolved', mapping.resolvedSeconds, at.resolvedSeconds, start);
    if (resolved === undefined) bad('resolved', mapping.resolved ?? mapping.resolvedSeconds, '', 'missing resolved time', 'no resolved time (still open, or the export left it out)');
    let ack = readTime('acknowledged', mapping.acknowledged, at.acknowledged);
    if (ack === undefined) ack = readSeconds('acknowledged', mapping.acknowledgedSeconds, at.acknowledgedSeconds, start);

    const backwards = typeof start === 'number' && typeof resolved === 'number' && resolved < start;
    if (backwards) {
      bad('resolved', mapping.resolved ?? mapping.resolvedSeconds, raw('resolved', at.resolved >= 0 ? at.resolved : at.resolvedSeconds), 'end before start', 'resolved before it started');
    }
    let ackDropped = false;
    if (!backwards && typeof start === 'number' && typeof ack === 'number' && (ack < start || (typeof resolved === 'number' && ack > resolved))) {
      if (options.dropBadAcknowledgements) {
        ack = undefined;
        ackDropped = true;
      } else {
        bad('acknowledged', mapping.acknowledged ?? mapping.acknowledgedSeconds, raw('acknowledged', at.acknowledged >= 0 ? at.acknowledged : at.acknowledgedSeconds), 'acknowledged outside the incident', ack < start ? 'acknowledged before it started' : 'acknowledged after it was resolved');
      }
    }

    if (problems.length > 0 || service === null || typeof start !== 'number' || typeof resolved !== 'number') {
      result.skipped++;
      const first = problems[0]?.category ?? 'missing start';
      result.skippedBy[first] = (result.skippedBy[first] ?? 0) + 1;
      result.badRows.push(...problems);
      return;
    }

    const responders: string[] = [];
    for (const c of responderCols) {
      for (const name of splitNames(fixes[fixKey(row, table.columns[c]!)] ?? cells[c] ?? '')) {
        const id = ownValue(names.people, name) ?? null;
        if (id === null) unmapped.set(name, (unmapped.get(name) ?? 0) + 1);
        else if (!responders.includes(id)) responders.push(id);
      }
    }
    const byName = splitNames(raw('responders', at.resolvedBy))[0];
    // A log with a resolver column that names nobody on this row (PagerDuty: auto-resolved, or resolved by an integration) says nobody resolved it; without the column, the first responder did.
    const resolvedBy = byName === undefined ? (at.resolvedBy >= 0 ? null : (responders[0] ?? null)) : (names.people[byName] ?? null);
    if (resolvedBy !== null && !responders.includes(resolvedBy)) responders.push(resolvedBy);
    const count = (index: number) => {
      const n = Number(raw('id', index));
      return Number.isInteger(n) && n >= 0 ? n : 0;
    };
    if (ackDropped) result.acknowledgementsDropped++;
    if (fixedRows.has(row)) result.fixed++;
    result.incidents.push({
      id: raw('id', at.id) || `row ${row}`,
      service,
      start: isoInstant(start),
      acknowledged: typeof ack === 'number' ? isoInstant(ack) : null,
      resolved: isoInstant(resolved),
      responders,
      resolvedBy,
      urgency: raw('title', at.urgency).slice(0, 40),
      escalations: count(at.escalations),
      reassignments: count(at.reassignments),
      title: raw('title', at.title).slice(0, 2000),
    });
  });
  result.imported = result.incidents.length;
  result.unmappedPeople = [...unmapped].map(([name, rows]) => ({ name, rows })).sort((a, b) => b.rows - a.rows);
  return result;
}

/** The distinct service and responder names a log uses (with how many rows use each), for the mapping table. */
export function logNames(table: SourceTable, mapping: ColumnMapping): { services: { name: string; rows: number }[]; people: { name: string; rows: number }[] } {
  const count = (cols: number[], split: boolean) => {
    const m = new Map<string, number>();
    for (const cells of table.rows) {
      const seen = new Set<string>();
      for (const c of cols) for (const name of split ? splitNames(cells[c] ?? '') : [(cells[c] ?? '').trim()]) if (name) seen.add(name);
      for (const name of seen) m.set(name, (m.get(name) ?? 0) + 1);
    }
    return [...m].map(([name, rows]) => ({ name, rows })).sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
  };
  const index = (c: string | null) => (c === null ? -1 : table.columns.indexOf(c));
  return {
    services: count([index(mapping.service)].filter((c) => c >= 0), false),
    people: count(mapping.responders.map(index).filter((c) => c >= 0), true),
  };
}
