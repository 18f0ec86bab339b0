import { MAX_INCIDENTS_PER_LOG, type Calendar, type RecordedIncident } from '../scenario/schema';
import { suggestMapping, type ColumnMapping, type LogFormat } from './columnMapping';
import { importRows, logNames, type ImportResult, type RowFixes } from './importLog';
import { autoMatch, type NameMapping } from './nameMapping';
import { readSourceTable, type SourceTable } from './sourceTable';
import { rememberIncidentsText, serializeIncidents } from '../scenario/serialize';
import { ownValue } from '../scenario/idMap';

/** Bad rows sent back for the summary at most (the count is always exact). */
export const BAD_ROWS_SHOWN = 200;

export type ToImport =
  | { type: 'parse'; id: number; text: string; fileName: string; timeZone: string }
  | {
      type: 'convert';
      id: number;
      mapping: ColumnMapping;
      /** The user's choices for log names; names not in them are matched to `entities` by name or id. */
      names: NameMapping;
      entities: { services: Entity[]; people: Entity[] };
      /** Not used since incidents keep their real times (kept so older callers still type-check). */
      calendar?: Calendar;
      fixes: RowFixes;
      /** Import rows whose acknowledgement is outside the incident without it (see ImportOptions). */
      dropBadAcknowledgements?: boolean;
      withIncidents: boolean;
    };

type Entity = { id: string; name: string };

/** The file as read: its format, columns, a few rows to show, and the suggested mapping. */
export interface ParsedLog {
  fileName: string;
  format: LogFormat;
  kind: SourceTable['kind'];
  columns: string[];
  rowCount: number;
  preview: string[][];
  mapping: ColumnMapping;
}

/** A name the log uses, how many rows use it, and the model id it maps to now (null: none). */
export interface LogName {
  name: string;
  rows: number;
  mapped: string | null;
}

/**
 * A conversion's summary: the result without its incidents (unless asked
 * for), bad rows capped, and the log's names. The incidents travel as JSON
 * text: for 100,000 of them, parsing text costs the page a fraction of what
 * copying as many objects between threads does.
 */
export interface ConvertedLog extends Omit<ImportResult, 'incidents'> {
  badRowCount: number;
  names: { services: LogName[]; people: LogName[] };
  incidentsJson: string | null;
  /** The incidents as a scenario file holds them (serializeIncidents), made here so the page need not. */
  incidentsText: string | null;
}

/** The incidents of a conversion asked for with `withIncidents`, deeply frozen (the document never changes them in place). */
export function incidentsOf(converted: ConvertedLog): RecordedIncident[] {
  const list = JSON.parse(converted.incidentsJson ?? '[]') as RecordedIncident[];
  for (const inc of list) {
    Object.freeze(inc.responders);
    Object.freeze(inc);
  }
  const frozen = Object.freeze(list) as RecordedIncident[];
  // Saving (and autosaving) the document will write this text instead of making it again on the page.
  if (converted.incidentsText !== null) rememberIncidentsText(frozen, converted.incidentsText);
  return frozen;
}

export type FromImport = { type: 'parsed'; id: number; parsed: ParsedLog } | { type: 'converted'; id: number; converted: ConvertedLog } | { type: 'error'; id: number; message: string };

/** Largest incident log file read for import (its rows are checked against MAX_INCIDENTS_PER_LOG once read). */
export const MAX_LOG_FILE_BYTES = 256 * 1024 * 1024;

/** Why a log with more rows than a log may hold incidents is not read. */
export function tooManyRows(fileName: string, rows: number): string {
  return `${fileName} has ${rows.toLocaleString('en')} rows; a log may hold at most ${MAX_INCIDENTS_PER_LOG.toLocaleString('en')} incidents, so that the scenario can be saved. Import a shorter period (split the file by date) as separate logs.`;
}

/**
 * The import's side of its Web Worker: keeps the file's table between
 * messages, so the mapping step can convert it again on every change
 * without sending the file back and forth. Bad data never throws out of it:
 * it answers with an error message instead.
 */
export function createImportSession(): (message: ToImport) => FromImport {
  let table: SourceTable | null = null;
  let fileName = '';
  return (message) => {
    try {
      if (message.type === 'parse') {
        const read = readSourceTable(message.text, message.fileName);
        // Refused here, before the page is sent a single incident: a log this long could not be saved (see MAX_INCIDENTS_PER_LOG).
        if (read.rows.length > MAX_INCIDENTS_PER_LOG) {
          table = null;
          return { type: 'error', id: message.id, message: tooManyRows(message.fileName, read.rows.length) };
        }
        table = read;
        fileName = message.fileName;
        const { format, mapping } = suggestMapping(table, message.timeZone);
        return { type: 'parsed', id: message.id, parsed: { fileName, format, kind: table.kind, columns: table.columns, rowCount: table.rows.length, preview: table.rows.slice(0, 5), mapping } };
      }
      if (!table) return { type: 'error', id: message.id, message: 'No file has been read yet.' };
      const used = logNames(table, message.mapping);
      const names: NameMapping = {
        services: { ...autoMatch(used.services.map((n) => n.name), message.entities.services), ...message.names.services },
        people: { ...autoMatch(used.people.map((n) => n.name), message.entities.people), ...message.names.people },
      };
      const result = importRows(table, { mapping: message.mapping, names, fixes: message.fixes, dropBadAcknowledgements: message.dropBadAcknowledgements });
      const { incidents, badRows, ...rest } = result;
      const withMapped = (list: { name: string; rows: number }[], table: NameMapping['services']) => list.map((n) => ({ ...n, mapped: ownValue(table, n.name) ?? null }));
      return {
        type: 'converted',
        id: message.id,
        converted: {
          ...rest,
          badRows: badRows.slice(0, BAD_ROWS_SHOWN),
          badRowCount: badRows.length,
          names: { services: withMapped(used.services, names.services), people: withMapped(used.people, names.people) },
          incidentsJson: message.withIncidents ? JSON.stringify(incidents) : null,
          incidentsText: message.withIncidents ? serializeIncidents(incidents) : null,
        },
      };
    } catch (err) {
      return { type: 'error', id: message.id, message: err instanceof Error ? err.message : String(err) };
    }
  };
}
