import { useMemo } from 'react';
import { analyseModel } from '../../../simulation/analysis/modelAnalysis';
import { useAppServices } from '../app/AppServices';
import { useAutosaveStatus } from '../files/autosaveStatus';
import { useModel } from '../editor/useModel';
import { selectDirty, useDocumentStore } from '../state/documentStore';

/** Host, save state and version along the bottom edge. */
export function StatusBar() {
  const { info } = useAppServices();
  const hasDoc = useDocumentStore((s) => s.doc !== null);
  const file = useDocumentStore((s) => s.file);
  const dirty = useDocumentStore(selectDirty);
  const model = useModel();
  const autosave = useAutosaveStatus();
  const analysis = useMemo(() => (model ? analyseModel(model) : null), [model]);
  const state = !hasDoc ? 'none' : dirty ? 'unsaved' : 'saved';
  const fragile = analysis?.fragileServices.length ?? 0;
  const sole = analysis?.soleSkillHolders.length ?? 0;
  const label = !hasDoc ? 'No scenario open' : dirty ? 'Unsaved changes' : file ? `Saved to ${file.name}` : 'Not saved yet';

  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className="status-item" data-testid="save-state" data-state={state}>
        <span className="status-dot" data-state={state} />
        {label}
      </span>
      {autosave.failing && (
        <span className="status-item status-warning" role="status" data-testid="autosave-failing" title={autosave.reason}>
          Autosave failed, retrying: your recent edits are not yet kept against a crash ({autosave.reason})
        </span>
      )}
      {analysis && (
        <span className="status-item" data-testid="risk-status" data-risk={fragile + sole > 0}>
          {fragile + sole === 0
            ? `${model!.people.length} people, ${model!.services.length} services, no single points of failure`
            : [fragile && `${fragile} ${fragile === 1 ? 'service depends' : 'services depend'} on one person or none`, sole && `${sole} ${sole === 1 ? 'skill is' : 'skills are'} held by one person`].filter(Boolean).join(' · ')}
        </span>
      )}
      <span className="statusbar-spacer" />
      <span className="status-item">{info.host === 'web' ? 'Web host · 127.0.0.1 only' : 'Desktop'}</span>
      <span className="status-item" data-testid="app-version">
        Handoff {info.appVersion}
      </span>
    </footer>
  );
}
