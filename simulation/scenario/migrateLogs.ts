import { workingHoursToDate } from '../replay/workingTime';
import type { Calendar } from './schema';

/** An instant written as the file keeps it: ISO 8601 in UTC, to the second. */
export const isoInstant = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/**
 * Format 2 to 3: incident logs kept each time as working hours from the
 * scenario's first day (the time zone they were read in was not kept). Each
 * becomes the UTC instant that working hour names on the file's own
 * calendar, read as UTC: the dates and working-day times come back as the
 * import showed them, nights and weekends (already lost in format 2) do not.
 * Logs get time zone UTC. A document that is not what format 2 wrote is
 * left for the schema to report.
 */
export function migrateLogsToInstants(doc: Record<string, unknown>): Record<string, unknown> {
  const calendar = doc.calendar as Calendar | undefined;
  if (!Array.isArray(doc.incidentLogs) || !calendar || typeof calendar.startDate !== 'string') return doc;
  const at = (h: unknown): unknown => {
    if (typeof h !== 'number' || !Number.isFinite(h) || h < 0) return h;
    const { date, minutes } = workingHoursToDate(h, calendar);
    return isoInstant(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000);
  };
  const incidentLogs = (doc.incidentLogs as unknown[]).map((log) => {
    if (typeof log !== 'object' || log === null || !Array.isArray((log as { incidents?: unknown }).incidents)) return log;
    const l = log as { incidents: unknown[] };
    return {
      ...l,
      timeZone: 'UTC',
      incidents: l.incidents.map((inc) => {
        if (typeof inc !== 'object' || inc === null) return inc;
        const i = inc as Record<string, unknown>;
        return { ...i, start: at(i.start), resolved: at(i.resolved), acknowledged: i.acknowledged === null || i.acknowledged === undefined ? null : at(i.acknowledged) };
      }),
    };
  });
  return { ...doc, incidentLogs };
}
