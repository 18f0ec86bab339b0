import type { Calendar, IncidentLog, RecordedIncident } from '../../../../simulation/scenario/schema';

/** Monday 5 January 2026, 00:00 UTC: hour 0 of the synthetic logs. */
export const T0 = Date.UTC(2026, 0, 5);

/** The UTC instant `h` hours after T0, as the file keeps it. */
export const at = (h: number): string => new Date(T0 + Math.round(h * 3_600_000)).toISOString().replace('.000Z', 'Z');

/** A calendar where every hour is a working hour: real and working hours are the same. */
export const ROUND_THE_CLOCK: Calendar = { startDate: '2026-01-05', hoursPerDay: 24, daysPerWeek: 7, weeksPerYear: 52, dayStartHour: 0 };

/** An office calendar: 09:00-17:00, Monday to Friday. */
export const OFFICE: Calendar = { startDate: '2026-01-05', hoursPerDay: 8, daysPerWeek: 5, weeksPerYear: 46 };

/** A recorded incident from hours after T0 (acknowledged null: none). */
export function incident(id: string, service: string, start: number, ack: number | null, resolved: number, responders: string[] = [], resolvedBy: string | null = responders[0] ?? null): RecordedIncident {
  return { id, service, start: at(start), acknowledged: ack === null ? null : at(ack), resolved: at(resolved), responders, resolvedBy, urgency: '', escalations: 0, reassignments: 0, title: '' };
}

export const logOf = (incidents: RecordedIncident[], timeZone = 'UTC'): IncidentLog => ({ id: 'synthetic', name: 'Synthetic', source: 'test', timeZone, provenance: null, incidents });
