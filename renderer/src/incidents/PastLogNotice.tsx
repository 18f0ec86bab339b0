import { localMidnight, replayClock } from '../../../simulation/replay/replayClock';
import { toWallClock } from '../../../simulation/replay/dates';
import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { useDocumentStore } from '../state/documentStore';
import { instantLabel } from './instantLabel';

/**
 * A log from before the scenario's first day imports as it is (its times
 * are its own), but planned absences and the "someone away" what-if are set
 * on the scenario's calendar, which starts later: offer to move the first
 * day to the Monday of the log's first week, in one undoable step (planned
 * absences keep their dates).
 */
export function PastLogNotice({ doc, log }: { doc: Scenario; log: IncidentLog }) {
  const first = replayClock(log).origin;
  const w = toWallClock(first, log.timeZone);
  const date = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  const before = log.incidents.filter((i) => Date.parse(i.start) < localMidnight(Date.parse(`${doc.calendar.startDate}T12:00:00Z`), log.timeZone)).length;
  if (before === 0) return null;
  return (
    <p className="field-hint past-log" data-testid="past-log">
      {before} of {log.incidents.length} incidents are before the scenario&apos;s first day ({doc.calendar.startDate}): they replay as recorded, but planned absences
      and the &quot;someone away&quot; what-if can only be set from that day.{' '}
      <button type="button" className="btn" data-testid="move-first-day" onClick={() => useDocumentStore.getState().apply({ type: 'calendar.update', patch: { startDate: date } })}>
        Start the scenario on {instantLabel(first, log.timeZone, false)}
      </button>
    </p>
  );
}
