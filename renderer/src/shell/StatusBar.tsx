import { useAppServices } from '../app/AppServices';
import { selectDirty, useDocumentStore } from '../state/documentStore';

/** Host, save state and version along the bottom edge. */
export function StatusBar() {
  const { info } = useAppServices();
  const hasDoc = useDocumentStore((s) => s.doc !== null);
  const file = useDocumentStore((s) => s.file);
  const dirty = useDocumentStore(selectDirty);
  const state = !hasDoc ? 'none' : dirty ? 'unsaved' : 'saved';
  const label = !hasDoc ? 'No scenario open' : dirty ? 'Unsaved changes' : file ? `Saved to ${file.name}` : 'Not saved yet';

  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className="status-item" data-testid="save-state" data-state={state}>
        <span className="status-dot" data-state={state} />
        {label}
      </span>
      <span className="statusbar-spacer" />
      <span className="status-item">{info.host === 'web' ? 'Web host · 127.0.0.1 only' : 'Desktop'}</span>
      <span className="status-item" data-testid="app-version">
        Handoff {info.appVersion}
      </span>
    </footer>
  );
}
