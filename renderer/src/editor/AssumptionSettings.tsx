import { useState } from 'react';
import { MAX_PER_YEAR, type AbsencePolicy, type Calendar, type ModelParameters } from '../../../simulation/scenario/schema';
import { clock } from '../../../simulation/scenario/validate';
import { dayStartOf, isCivilDate } from '../../../simulation/replay/workingTime';
import type { EditableParts } from '../document/editableParts';
import { DistributionField } from '../inspector/DistributionField';
import { Field, NumberInput } from '../inspector/fields';
import { useApply } from '../inspector/useApply';

/**
 * The working calendar (the whole scenario's) and the assumptions the model
 * runs on (per variant, like the structure): how often people are away or
 * leave, what a handoff costs, how fast people learn.
 */
export function AssumptionSettings({ model, calendar }: { model: EditableParts; calendar: Calendar }) {
  return (
    <>
      <section className="card" data-testid="calendar-settings">
        <h2 className="card-title">Working calendar</h2>
        <CalendarFields calendar={calendar} />
      </section>
      <section className="card" data-testid="absence-settings">
        <h2 className="card-title">Absences and departures</h2>
        <AbsenceFields policy={model.absencePolicy} />
      </section>
      <section className="card" data-testid="handoff-settings">
        <h2 className="card-title">Handoffs and learning</h2>
        <ParameterFields parameters={model.parameters} />
      </section>
    </>
  );
}

function CalendarFields({ calendar }: { calendar: Calendar }) {
  const { run, endGesture } = useApply();
  const set = (patch: Partial<Calendar>, key?: string) => run({ type: 'calendar.update', patch }, key);
  const dayStart = dayStartOf(calendar);
  const endsAfterMidnight = dayStart + calendar.hoursPerDay > 24;
  return (
    <>
      <p className="card-note">The same for every variant. Rates per year use it; imported incident logs are mapped onto it (import a log again after changing it).</p>
      <div className="field-row">
        <Field label="First day">
          <DateInput value={calendar.startDate} onChange={(startDate) => set({ startDate })} />
        </Field>
        <Field label="Working day starts at" error={endsAfterMidnight ? `A ${calendar.hoursPerDay} h day from ${clock(dayStart)} ends after midnight; start by ${clock(24 - calendar.hoursPerDay)}.` : null} hint="Local time of the team, for incident logs">
          <TimeInput value={dayStart} onChange={(dayStartHour) => set({ dayStartHour })} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Hours per working day">
          <NumberInput value={calendar.hoursPerDay} min={0.5} max={24} unit="h" testId="calendar-hours" onBlur={endGesture} onChange={(hoursPerDay) => set({ hoursPerDay }, 'calendar.hours')} />
        </Field>
        <Field label="Working days per week">
          <NumberInput value={calendar.daysPerWeek} min={1} max={7} step={1} testId="calendar-days" onBlur={endGesture} onChange={(v) => Number.isInteger(v) && set({ daysPerWeek: v }, 'calendar.days')} />
        </Field>
      </div>
      <Field label="Working weeks per year" hint="Turns rates per year (absences, departures) into rates per working hour">
        <NumberInput value={calendar.weeksPerYear} min={1} max={53} testId="calendar-weeks" onBlur={endGesture} onChange={(weeksPerYear) => set({ weeksPerYear }, 'calendar.weeks')} />
      </Field>
    </>
  );
}

function AbsenceFields({ policy }: { policy: AbsencePolicy }) {
  const { variant, run, endGesture } = useApply();
  const set = (patch: Partial<AbsencePolicy>, key?: string) => run({ type: 'absencePolicy.update', variant, patch }, key);
  const dep = policy.departures;
  const setDep = (patch: Partial<AbsencePolicy['departures']>, key?: string) => set({ departures: { ...dep, ...patch } }, key);
  return (
    <>
      <p className="card-note">Per person, at random, on top of the planned absences set on each person.</p>
      <div className="field-row">
        <Field label="Vacations per year">
          <NumberInput value={policy.vacation.perYear} min={0} max={MAX_PER_YEAR} testId="vacation-per-year" onBlur={endGesture} onChange={(v) => set({ vacation: { ...policy.vacation, perYear: v } }, 'vacation.rate')} />
        </Field>
        <Field label="Each lasting">
          <DistributionField testId="vacation-hours" value={policy.vacation.hours} onBlur={endGesture} onChange={(hours) => set({ vacation: { ...policy.vacation, hours } }, 'vacation.hours')} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Sick spells per year">
          <NumberInput value={policy.sickness.perYear} min={0} max={MAX_PER_YEAR} testId="sickness-per-year" onBlur={endGesture} onChange={(v) => set({ sickness: { ...policy.sickness, perYear: v } }, 'sickness.rate')} />
        </Field>
        <Field label="Each lasting">
          <DistributionField testId="sickness-hours" value={policy.sickness.hours} onBlur={endGesture} onChange={(hours) => set({ sickness: { ...policy.sickness, hours } }, 'sickness.hours')} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Departures per person per year" hint="0.1: one in ten people leaves in a year">
          <NumberInput value={dep.perYear} min={0} max={MAX_PER_YEAR} testId="departures-per-year" onBlur={endGesture} onChange={(perYear) => setDep({ perYear }, 'departures.rate')} />
        </Field>
        <Field label="Until the replacement starts">
          <DistributionField testId="hire-delay" value={dep.hireDelayHours} onBlur={endGesture} onChange={(hireDelayHours) => setDep({ hireDelayHours }, 'departures.delay')} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Replacement ramps up over">
          <NumberInput value={dep.rampUpHours} min={0} unit="h" testId="ramp-up" onBlur={endGesture} onChange={(rampUpHours) => setDep({ rampUpHours }, 'departures.ramp')} />
        </Field>
        <Field label="Starting at this share of the skills" hint="0.5: half as skilled on the first day">
          <NumberInput value={dep.startFraction} min={0} max={1} testId="start-fraction" onBlur={endGesture} onChange={(startFraction) => setDep({ startFraction }, 'departures.start')} />
        </Field>
      </div>
    </>
  );
}

function ParameterFields({ parameters }: { parameters: ModelParameters }) {
  const { variant, run, endGesture } = useApply();
  const set = (patch: Partial<ModelParameters>, key?: string) => run({ type: 'parameters.update', variant, patch }, key);
  const h = parameters.handoff;
  const setHandoff = (patch: Partial<ModelParameters['handoff']>, key: string) => set({ handoff: { ...h, ...patch } }, key);
  const l = parameters.learning;
  const setLearning = (patch: Partial<ModelParameters['learning']>, key: string) => set({ learning: { ...l, ...patch } }, key);
  return (
    <>
      <p className="card-note">A handoff is a stage taken over from someone else. Its cost grows with the gap between what the giver and the taker know.</p>
      <div className="field-row">
        <Field label="Handoff time, no gap" hint="Even between people who understand each other">
          <NumberInput value={h.baseHours} min={0} unit="h" testId="handoff-base" onBlur={endGesture} onChange={(baseHours) => setHandoff({ baseHours }, 'handoff.base')} />
        </Field>
        <Field label="Extra at the largest gap">
          <NumberInput value={h.gapHours} min={0} unit="h" testId="handoff-gap" onBlur={endGesture} onChange={(gapHours) => setHandoff({ gapHours }, 'handoff.gap')} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Chance of rework, no gap" hint="The taker sends the work back">
          <NumberInput value={h.reworkBase} min={0} max={1} testId="rework-base" onBlur={endGesture} onChange={(reworkBase) => setHandoff({ reworkBase }, 'handoff.rework0')} />
        </Field>
        <Field label="Chance of rework at the largest gap" error={h.reworkAtFullGap < h.reworkBase ? 'Lower than with no gap: a larger gap would mean less rework.' : null}>
          <NumberInput value={h.reworkAtFullGap} min={0} max={1} testId="rework-gap" onBlur={endGesture} onChange={(reworkAtFullGap) => setHandoff({ reworkAtFullGap }, 'handoff.rework1')} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Rework costs this share of the stage">
          <NumberInput value={h.reworkEffort} min={0} max={1} testId="rework-effort" onBlur={endGesture} onChange={(reworkEffort) => setHandoff({ reworkEffort }, 'handoff.reworkEffort')} />
        </Field>
        <Field label="Speed at skill level 0" hint="Share of an expert's speed; it grows in a line to 1 at level 1">
          <NumberInput value={parameters.efficiencyAtZero} min={0} max={1} testId="efficiency-at-zero" onBlur={endGesture} onChange={(efficiencyAtZero) => set({ efficiencyAtZero }, 'efficiency')} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Knowledge gained per hour on a service" hint="Share of what is left to learn; 0.005 is about half in 140 h">
          <NumberInput value={l.knowledgePerHour} min={0} step={0.001} testId="learn-knowledge" onBlur={endGesture} onChange={(knowledgePerHour) => setLearning({ knowledgePerHour }, 'learn.knowledge')} />
        </Field>
        <Field label="Skill gained per hour paired" hint="Towards the better partner's level">
          <NumberInput value={l.skillPerPairedHour} min={0} step={0.001} testId="learn-skill" onBlur={endGesture} onChange={(skillPerPairedHour) => setLearning({ skillPerPairedHour }, 'learn.skill')} />
        </Field>
      </div>
      <Field label="A paired stage takes" hint="Times as long as the better partner alone">
        <NumberInput value={parameters.pairingDurationFactor} min={0.1} unit="×" testId="pairing-factor" onBlur={endGesture} onChange={(pairingDurationFactor) => set({ pairingDurationFactor }, 'pairing.factor')} />
      </Field>
    </>
  );
}

/** A date (YYYY-MM-DD) applied only when complete and real. */
function DateInput({ value, onChange }: { value: string; onChange(date: string): void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="date-field">
      <input
        className="input date-input"
        type="date"
        data-testid="calendar-start"
        value={value}
        aria-invalid={error !== null}
        onChange={(e) => {
          const v = e.target.value;
          const real = isCivilDate(v);
          setError(real ? null : 'Enter a date');
          if (real) onChange(v);
        }}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** A time of day (HH:MM, to the quarter hour) as an hour number: 08:30 is 8.5. */
function TimeInput({ value, onChange }: { value: number; onChange(hour: number): void }) {
  return (
    <input
      className="input time-input"
      type="time"
      step={900}
      data-testid="calendar-day-start"
      value={clock(value)}
      onChange={(e) => {
        const m = /^(\d{2}):(\d{2})/.exec(e.target.value);
        if (m) onChange(Number(m[1]) + Number(m[2]) / 60);
      }}
    />
  );
}
