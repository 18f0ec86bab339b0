import { useState } from 'react';
import { dateToWorkingHours, isCivilDate, workingHoursToDay } from '../../../simulation/replay/workingTime';
import { absenceReasons, type Calendar, type Person } from '../../../simulation/scenario/schema';
import type { EditableParts } from '../document/editableParts';
import { useDocumentStore } from '../state/documentStore';
import { Field, NumberInput, PercentInput, TeamSelect } from './fields';
import { useApply } from './useApply';
import { levelOf } from '../../../simulation/scenario/idMap';

/** A person: name, team, skills with levels, the services they know, planned absences and departure. */
export function PersonInspector({ model, id }: { model: EditableParts; id: string }) {
  const { variant, run, endGesture } = useApply();
  const calendar = useDocumentStore((s) => s.doc?.calendar);
  const person = model.people.find((p) => p.id === id);
  if (!person || !calendar) return null;
  const known = model.services.filter((s) => levelOf(s.knowledge, id) !== undefined || s.owners.includes(id));
  const unknownSkills = model.skills.filter((k) => levelOf(person.skills, k.id) === undefined);
  const unknownServices = model.services.filter((s) => levelOf(s.knowledge, id) === undefined);
  return (
    <div className="inspector-body" data-testid="inspector-person">
      <Field label="Name">
        <input className="input" data-testid="person-name" value={person.name} onBlur={endGesture} onChange={(e) => run({ type: 'person.update', variant, id, patch: { name: e.target.value } }, `name:${id}`)} />
      </Field>
      <TeamSelect teams={model.teams} value={person.team} testId="person-team" onChange={(team) => run({ type: 'person.update', variant, id, patch: { team } })} />
      <div className="inspector-section">
        <div className="inspector-section-title">Skills (level in %)</div>
        {Object.entries(person.skills).map(([skill, level]) => {
          const name = model.skills.find((k) => k.id === skill)?.name ?? skill;
          return (
            <div className="level-row" key={skill}>
              <span className="level-name">{name}</span>
              <input type="range" min={0} max={1} step={0.05} value={level} aria-label={`Level in ${name}`} aria-valuetext={`${Math.round(level * 100)}%`} onPointerUp={endGesture} onChange={(e) => run({ type: 'person.setSkill', variant, id, skill, level: Number(e.target.value) }, `skill:${id}:${skill}`)} />
              <PercentInput value={level} ariaLabel={`Level in ${name}, percent`} testId={`person-skill-${skill}`} onBlur={endGesture} onChange={(v) => run({ type: 'person.setSkill', variant, id, skill, level: v }, `skill:${id}:${skill}`)} />
              <button type="button" className="btn btn-ghost icon-btn" aria-label={`Remove ${name}`} onClick={() => run({ type: 'person.setSkill', variant, id, skill, level: null })}>
                ×
              </button>
            </div>
          );
        })}
        {unknownSkills.length > 0 && (
          <select className="input" data-testid="person-add-skill" aria-label="Add a skill" value="" onChange={(e) => e.target.value && run({ type: 'person.setSkill', variant, id, skill: e.target.value, level: 0.5 })}>
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
        <div className="inspector-section-title">Knows these services (knowledge in %)</div>
        {known.length === 0 && <p className="empty-hint">None yet: drag from this person to a service on the canvas.</p>}
        {known.map((s) => (
          <div className="level-row" key={s.id}>
            <span className="level-name">
              {s.name}
              {s.owners.includes(id) && <span className="chip owner-chip">owner</span>}
            </span>
            <PercentInput value={levelOf(s.knowledge, id) ?? 0} ariaLabel={`Knowledge of ${s.name}, percent`} onBlur={endGesture} onChange={(v) => run({ type: 'knowledge.set', variant, personId: id, serviceId: s.id, level: v }, `know:${id}:${s.id}`)} />
          </div>
        ))}
        {unknownServices.length > 0 && (
          <select className="input" aria-label="Knows another service" value="" onChange={(e) => e.target.value && run({ type: 'knowledge.set', variant, personId: id, serviceId: e.target.value, level: 0.5 })}>
            <option value="">Knows another service...</option>
            {unknownServices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="inspector-section" data-testid="person-absences">
        <div className="inspector-section-title">Planned absences</div>
        {person.absences.map((a, i) => (
          <AbsenceRow
            key={`${i}:${a.start}:${a.end}`}
            absence={a}
            calendar={calendar}
            onChange={(next) => run({ type: 'person.update', variant, id, patch: { absences: person.absences.map((x, k) => (k === i ? next : x)) } })}
            onRemove={() => run({ type: 'person.update', variant, id, patch: { absences: person.absences.filter((_, k) => k !== i) } })}
          />
        ))}
        <button type="button" className="btn" data-testid="person-add-absence" onClick={() => run({ type: 'person.update', variant, id, patch: { absences: [...person.absences, nextAbsence(person.absences, calendar)] } })}>
          Add an absence
        </button>
      </div>
      <Field label="Works (share of a full week)" hint="0.6: three days of five; away the rest of each week.">
        <NumberInput value={person.availability} min={0.05} max={1} step={0.1} testId="person-availability" onBlur={endGesture} onChange={(v) => run({ type: 'person.update', variant, id, patch: { availability: v } }, `avail:${id}`)} />
      </Field>
      <Field label="Leaves after" hint={person.departureAt === null ? 'Empty: stays for the whole run' : `Working hour ${round(person.departureAt)}; a replacement follows (Workload tab)`}>
        <span className="date-row">
          <input
            className="input date-input"
            type="date"
            data-testid="person-departure"
            value={person.departureAt === null ? '' : workingHoursToDay(person.departureAt, calendar, 'end')}
            onChange={(e) => {
              const v = e.target.value;
              if (v === '') run({ type: 'person.update', variant, id, patch: { departureAt: null } });
              else if (isCivilDate(v)) run({ type: 'person.update', variant, id, patch: { departureAt: Math.max(0, dateToWorkingHours(v, calendar, 'end')) } });
            }}
          />
          {person.departureAt !== null && (
            <button type="button" className="btn btn-ghost" data-testid="person-departure-clear" onClick={() => run({ type: 'person.update', variant, id, patch: { departureAt: null } })}>
              Stays
            </button>
          )}
        </span>
      </Field>
    </div>
  );
}

type Absence = Person['absences'][number];

const REASON_LABEL: Record<Absence['reason'], string> = { vacation: 'Vacation', sick: 'Sick', leave: 'Leave', other: 'Other' };

const round = (h: number) => Number(h.toFixed(1));

/** The next two working weeks after the person's last absence (or the 11th week of the run). */
function nextAbsence(absences: readonly Absence[], calendar: Calendar): Absence {
  const week = calendar.hoursPerDay * calendar.daysPerWeek;
  const after = absences.reduce((latest, a) => Math.max(latest, a.end), 10 * week);
  const start = Math.ceil(after / week) * week;
  return { start, end: start + 2 * week, reason: 'leave' };
}

/**
 * One planned absence as whole days on the calendar (first and last day, both
 * included), with its reason; the working hours it covers are said below it.
 */
function AbsenceRow({ absence, calendar, onChange, onRemove }: { absence: Absence; calendar: Calendar; onChange(a: Absence): void; onRemove(): void }) {
  const [error, setError] = useState<string | null>(null);
  const from = workingHoursToDay(absence.start, calendar, 'start');
  const to = workingHoursToDay(absence.end, calendar, 'end');
  const propose = (fromDate: string, toDate: string) => {
    if (!isCivilDate(fromDate) || !isCivilDate(toDate)) return setError('Enter both dates');
    const start = dateToWorkingHours(fromDate, calendar, 'start');
    const end = dateToWorkingHours(toDate, calendar, 'end');
    if (fromDate < calendar.startDate) return setError(`Starts before the first day, ${calendar.startDate}`);
    if (!(end > start)) return setError('Ends before it starts, or covers no working day');
    setError(null);
    onChange({ ...absence, start, end });
  };
  return (
    <div className="absence-row" data-testid="absence-row">
      <div className="date-row">
        <span className="unit date-label">from</span>
        <input className="input date-input" type="date" aria-label="First day away" data-testid="absence-from" value={from} onChange={(e) => propose(e.target.value, to)} />
        <button type="button" className="btn btn-ghost icon-btn" aria-label="Remove absence" onClick={onRemove}>
          ×
        </button>
      </div>
      <div className="date-row">
        <span className="unit date-label">to</span>
        <input className="input date-input" type="date" aria-label="Last day away" data-testid="absence-to" value={to} onChange={(e) => propose(from, e.target.value)} />
        <select className="input absence-reason" aria-label="Reason" value={absence.reason} onChange={(e) => onChange({ ...absence, reason: e.target.value as Absence['reason'] })}>
          {absenceReasons.map((r) => (
            <option key={r} value={r}>
              {REASON_LABEL[r]}
            </option>
          ))}
        </select>
      </div>
      <span className="field-hint" data-testid="absence-hours">
        {round(absence.end - absence.start)} working hours, from hour {round(absence.start)} to {round(absence.end)}
      </span>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
