import { interactionModes, teamTypes, type Team } from '../../../simulation/scenario/schema';
import type { EditableParts } from '../document/editableParts';
import { Field } from './fields';
import { useApply } from './useApply';

const TYPE_LABEL: Record<Team['type'], string> = { 'stream-aligned': 'Stream-aligned', platform: 'Platform', enabling: 'Enabling', 'complicated-subsystem': 'Complicated subsystem' };
const MODE_LABEL: Record<Team['interactions'][number]['mode'], string> = { collaboration: 'Collaboration', 'x-as-a-service': 'X-as-a-service', facilitating: 'Facilitating' };

/** A team: type, members, and its interaction modes with other teams (its Team API). */
export function TeamInspector({ model, id }: { model: EditableParts; id: string }) {
  const { variant, run, endGesture } = useApply();
  const team = model.teams.find((t) => t.id === id);
  if (!team) return null;
  const members = model.people.filter((p) => p.team === id);
  const owns = model.services.filter((s) => s.team === id);
  return (
    <div className="inspector-body" data-testid="inspector-team">
      <Field label="Name">
        <input className="input" value={team.name} onBlur={endGesture} onChange={(e) => run({ type: 'team.update', variant, id, patch: { name: e.target.value } }, `name:${id}`)} />
      </Field>
      <Field label="Type (Team Topologies)">
        <select className="input" data-testid="team-type" value={team.type} onChange={(e) => run({ type: 'team.update', variant, id, patch: { type: e.target.value as Team['type'] } })}>
          {teamTypes.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </Field>
      <div className="inspector-section" data-testid="team-api">
        <div className="inspector-section-title">Team API</div>
        <Field label="Offers other teams">
          <textarea
            className="textarea"
            data-testid="team-offers"
            maxLength={2000}
            rows={2}
            placeholder="e.g. Feature store as a service; help choosing models"
            value={team.offers ?? ''}
            onBlur={endGesture}
            onChange={(e) => run({ type: 'team.update', variant, id, patch: { offers: e.target.value } }, `offers:${id}`)}
          />
        </Field>
        <Field label="How to reach it">
          <input className="input" data-testid="team-contact" maxLength={500} placeholder="e.g. #data-team, office hours Tue 14:00" value={team.contact ?? ''} onBlur={endGesture} onChange={(e) => run({ type: 'team.update', variant, id, patch: { contact: e.target.value } }, `contact:${id}`)} />
        </Field>
      </div>
      <div className="inspector-section">
        <div className="inspector-section-title">Members ({members.length})</div>
        {members.length === 0 ? <p className="empty-hint">Set a person's team to add them.</p> : <p>{members.map((p) => p.name).join(', ')}</p>}
      </div>
      <div className="inspector-section">
        <div className="inspector-section-title">Owns ({owns.length})</div>
        {owns.length === 0 ? <p className="empty-hint">No services.</p> : <p>{owns.map((s) => s.name).join(', ')}</p>}
      </div>
      <div className="inspector-section">
        <div className="inspector-section-title">Interactions</div>
        {model.teams
          .filter((t) => t.id !== id)
          .map((other) => (
            <div className="level-row" key={other.id}>
              <span className="level-name">{other.name}</span>
              <select className="input" value={team.interactions.find((x) => x.team === other.id)?.mode ?? ''} onChange={(e) => run({ type: 'team.setInteraction', variant, id, other: other.id, mode: (e.target.value || null) as Team['interactions'][number]['mode'] | null })}>
                <option value="">None</option>
                {interactionModes.map((m) => (
                  <option key={m} value={m}>
                    {MODE_LABEL[m]}
                  </option>
                ))}
              </select>
            </div>
          ))}
        {model.teams.length < 2 && <p className="empty-hint">Add another team to describe how they interact.</p>}
      </div>
    </div>
  );
}
