/**
 * Which incidents of a log a retrospective looks at: one service, one
 * urgency, a date range (the usual scope of a retro is a week, or one
 * incident). A scoped log replays like the whole one.
 */
import type { IncidentLog } from '../scenario/schema';

export interface LogScope {
  /** Service id, or null for all. */
  service: string | null;
  /** Urgency as the log writes it, or null for all. */
  urgency: string | null;
  /** Instants (ms): incidents that started in [from, to). Null: open-ended. */
  from: number | null;
  to: number | null;
  /** One incident by its id (overrides the rest), or null. */
  incident: string | null;
}

export const WHOLE_LOG: LogScope = { service: null, urgency: null, from: null, to: null, incident: null };

/** Whether the scope narrows the log at all. */
export const isWhole = (s: LogScope): boolean => s.service === null && s.urgency === null && s.from === null && s.to === null && s.incident === null;

/** The log's incidents in `scope`, as a log of its own (same id, its name saying what it holds). */
export function scopeLog(log: IncidentLog, scope: LogScope, describe = ''): IncidentLog {
  if (isWhole(scope)) return log;
  const incidents = log.incidents.filter((inc) => {
    if (scope.incident !== null) return inc.id === scope.incident;
    const t = Date.parse(inc.start);
    return (scope.service === null || inc.service === scope.service) && (scope.urgency === null || inc.urgency === scope.urgency) && (scope.from === null || t >= scope.from) && (scope.to === null || t < scope.to);
  });
  return { ...log, name: describe ? `${log.name}, ${describe}`.slice(0, 200) : log.name, incidents };
}

/** The urgencies a log uses (empty ones left out), in order of first use. */
export function urgenciesOf(log: IncidentLog): string[] {
  return [...new Set(log.incidents.map((i) => i.urgency).filter((u) => u !== ''))];
}
