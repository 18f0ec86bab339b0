import { useState } from 'react';
import { RunCancelled } from '../../../simulation/run/runCoordinator';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import type { AbsenceMode, DetectionMode } from '../../../simulation/replay/replayRun';
import { absenceWhatIf, CROSS_TRAINING, crossFunctionalWhatIf, onCallWhatIf } from '../../../simulation/replay/whatIfs';
import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { sha256Hex } from '../../../simulation/report/embed';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { cancelRun, runReplayJob } from '../runs/runActions';
import { dateLabel } from './IncidentTimeline';
import { useIncidentsStore } from './incidentsStore';
import { ReplayResults } from './ReplayResults';

type Progress = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'error'; message: string };

/**
 * Replay the log under the structure as drawn (always the baseline) and any
 * of the scenario's variants and a few what-ifs, on the same seeds, and
 * compare each with what really happened.
 */
export function ReplayPanel({ doc, log }: { doc: Scenario; log: IncidentLog }) {
  const replay = useIncidentsStore((s) => s.replays[log.id]);
  const cursor = useIncidentsStore((s) => s.cursor);
  const week = doc.calendar.hoursPerDay * doc.calendar.daysPerWeek;
  const [picked, setPicked] = useState<string[]>(['cross-functional']);
  const [awayPerson, setAwayPerson] = useState(doc.people[0]?.id ?? '');
  const [reps, setReps] = useState('100');
  const [detection, setDetection] = useState<DetectionMode>('logged');
  const [absences, setAbsences] = useState<AbsenceMode>('planned');
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const awayFrom = Math.floor(cursor / week) * week;
  const onCallSize = Math.min(4, doc.people.length);

  const choices: { key: string; label: string; spec: () => VariantSpec }[] = [
    { key: 'cross-functional', label: `Cross-functional, cross-trained to ${CROSS_TRAINING * 100}%`, spec: () => crossFunctionalWhatIf(doc) },
    ...(doc.people.length > 0 ? [{ key: 'away', label: `Someone away the week of ${dateLabel(doc.calendar, awayFrom, false)} (the cursor's)`, spec: () => absenceWhatIf(doc, awayPerson, awayFrom, 1) }] : []),
    ...(onCallSize > 1 ? [{ key: 'on-call', label: `On-call rotation of ${onCallSize}`, spec: () => onCallWhatIf(doc, onCallSize) }] : []),
    ...doc.variants.map((v) => ({ key: `saved:${v.id}`, label: v.name, spec: (): VariantSpec => ({ kind: 'saved', id: v.id }) })),
  ];
  const n = Number(reps);
  const valid = Number.isInteger(n) && n >= 2 && n <= 5000;

  const start = async () => {
    const variants: VariantSpec[] = [{ kind: 'base' }, ...choices.filter((c) => picked.includes(c.key)).map((c) => c.spec())];
    setProgress({ kind: 'running', done: 0, total: n * variants.length });
    try {
      const scenarioHash = await sha256Hex(serializeScenario(doc));
      const result = await runReplayJob(log, { variants, replications: n, seed: doc.run.seed, detection, absences }, (done, total) => setProgress({ kind: 'running', done, total }));
      useIncidentsStore.getState().setReplay(log.id, result, scenarioHash);
      setProgress({ kind: 'idle' });
    } catch (err) {
      setProgress(err instanceof RunCancelled ? { kind: 'idle' } : { kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section className="card" data-testid="replay-panel">
      <h2 className="card-title">Replay: what would these incidents have cost under another structure?</h2>
      <p className="field-hint">
        Each recorded incident fails its service at its recorded time; who responds, how long they wait and how long the repair takes are simulated
        ({n > 0 ? n : 'N'} replications, the same luck for every structure). The structure as drawn is the baseline.
      </p>
      <div className="run-variants" role="group" aria-label="Replay under">
        <span className="field-label">Replay under (besides the structure as drawn)</span>
        <div className="chip-picker">
          {choices.map((c) => (
            <button key={c.key} type="button" className="chip-toggle" aria-pressed={picked.includes(c.key)} data-testid={`replay-variant-${c.key}`} disabled={progress.kind === 'running'} onClick={() => setPicked((p) => (p.includes(c.key) ? p.filter((k) => k !== c.key) : [...p, c.key]))}>
              {c.label}
            </button>
          ))}
        </div>
      </div>
      <div className="stress-controls">
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
          <input className="input" data-testid="replay-reps" value={reps} aria-invalid={!valid} onChange={(e) => setReps(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Detection</span>
          <select className="input" data-testid="replay-detection" value={detection} onChange={(e) => setDetection(e.target.value as DetectionMode)}>
            <option value="logged">As logged (noticed when raised)</option>
            <option value="model">From each service&apos;s monitoring</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Absences</span>
          <select className="input" data-testid="replay-absences" value={absences} onChange={(e) => setAbsences(e.target.value as AbsenceMode)}>
            <option value="planned">Planned only (who was away)</option>
            <option value="random">Planned and random</option>
          </select>
        </label>
        {progress.kind === 'running' ? (
          <>
            <button type="button" className="btn btn-danger" data-testid="replay-cancel" onClick={cancelRun}>
              Cancel
            </button>
            <progress max={progress.total} value={progress.done} data-testid="replay-progress" />
          </>
        ) : (
          <button type="button" className="btn btn-primary" data-testid="replay-run" disabled={!valid} onClick={() => void start()}>
            Replay {log.incidents.length} incidents
          </button>
        )}
      </div>
      {progress.kind === 'error' && <p className="field-error">{progress.message}</p>}
      {absences === 'random' && (
        <p className="field-hint">Random absences are drawn in every replication on top of the planned ones: this asks what the log could have cost, not what it cost.</p>
      )}
      {detection === 'model' && <p className="field-hint">Detection delays are drawn from each service&apos;s monitoring setting, so a service without monitoring adds its silent time to every incident.</p>}
      {replay && <ReplayResults replay={replay} calendar={doc.calendar} />}
    </section>
  );
}
