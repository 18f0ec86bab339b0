import { useAppServices } from '../app/AppServices';
import { selectDirty, useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { BrandMark } from '../ui/BrandMark';
import { MenuBar } from './MenuBar';

/** Brand, the web host's menu bar, the scenario's name with its unsaved marker, and the theme switch. */
export function TitleBar() {
  const { info, run } = useAppServices();
  const doc = useDocumentStore((s) => s.doc);
  const file = useDocumentStore((s) => s.file);
  const dirty = useDocumentStore(selectDirty);
  const theme = useSessionStore((s) => s.theme);

  return (
    <header className="titlebar" data-testid="titlebar">
      <div className="brand">
        <BrandMark />
        <span>Handoff</span>
      </div>
      {info.host === 'web' && <MenuBar />}
      <div className="titlebar-doc">
        {doc && (
          <>
            <span className="doc-title" data-testid="doc-title">
              {doc.name || 'Untitled scenario'}
            </span>
            {dirty && <span className="unsaved-dot" data-testid="unsaved-marker" title="Unsaved changes" aria-label="Unsaved changes" />}
            <span className="doc-file" data-testid="doc-file">
              {file ? file.name : 'not saved yet'}
            </span>
          </>
        )}
      </div>
      <div className="titlebar-actions">
        <button
          type="button"
          className="btn btn-ghost icon-btn"
          data-testid="theme-toggle"
          title={`Theme: ${theme} (click to switch light/dark)`}
          aria-label="Switch between light and dark theme"
          onClick={() => run('view.toggleTheme')}
        >
          <ThemeIcon />
        </button>
      </div>
    </header>
  );
}

function ThemeIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 1.75a6.25 6.25 0 0 1 0 12.5z" fill="currentColor" />
    </svg>
  );
}
