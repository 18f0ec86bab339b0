import { analyseModel, SKILL_HOLDER_LEVEL } from '../../../simulation/analysis/modelAnalysis';
import { workingHoursToDay } from '../../../simulation/replay/workingTime';
import { MAX_HORIZON_HOURS, type Calendar } from '../../../simulation/scenario/schema';
import type { EditableParts } from '../document/editableParts';
import { useDocumentStore } from '../state/documentStore';
import { Field, NumberInput } from './fields';
import { useApply } from './useApply';

/** With nothing selected: the scenario's name, its question, run settings and the risks in the model. */
export function ScenarioInspector({ model }: { model: EditableParts }) {
  const doc = useDocumentStore((s) => s.doc)!;
  const file = useDocumentStore((s) => s.file);
  const { run, endGesture } = useApply();
  const analysis = analyseModel(model);
  return (
    <div className="inspector-body">
      <Field label="Name" error={doc.name.trim() === '' ? 'A scenario needs a name to appear in reports.' : null}>
        <input className="input" data-testid="scenario-name" value={doc.name} aria-invalid={doc.name.trim() === ''} onBlur={endGesture} onChange={(e) => run({ type: 'scenario.rename', name: e.target.value }, 'scenario.name')} />
      </Field>
      <Field label="Question">
        <textarea
          className="textarea"
          data-testid="scenario-description"
          placeholder="What should this scenario answer? e.g. What happens to time to restore if we become cross-functional?"
          value={doc.description}
          onBlur={endGesture}
          onChange={(e) => run({ type: 'scenario.describe', description: e.target.value }, 'scenario.description')}
        />
      </Field>
      <div className="field-row">
        <Field label="Horizon" hint={horizonHint(doc.run.horizonHours, doc.calendar)}>
          <NumberInput value={doc.run.horizonHours} min={1} max={MAX_HORIZON_HOURS} unit="h" testId="run-horizon" onBlur={endGesture} onChange={(v) => run({ type: 'run.update', patch: { horizonHours: v } }, 'run.horizon')} />
        </Field>
        <Field label="Warm-up" error={doc.run.warmupHours >= doc.run.horizonHours ? 'Must be shorter than the horizon.' : null} hint="Not measured: the queues fill first">
          <NumberInput value={doc.run.warmupHours} min={0} max={MAX_HORIZON_HOURS} unit="h" testId="run-warmup" onBlur={endGesture} onChange={(v) => run({ type: 'run.update', patch: { warmupHours: v } }, 'run.warmup')} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Replications">
          <NumberInput value={doc.run.replications} min={1} max={100000} step={1} testId="run-replications" onBlur={endGesture} onChange={(v) => Number.isInteger(v) && run({ type: 'run.update', patch: { replications: v } }, 'run.reps')} />
        </Field>
      </div>
      <div className="inspector-section" data-testid="risk-summary">
        <div className="inspector-section-title">Risks</div>
        {analysis.fragileServices.length === 0 && analysis.soleSkillHolders.length === 0 && analysis.unheldSkills.length === 0 && (
          <p className="empty-hint">No service depends on a single person, and every skill is held by at least two.</p>
        )}
        <ul className="risk-list">
          {analysis.fragileServices.map((s) => (
            <li key={s.serviceId} data-testid={`risk-${s.serviceId}`}>
              {s.busFactor === 0 ? `Nobody can restore ${s.name} quickly` : `Only ${model.people.find((p) => p.id === s.knowers[0])?.name ?? s.knowers[0]} can restore ${s.name}`}
            </li>
          ))}
          {analysis.unheldSkills.map((u) => (
            <li key={u.skillId} className="risk-unheld" data-testid={`risk-unheld-${u.skillId}`}>
              Nobody has {u.skill} (at {Math.round(SKILL_HOLDER_LEVEL * 100)}% or more)
              {u.neededBy.length > 0 && `, which the work on ${listNames(u.neededBy)} needs`}
            </li>
          ))}
          {analysis.soleSkillHolders.map((h) => (
            <li key={h.skillId}>
              Only {h.person} has {h.skill}
            </li>
          ))}
        </ul>
      </div>
      <dl className="meta-list">
        <dt>File</dt>
        <dd data-testid="scenario-path">{file ? file.path : 'Not saved yet'}</dd>
        <dt>Format</dt>
        <dd>version {doc.formatVersion}</dd>
      </dl>
    </div>
  );
}

/** "50 working weeks, to 11 Dec 2026": the horizon on the calendar. */
function horizonHint(hours: number, calendar: Calendar): string {
  if (!(hours > 0)) return '';
  const weeks = hours / (calendar.hoursPerDay * calendar.daysPerWeek);
  const day = workingHoursToDay(hours, calendar, 'end');
  // Past the year 9999 (a long horizon on a calendar of few hours a week) a date is written +YYYYYY-: say so instead of "Invalid Date".
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day)
    ? new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    : 'after the year 9999';
  return `${Number(weeks.toFixed(1)).toLocaleString('en')} working weeks, ${date.startsWith('after') ? 'ending' : 'to'} ${date}`;
}

/** "a, b and c". */
function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
