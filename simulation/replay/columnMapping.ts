import { detectDateFormat, type DateFormat } from './dates';
import type { SourceTable } from './sourceTable';

/**
 * Which column of the log holds what (columns are named by their header), and
 * how its date-times are written. `null`: the log has no such column.
 */
export interface ColumnMapping {
  id: string | null;
  title: string | null;
  service: string | null;
  start: string | null;
  acknowledged: string | null;
  /** Seconds from the start to the first acknowledgement, used when `acknowledged` is not mapped or empty. */
  acknowledgedSeconds: string | null;
  resolved: string | null;
  /** Seconds from the start to the resolution, used when `resolved` is not mapped or empty. */
  resolvedSeconds: string | null;
  /** Columns of names (a cell may list several, separated by commas or semicolons). */
  responders: string[];
  dateFormat: DateFormat;
  /** IANA time zone for times written without an offset, and the team's working day. */
  timeZone: string;
  /** Who resolved each incident (one name); absent or null: the first responder named. */
  resolvedBy?: string | null;
  /** Urgency (PagerDuty: high or low), and how many times it was escalated and reassigned, if the log has them. */
  urgency?: string | null;
  escalations?: string | null;
  reassignments?: string | null;
}

/** The roles a column can play, as named in bad-row reports. */
export type Field = 'id' | 'title' | 'service' | 'start' | 'acknowledged' | 'resolved' | 'responders';

export type LogFormat = 'pagerduty' | 'generic';

export const LOG_FORMAT_LABELS: Record<LogFormat, string> = { pagerduty: 'PagerDuty incident export', generic: 'Incident log (columns to map)' };

const PAGERDUTY_REQUIRED = ['incident_number', 'created_on', 'service_name'];

/** A PagerDuty incident export has incident_number, created_on and service_name (CSV from the Incidents report, or the same fields as JSON). */
export function recogniseFormat(columns: readonly string[]): LogFormat {
  const lower = new Set(columns.map((c) => c.toLowerCase()));
  return PAGERDUTY_REQUIRED.every((c) => lower.has(c)) ? 'pagerduty' : 'generic';
}

/**
 * The mapping to start from: the known columns of a PagerDuty export, or for
 * another log the columns whose headers look like each role (created, opened,
 * start...; the user checks and changes them). The date format is detected
 * from the start column's values.
 */
export function suggestMapping(table: SourceTable, timeZone: string): { format: LogFormat; mapping: ColumnMapping } {
  const format = recogniseFormat(table.columns);
  const find = (...patterns: RegExp[]): string | null => {
    for (const p of patterns) {
      const hit = table.columns.find((c) => p.test(c));
      if (hit) return hit;
    }
    return null;
  };
  const exact = (name: string) => table.columns.find((c) => c.toLowerCase() === name) ?? null;
  const mapping: ColumnMapping =
    format === 'pagerduty'
      ? {
          id: exact('incident_number'),
          title: exact('description') ?? exact('title'),
          service: exact('service_name'),
          start: exact('created_on'),
          acknowledged: exact('acknowledged_on'),
          acknowledgedSeconds: exact('seconds_to_first_ack'),
          resolved: exact('resolved_on'),
          resolvedSeconds: exact('seconds_to_resolve'),
          responders: ['resolved_by_user_name', 'assigned_to_user_names', 'acknowledged_by_user_names'].map(exact).filter((c): c is string => c !== null),
          dateFormat: 'auto',
          timeZone,
          resolvedBy: exact('resolved_by_user_name'),
          urgency: exact('urgency'),
          escalations: exact('escalation_count'),
          reassignments: exact('reassignment_count'),
        }
      : {
          id: find(/^(incident[ _-]?)?(id|number|key|no\.?)$/i, /^(ticket|issue|case)([ _-]?(id|number|no))?$/i, /(^|[ _-])(id|number|key)$/i),
          title: find(/^(title|summary|description|subject|name)$/i, /title|summary|description/i),
          service: find(/^(service|component|system|application|app)([ _-]?name)?$/i, /service|component|system/i),
          start: find(/^(start|started|created|opened|triggered|began|detected)([ _-]?(at|on|time|date))?$/i, /start|created|opened|triggered/i),
          acknowledged: find(/^(ack|acknowledged|acked)([ _-]?(at|on|time))?$/i, /acknowledged|(^|[ _-])ack/i),
          acknowledgedSeconds: null,
          resolved: find(/^(end|ended|resolved|closed|restored|recovered|finished)([ _-]?(at|on|time|date))?$/i, /resolved|closed|restored|(^|[ _-])end/i),
          resolvedSeconds: null,
          responders: [find(/^(responders?|assignees?|assigned[ _-]?to|owner|resolved[ _-]?by|engineer|on[ _-]?call)$/i, /responder|assignee|assigned|resolved[ _-]?by/i)].filter((c): c is string => c !== null),
          dateFormat: 'auto',
          timeZone,
          resolvedBy: find(/^resolved[ _-]?by([ _-]?(user|name|user[ _-]?name))?$/i),
          urgency: find(/^(urgency|priority|severity|sev)$/i),
          escalations: null,
          reassignments: null,
        };
  return { format, mapping };
}

/** The date format a mapping reads with: its own, or the one detected from the start and end columns. */
export function effectiveDateFormat(table: SourceTable, mapping: ColumnMapping): Exclude<DateFormat, 'auto'> | null {
  if (mapping.dateFormat !== 'auto') return mapping.dateFormat;
  const cols = [mapping.start, mapping.resolved, mapping.acknowledged].filter((c): c is string => c !== null).map((c) => table.columns.indexOf(c));
  const samples: string[] = [];
  for (let i = 0; i < table.rows.length && samples.length < 400; i += Math.max(1, Math.floor(table.rows.length / 200))) {
    for (const c of cols) if (c >= 0) samples.push(table.rows[i]![c] ?? '');
  }
  return detectDateFormat(samples);
}
