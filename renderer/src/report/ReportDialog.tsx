import { keptReplaysFor, replayFor, useIncidentsStore, type KeptReplay } from '../incidents/incidentsStore';
import type { ReplayComparison } from '../../../simulation/replay/replayComparison';
import { useState } from 'react';
import { HostError } from '../../../electron/api/contract';
import { useAppServices } from '../app/AppServices';
import { useAnalysisStore } from '../state/analysisStore';
import { useRunStore } from '../state/runStore';
import { useSessionStore } from '../state/sessionStore';
import { Dialog } from '../ui/Dialog';
import { exportReport, reportInputFor, type ReportFormat } from './exportReport';

const FORMATS: { key: ReportFormat; label: string; hint: string }[] = [
  { key: 'html', label: 'HTML', hint: 'One file that opens in any browser, offline; opening it in Handoff restores the scenario.' },
  { key: 'pdf', label: 'PDF', hint: 'The same report, paginated with page numbers, for printing and email.' },
  { key: 'csv', label: 'CSV', hint: 'The figures as tables (summary, comparisons, replications, people, services, queues), one file each.' },
];

const ANALYSIS_NAMES = { absence: 'absence stress test', training: 'cross-training advisor', sweep: 'sensitivity sweep', transition: 'transition' } as const;

/** A replay by its log, scope and what it compared. */
const replayLabel = (r: ReplayComparison): string =>
  `${r.logName}${r.scope && r.scope !== 'the whole log' ? '' : ' (whole log)'}, ${r.incidents.length} incidents, ${r.variants.map((v) => v.name).join(' vs ')}`;

/** File > Export report...: the last run as HTML, PDF or CSV, with a title and the question it answers. */
export function ReportDialog({ onClose }: { onClose(): void }) {
  const { host, info } = useAppServices();
  const meta = useRunStore((s) => s.meta);
  const result = useRunStore((s) => s.result);
  const analyses = useAnalysisStore((s) => s.states);
  const [format, setFormat] = useState<ReportFormat>('html');
  const [title, setTitle] = useState(meta?.scenario.name ?? '');
  const [question, setQuestion] = useState(meta?.scenario.description ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = meta !== null && result !== null;
  const last = useIncidentsStore((s) => (ready ? replayFor(meta.scenarioHash, s) : undefined));
  const kept = useIncidentsStore((s) => s.kept);
  const keptHere = ready ? keptReplaysFor(meta.scenarioHash, { kept }) : [];
  // 'last', 'none', or the key of a kept replay.
  const [replayChoice, setReplayChoice] = useState<string>('last');
  const replay: ReplayComparison | undefined = replayChoice === 'none' ? undefined : replayChoice === 'last' ? last : keptHere.find((k) => k.key === replayChoice)?.replay;
  const included = ready ? (Object.keys(ANALYSIS_NAMES) as (keyof typeof ANALYSIS_NAMES)[]).filter((k) => { const st = analyses[k]; return st.kind === 'done' && st.scenarioHash === meta.scenarioHash; }) : [];

  const submit = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      const files = await exportReport(host, reportInputFor(meta, result, { title, question }, info.appVersion, new Date(), replay ?? null), format);
      onClose();
      if (files.length) {
        useSessionStore.getState().notify({ kind: 'success', title: files.length === 1 ? `Exported ${files[0]!.name}` : `Exported ${files.length} CSV files into ${files[0]!.path.split(/[\\/]/).slice(-2, -1)[0] ?? 'a folder'}`, details: files.map((f) => f.path) });
      }
    } catch (err) {
      setError(err instanceof HostError || err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Export report"
      testId="report-dialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" data-testid="report-export" disabled={!ready || busy} onClick={() => void submit()}>
            {busy ? (format === 'pdf' ? 'Printing…' : 'Exporting…') : 'Export'}
          </button>
        </>
      }
    >
      {!ready ? (
        <p data-testid="report-no-run">A report shows the results of a run. Open Run &amp; results, press Run, then export the report.</p>
      ) : (
        <>
          <div className="field">
            <span className="field-label">Format</span>
            <div className="segmented segmented-3" role="radiogroup" aria-label="Format">
              {FORMATS.map((f) => (
                <button key={f.key} type="button" role="radio" aria-checked={format === f.key} className="segment" data-testid={`report-format-${f.key}`} onClick={() => setFormat(f.key)}>
                  {f.label}
                </button>
              ))}
            </div>
            <span className="field-hint">{FORMATS.find((f) => f.key === format)!.hint}</span>
          </div>
          {format !== 'csv' && (
            <>
              <label className="field">
                <span className="field-label">Title</span>
                <input className="input" data-testid="report-title" data-autofocus value={title} onChange={(e) => setTitle(e.target.value)} />
              </label>
              <label className="field">
                <span className="field-label">The question</span>
                <textarea className="input" data-testid="report-question-input" rows={3} value={question} onChange={(e) => setQuestion(e.target.value)} />
              </label>
            </>
          )}
          {format !== 'csv' && (keptHere.length > 0 || last) && (
            <label className="field">
              <span className="field-label">Incident replay</span>
              <select className="input" data-testid="report-replay-choice" value={replayChoice} onChange={(e) => setReplayChoice(e.target.value)}>
                <option value="none">None</option>
                {last && <option value="last">The last one: {replayLabel(last)}</option>}
                {keptHere.map((k: KeptReplay) => (
                  <option key={k.key} value={k.key}>
                    {replayLabel(k.replay)}
                  </option>
                ))}
              </select>
              <span className="field-hint">Replays of this scenario as run, from this session; the report says which one it shows.</span>
            </label>
          )}
          <p className="field-hint" data-testid="report-contents">
            {result.variants.map((v) => v.name).join(' vs ')}, {result.replications} replications, seed {result.seed}
            {included.length ? `; with the ${included.map((k) => ANALYSIS_NAMES[k]).join(', ')}` : ''}
            {replay && format !== 'csv' ? `; with the replay of ${replayLabel(replay)}` : ''}.
          </p>
          {format === 'html' && <p className="field-hint">The report carries the scenario as it was run (SHA-256 {meta.scenarioHash.slice(0, 12)}…): open it in Handoff to get the scenario back.</p>}
          {!info.nativeDialogs && <p className="field-hint">Saved in {info.scenarioDir}/exports.</p>}
        </>
      )}
      {error && (
        <p role="alert" className="field-error" data-testid="report-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
