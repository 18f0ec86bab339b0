import { useState } from 'react';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import type { AbsenceMode, DetectionMode } from '../../../simulation/replay/replayRun';
import { instantToWorkingHours } from '../../../simulation/replay/workingTime';
import { absenceWhatIf, CROSS_TRAINING, crossFunctionalWhatIf, onCallWhatIf } from '../../../simulation/replay/whatIfs';
import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { cancelRun } from '../runs/runActions';
import { instantLabel } from './instantLabel';
import { useIncidentsStore } from './incidentsStore';
import { replayLog, replicationsOf } from './replayJob';
import { ReplayResults } from './ReplayResults';
import { describeScope, ScopePicker } from './ScopePicker';
import { isWhole, scopeLog, WHOLE_LOG, type LogScope } from '../../../simulation/replay/scope';

/**
 * Replay the log under the structure as drawn (always the baseline) and any
 * of the scenario's variants and a few what-ifs, on the same seeds, and
 * compare each with what really happened.
 */
export function ReplayPanel({ doc, log }: { doc: Scenario; log: IncidentLog }) {
  const replay = useIncidentsStore((s) => s.replays[log.id]);
  const cursor = useIncidentsStore((s) => s.cursor);
  const settings = useIncidentsStore((s) => s.settings);
  const progress = useIncidentsStore((s) => s.progress);
  const { setSettings } = useIncidentsStore.getState();
  const week = doc.calendar.hoursPerDay * doc.calendar.daysPerWeek;
  const [picked, setPicked] = useState<string[]>(['cross-functional']);
  const [awayPerson, setAwayPerson] = useState(doc.people[0]?.id ?? '');
  const [scope, setScope] = useState<LogScope>(WHOLE_LOG);
  const scoped = scopeLog(log, scope, describeScope(scope, log, doc));
  // The what-if absence covers the working week of the cursor's moment, on the scenario's calendar.
  const cursorHours = instantToWorkingHours(cursor, log.timeZone, doc.calendar);
  const awayFrom = Math.max(0, Math.floor(cursorHours / week) * week);
  const onCallSize = Math.min(4, doc.people.length);
  const onCall = doc.structure.onCall.enabled && doc.structure.onCall.rotation.length > 0;
  const choices: { key: string; label: string; spec: () => VariantSpec }[] = [
    { key: 'cross-functional', label: `Cross-functional, cross-trained to ${CROSS_TRAINING * 100}%`, spec: () => crossFunctionalWhatIf(doc) },
    ...(doc.people.length > 0 ? [{ key: 'away', label: `Someone away the week of ${instantLabel(cursor, log.timeZone, false)} (the cursor's)`, spec: () => absenceWhatIf(doc, awayPerson, awayFrom, 1) }] : []),
    ...(onCallSize > 1 ? [{ key: 'on-call', label: `On-call rotation of ${onCallSize}`, spec: () => onCallWhatIf(doc, onCallSize) }] : []),
    ...doc.variants.map((v) => ({ key: `saved:${v.id}`, label: v.name, spec: (): VariantSpec => ({ kind: 'saved', id: v.id }) })),
  ];
  const n = replicationsOf(settings.replications);
  const running = progress.kind === 'running';
  const start = () => void replayLog(doc, scoped, choices.filter((c) => picked.includes(c.key)).map((c) => c.spec()), isWhole(scope) ? 'the whole log' : describeScope(scope, log, doc));

  return (
    <section className="card" data-testid="replay-panel">
      <h2 className="card-title">Replay: what would these incidents have cost under another structure?</h2>
      <p className="field-hint">
        Each recorded incident fails its service at its real recorded time; who responds, how long they wait and how long the repair takes are
        simulated ({n ?? 'N'} replications, the same luck for every structure). The structure as drawn is the baseline. People work their working
        hours (and stay up to 3 hours late to finish a repair);{' '}
        {onCall ? (
          <>outside them, the person on call is paged.</>
        ) : (
          <strong data-testid="no-on-call">outside them nobody responds until the next working day: this structure has no on-call rotation.</strong>
        )}
      </p>
      <div className="run-variants" role="group" aria-label="Replay under">
        <span className="field-label">Replay under (besides the structure as drawn)</span>
        <div className="chip-picker">
          {choices.map((c) => (
            <button key={c.key} type="button" className="chip-toggle" aria-pressed={picked.includes(c.key)} data-testid={`replay-variant-${c.key}`} disabled={running} onClick={() => setPicked((p) => (p.includes(c.key) ? p.filter((k) => k !== c.key) : [...p, c.key]))}>
              {c.label}
            </button>
          ))}
        </div>
      </div>
      <ScopePicker doc={doc} log={log} scope={scope} onScope={setScope} cursor={cursor} />
      <div className="stress-controls replay-controls">
        {picked.includes('away') && (
          <label className="field run-field">
            <span className="field-label">Who is away</span>
            <select className="input" value={awayPerson} data-testid="replay-away-person" onChange={(e) => setAwayPerson(e.target.value)}>
              {doc.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field run-field">
          <span className="field-label">Replications</span>
          <input className="input" data-testid="replay-reps" value={settings.replications} aria-invalid={n === null} onChange={(e) => setSettings({ replications: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Detection and repair</span>
          <select className="input" data-testid="replay-detection" value={settings.detection} onChange={(e) => setSettings({ detection: e.target.value as DetectionMode })}>
            <option value="model">Service settings</option>
            <option value="logged">Noticed when raised</option>
            <option value="recorded">As recorded</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Absences</span>
          <select className="input" data-testid="replay-absences" value={settings.absences} onChange={(e) => setSettings({ absences: e.target.value as AbsenceMode })}>
            <option value="planned">Planned only (who was away)</option>
            <option value="random">Planned and random</option>
          </select>
        </label>
        <label className="field run-field">
          <span className="field-label">Paging delay (min)</span>
          <input className="input" data-testid="replay-page-minutes" placeholder="from the log" value={settings.pageMinutes} onChange={(e) => setSettings({ pageMinutes: e.target.value })} />
        </label>
        {running ? (
          <>
            <button type="button" className="btn btn-danger" data-testid="replay-cancel" onClick={cancelRun}>
              Cancel
            </button>
            <progress max={progress.total} value={progress.done} data-testid="replay-progress" />
          </>
        ) : (
          <button type="button" className="btn btn-primary" data-testid="replay-run" disabled={n === null || scoped.incidents.length === 0} onClick={start}>
            Replay {scoped.incidents.length} {isWhole(scope) ? '' : 'chosen '}incident{scoped.incidents.length === 1 ? '' : 's'}
          </button>
        )}
      </div>
      {progress.kind === 'error' && progress.logId === log.id && <p className="field-error">{progress.message}</p>}
      {settings.absences === 'random' && (
        <p className="field-hint">Random absences are drawn in every replication on top of the planned ones: this asks what the log could have cost, not what it cost.</p>
      )}
      {settings.detection === 'model' && (
        <p className="field-hint">Detection delays and repair times are drawn from each service&apos;s settings, so a service without monitoring adds its silent time to every incident.</p>
      )}
      {settings.detection === 'logged' && <p className="field-hint">Each incident is noticed when the log says it started; repair times are drawn from each service&apos;s setting.</p>}
      {settings.detection === 'recorded' && (
        <p className="field-hint">Each incident is detected and repaired as recorded (for whoever resolves it at their own knowledge): only waiting for a responder differs between structures.</p>
      )}
      {replay && <ReplayResults replay={replay} />}
    </section>
  );
}
