import { useCallback, useDeferredValue } from 'react';
import { useDocumentStore } from '../state/documentStore';
import { CalibrationPanel } from './CalibrationPanel';
import { FitCard } from './FitCard';
import { PastLogNotice } from './PastLogNotice';
import { ImportDialog } from './ImportDialog';
import { IncidentTimeline } from './IncidentTimeline';
import { useIncidentsStore } from './incidentsStore';
import { ReplayPanel } from './ReplayPanel';

/**
 * Incidents: real incident logs, imported and kept in the scenario, on a
 * timeline; replayed under other structures; and used to calibrate the
 * model's incident rates and repair times.
 */
export function IncidentsView() {
  const doc = useDocumentStore((s) => s.doc);
  const selected = useIncidentsStore((s) => s.selectedLog);
  const importing = useIncidentsStore((s) => s.importing);
  const { selectLog, setImporting } = useIncidentsStore.getState();
  // Stable, so the dialog does not take focus back to its first field each time this view renders.
  const closeImport = useCallback(() => useIncidentsStore.getState().setImporting(false), []);
  const log = doc ? (doc.incidentLogs.find((l) => l.id === selected) ?? doc.incidentLogs[doc.incidentLogs.length - 1] ?? null) : null;
  // A log of 100,000 incidents takes a while to lay out: the panels render after the rest, in slices, so the page stays responsive.
  const shown = useDeferredValue(log);
  if (!doc) return null;

  return (
    <div className="results-view incidents-view" data-testid="incidents-view">
      <div className="run-controls">
        {doc.incidentLogs.length > 0 && log && (
          <label className="field">
            <span className="field-label">Incident log</span>
            <select className="input" data-testid="log-select" value={log.id} onChange={(e) => selectLog(e.target.value)}>
              {doc.incidentLogs.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name} ({l.incidents.length} incidents)
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="btn btn-primary" data-testid="import-log" onClick={() => setImporting(true)}>
          Import incident log...
        </button>
        {log && (
          <button type="button" className="btn" data-testid="remove-log" onClick={() => useDocumentStore.getState().apply({ type: 'incidentLog.remove', id: log.id })}>
            Remove this log
          </button>
        )}
        {log?.source && <span className="run-meta">from {log.source}</span>}
      </div>
      {!log ? (
        <div className="empty-card results-empty">
          <h2 className="empty-title">Replay real incidents</h2>
          <p className="empty-text">
            Import an incident log (a PagerDuty export, or any CSV or JSON with start and end times and a service) to see it on a timeline, replay it
            under another structure (cross-functional, an on-call rotation, someone away) and compare with what really happened, or to calibrate the
            model&apos;s incident rates and repair times from it. The log is saved in the scenario file.
          </p>
        </div>
      ) : (
        shown && (
          <>
            <PastLogNotice doc={doc} log={shown} />
            <IncidentTimeline doc={doc} log={shown} />
            <FitCard doc={doc} log={shown} />
            <CalibrationPanel doc={doc} log={shown} />
            <ReplayPanel key={shown.id} doc={doc} log={shown} />
          </>
        )
      )}
      {importing && <ImportDialog onClose={closeImport} />}
    </div>
  );
}
