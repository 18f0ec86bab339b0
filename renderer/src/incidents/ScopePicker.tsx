import { isWhole, urgenciesOf, WHOLE_LOG, type LogScope } from '../../../simulation/replay/scope';
import { toWallClock } from '../../../simulation/replay/dates';
import { localMidnight, localWeekday } from '../../../simulation/replay/replayClock';
import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { instantLabel } from './instantLabel';

const DAY = 86_400_000;
/** The local date (YYYY-MM-DD, in `timeZone`) of an instant, for a date field. */
const toDate = (instant: number | null, timeZone: string) => {
  if (instant === null) return '';
  const w = toWallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
};
const fromDate = (value: string, timeZone: string): number | null => (value ? localMidnight(Date.parse(`${value}T12:00:00Z`), timeZone) : null);

/** A words label of a scope, for the replay's name. */
export function describeScope(scope: LogScope, log: IncidentLog, doc: Scenario): string {
  if (scope.incident !== null) return `incident ${scope.incident}`;
  const parts: string[] = [];
  if (scope.service !== null) parts.push(doc.services.find((s) => s.id === scope.service)?.name ?? scope.service);
  if (scope.urgency !== null) parts.push(`${scope.urgency} urgency`);
  if (scope.from !== null || scope.to !== null) parts.push(`${scope.from === null ? 'start' : instantLabel(scope.from, log.timeZone, false)} to ${scope.to === null ? 'end' : instantLabel(scope.to - 1, log.timeZone, false)}`);
  return parts.join(', ');
}

/**
 * What to replay: the whole log, or a service, an urgency, a date range,
 * the cursor's week, or one incident (the usual scope of a retrospective).
 */
export function ScopePicker({ doc, log, scope, onScope, cursor }: { doc: Scenario; log: IncidentLog; scope: LogScope; onScope(s: LogScope): void; cursor: number }) {
  const services = doc.services.filter((s) => log.incidents.some((i) => i.service === s.id));
  const urgencies = urgenciesOf(log);
  const tz = log.timeZone;
  const week = () => {
    const monday = localMidnight(cursor, tz, 1 - localWeekday(cursor, tz));
    onScope({ ...WHOLE_LOG, from: monday, to: localMidnight(monday + 3 * DAY, tz, 4) });
  };
  return (
    <div className="stress-controls replay-controls" role="group" aria-label="Which incidents">
      <label className="field">
        <span className="field-label">Service</span>
        <select className="input" data-testid="scope-service" value={scope.service ?? ''} onChange={(e) => onScope({ ...scope, incident: null, service: e.target.value || null })}>
          <option value="">All services</option>
          {services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {urgencies.length > 0 && (
        <label className="field">
          <span className="field-label">Urgency</span>
          <select className="input" data-testid="scope-urgency" value={scope.urgency ?? ''} onChange={(e) => onScope({ ...scope, incident: null, urgency: e.target.value || null })}>
            <option value="">All</option>
            {urgencies.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span className="field-label">From</span>
        <input className="input" type="date" data-testid="scope-from" value={toDate(scope.from, tz)} onChange={(e) => onScope({ ...scope, incident: null, from: fromDate(e.target.value, tz) })} />
      </label>
      <label className="field">
        <span className="field-label">Before</span>
        <input className="input" type="date" data-testid="scope-to" value={toDate(scope.to, tz)} onChange={(e) => onScope({ ...scope, incident: null, to: fromDate(e.target.value, tz) })} />
      </label>
      <label className="field">
        <span className="field-label">One incident</span>
        <input className="input" data-testid="scope-incident" list={`incidents-${log.id}`} placeholder="id" value={scope.incident ?? ''} onChange={(e) => onScope({ ...scope, incident: e.target.value.trim() || null })} />
        <datalist id={`incidents-${log.id}`}>
          {log.incidents.slice(0, 2000).map((i, k) => (
            <option key={k} value={i.id} />
          ))}
        </datalist>
      </label>
      <button type="button" className="btn" data-testid="scope-week" onClick={week}>
        The cursor&apos;s week
      </button>
      {!isWhole(scope) && (
        <button type="button" className="btn btn-ghost" data-testid="scope-clear" onClick={() => onScope(WHOLE_LOG)}>
          Whole log
        </button>
      )}
    </div>
  );
}
