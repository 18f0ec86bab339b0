import { formatElapsed } from '../../../simulation/replay/elapsed';
import { HOUR_MS, incidentTimes } from '../../../simulation/replay/replayClock';
import type { RecordedIncident } from '../../../simulation/scenario/schema';
import { instantLabel } from './instantLabel';

/**
 * One incident's own story, as a retrospective walks through it: triggered,
 * acknowledged, escalated and reassigned (PagerDuty's counts, where the log
 * has them), resolved and by whom, with the responders.
 */
export function IncidentStory({ inc, timeZone, personName }: { inc: RecordedIncident; timeZone: string; personName(id: string): string }) {
  const t = incidentTimes(inc);
  const after = (x: number) => formatElapsed((x - t.start) / HOUR_MS);
  return (
    <ol className="incident-story" data-testid={`story-${inc.id}`} aria-label={`What happened in ${inc.id}`}>
      <li>
        Triggered {instantLabel(t.start, timeZone, true)}
        {inc.urgency ? `, ${inc.urgency} urgency` : ''}
      </li>
      {t.acknowledged !== null && (
        <li>
          Acknowledged {instantLabel(t.acknowledged, timeZone, true)} (after {after(t.acknowledged)})
        </li>
      )}
      {inc.escalations > 0 && <li>Escalated {inc.escalations === 1 ? 'once' : `${inc.escalations} times`}</li>}
      {inc.reassignments > 0 && <li>Reassigned {inc.reassignments === 1 ? 'once' : `${inc.reassignments} times`}</li>}
      <li>
        Resolved {instantLabel(t.resolved, timeZone, true)} (after {after(t.resolved)}){inc.resolvedBy ? ` by ${personName(inc.resolvedBy)}` : ''}
      </li>
      {inc.responders.length > 0 && <li>Responders: {inc.responders.map(personName).join(', ')}</li>}
    </ol>
  );
}
