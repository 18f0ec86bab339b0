import type { EditableParts } from '../document/editableParts';
import { Field, NumberInput, TeamSelect } from './fields';
import { useApply } from './useApply';

/** A person: name, team, skills with levels, the services they know, planned absences and departure. */
export function PersonInspector({ model, id }: { model: EditableParts; id: string }) {
  const { variant, run, endGesture } = useApply();
  const person = model.people.find((p) => p.id === id);
  if (!person) return null;
  const known = model.services.filter((s) => s.knowledge[id] !== undefined || s.owners.includes(id));
  const unknownSkills = model.skills.filter((k) => person.skills[k.id] === undefined);
  const unknownServices = model.services.filter((s) => s.knowledge[id] === undefined);
  return (
    <div className="inspector-body" data-testid="inspector-person">
      <Field label="Name">
        <input className="input" data-testid="person-name" value={person.name} onBlur={endGesture} onChange={(e) => run({ type: 'person.update', variant, id, patch: { name: e.target.value } }, `name:${id}`)} />
      </Field>
      <TeamSelect teams={model.teams} value={person.team} testId="person-team" onChange={(team) => run({ type: 'person.update', variant, id, patch: { team } })} />
      <div className="inspector-section">
        <div className="inspector-section-title">Skills</div>
        {Object.entries(person.skills).map(([skill, level]) => (
          <div className="level-row" key={skill}>
            <span className="level-name">{model.skills.find((k) => k.id === skill)?.name ?? skill}</span>
            <input type="range" min={0} max={1} step={0.05} value={level} aria-label={`Level in ${skill}`} onPointerUp={endGesture} onChange={(e) => run({ type: 'person.setSkill', variant, id, skill, level: Number(e.target.value) }, `skill:${id}:${skill}`)} />
            <NumberInput value={level} min={0} max={1} step={0.05} ariaLabel={`Level in ${skill}`} testId={`person-skill-${skill}`} onBlur={endGesture} onChange={(v) => run({ type: 'person.setSkill', variant, id, skill, level: v }, `skill:${id}:${skill}`)} />
            <button type="button" className="btn btn-ghost icon-btn" aria-label={`Remove ${skill}`} onClick={() => run({ type: 'person.setSkill', variant, id, skill, level: null })}>
              ×
            </button>
          </div>
        ))}
        {unknownSkills.length > 0 && (
          <select className="input" data-testid="person-add-skill" value="" onChange={(e) => e.target.value && run({ type: 'person.setSkill', variant, id, skill: e.target.value, level: 0.5 })}>
            <option value="">Add a skill...</option>
            {unknownSkills.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        )}
        {model.skills.length === 0 && <p className="empty-hint">Add skills in the skills matrix first.</p>}
      </div>
      <div className="inspector-section">
        <div className="inspector-section-title">Knows these services</div>
        {known.length === 0 && <p className="empty-hint">None yet: drag from this person to a service on the canvas.</p>}
        {known.map((s) => (
          <div className="level-row" key={s.id}>
            <span className="level-name">
              {s.name}
              {s.owners.includes(id) && <span className="chip owner-chip">owner</span>}
            </span>
            <NumberInput value={s.knowledge[id] ?? 0} min={0} max={1} ariaLabel={`Knowledge of ${s.name}`} onBlur={endGesture} onChange={(v) => run({ type: 'knowledge.set', variant, personId: id, serviceId: s.id, level: v }, `know:${id}:${s.id}`)} />
          </div>
        ))}
        {unknownServices.length > 0 && (
          <select className="input" value="" onChange={(e) => e.target.value && run({ type: 'knowledge.set', variant, personId: id, serviceId: e.target.value, level: 0.5 })}>
            <option value="">Knows another service...</option>
            {unknownServices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="inspector-section">
        <div className="inspector-section-title">Planned absences (working hours from the start)</div>
        {person.absences.map((a, i) => (
          <div className="level-row" key={i}>
            <NumberInput value={a.start} min={0} unit="from" ariaLabel="Absence start" onBlur={endGesture} onChange={(v) => v < a.end && run({ type: 'person.update', variant, id, patch: { absences: person.absences.map((x, k) => (k === i ? { ...x, start: v } : x)) } }, `abs:${id}:${i}`)} />
            <NumberInput value={a.end} min={0} unit="to" ariaLabel="Absence end" onBlur={endGesture} onChange={(v) => v > a.start && run({ type: 'person.update', variant, id, patch: { absences: person.absences.map((x, k) => (k === i ? { ...x, end: v } : x)) } }, `abs:${id}:${i}`)} />
            <button type="button" className="btn btn-ghost icon-btn" aria-label="Remove absence" onClick={() => run({ type: 'person.update', variant, id, patch: { absences: person.absences.filter((_, k) => k !== i) } })}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="btn" data-testid="person-add-absence" onClick={() => run({ type: 'person.update', variant, id, patch: { absences: [...person.absences, { start: 400, end: 560, reason: 'leave' }] } })}>
          Add an absence
        </button>
      </div>
      <Field label="Works (share of a full week)" hint="0.6: three days of five; away the rest of each week.">
        <NumberInput value={person.availability} min={0.05} max={1} step={0.1} testId="person-availability" onBlur={endGesture} onChange={(v) => run({ type: 'person.update', variant, id, patch: { availability: v } }, `avail:${id}`)} />
      </Field>
      <Field label="Leaves at (working hour; empty: stays)">
        <input
          className="input"
          data-testid="person-departure"
          inputMode="decimal"
          value={person.departureAt ?? ''}
          onChange={(e) => {
            const v = e.target.value.trim();
            const n = Number(v);
            if (v === '') run({ type: 'person.update', variant, id, patch: { departureAt: null } });
            else if (Number.isFinite(n) && n >= 0) run({ type: 'person.update', variant, id, patch: { departureAt: n } }, `dep:${id}`);
          }}
          onBlur={endGesture}
        />
      </Field>
    </div>
  );
}
