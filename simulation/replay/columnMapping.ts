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

/** A header as PagerDuty's exports vary it ("Created At", "created_at", "created-at"): lower case, words joined by "_". */
const normalised = (column: string) => column.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * PagerDuty's two incident exports name some columns differently: the
 * Incidents report (created_on, resolved_on, reassignment_count) and
 * Analytics' raw incident data (created_at, resolved_at, assignment_count).
 * Each role lists its names, the first found wins.
 */
const PAGERDUTY_COLUMNS = {
  id: ['incident_number'],
  title: ['description', 'title', 'summary'],
  service: ['service_name'],
  start: ['created_on', 'created_at'],
  acknowledged: ['acknowledged_on', 'acknowledged_at', 'first_acknowledged_at'],
  acknowledgedSeconds: ['seconds_to_first_ack'],
  resolved: ['resolved_on', 'resolved_at'],
  resolvedSeconds: ['seconds_to_resolve'],
  resolvedBy: ['resolved_by_user_name', 'resolved_by'],
  urgency: ['urgency'],
  escalations: ['escalation_count'],
  reassignments: ['reassignment_count', 'assignment_count'],
  responders: ['resolved_by_user_name', 'assigned_to_user_names', 'acknowledged_by_user_names'],
} as const;

/** A PagerDuty incident export has an incident number, a creation time and a service name (CSV from the Incidents report or from Analytics, or the same fields as JSON). */
export function recogniseFormat(columns: readonly string[]): LogFormat {
  const has = new Set(columns.map(normalised));
  const any = (names: readonly string[]) => names.some((n) => has.has(n));
  return any(PAGERDUTY_COLUMNS.id) && any(PAGERDUTY_COLUMNS.start) && any(PAGERDUTY_COLUMNS.service) ? 'pagerduty' : 'generic';
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
  const named = (names: readonly string[]): string | null => {
    for (const n of names) {
      const hit = table.columns.find((c) => normalised(c) === n);
      if (hit) return hit;
    }
    return null;
  };
  const pd = PAGERDUTY_COLUMNS;
  const mapping: ColumnMapping =
    format === 'pagerduty'
      ? {
          id: named(pd.id),
          title: named(pd.title),
          service: named(pd.service),
          start: named(pd.start),
          acknowledged: named(pd.acknowledged),
          acknowledgedSeconds: named(pd.acknowledgedSeconds),
          resolved: named(pd.resolved),
          resolvedSeconds: named(pd.resolvedSeconds),
          responders: pd.responders.map((n) => named([n])).filter((c): c is string => c !== null),
          dateFormat: 'auto',
          timeZone,
          resolvedBy: named(pd.resolvedBy),
          urgency: named(pd.urgency),
          escalations: named(pd.escalations),
          reassignments: named(pd.reassignments),
        }
      : {
          id: find(/^(incident[ _-]?)?(id|number|key|no\.?)$/i, /^(ticket|issue|case)([ _-]?(id|number|no))?$/i, /(^|[ _-])(id|number|key)$/i),
          title: find(/^(title|summary|description|subject|name)$/i, /title|summary|description/i),
          service: find(/^(service|component|system|application|app)([ _-]?name)?$/i, /service|component|system/i),
          start: find(/^(start|started|created|opened|triggered|began|detected)([ _-]?(at|on|time|date))?$/i, /start|created|opened|triggered/i),
          acknowledged: find(/^(ack|acknowledged|acked)([ _-]?(at|on|time))?$/i, /^(?!.*(seconds|minutes|time_?to|duration)).*(acknowledged|(^|[ _-])ack)/i),
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
