import { useEffect } from 'react';
import { useAppServices } from '../app/AppServices';
import { Dialogs } from '../files/Dialogs';
import { selectDirty, useDocumentStore } from '../state/documentStore';
import { AreaBoundary } from '../ui/AreaBoundary';
import { Notices } from '../ui/Notices';
import { OrgImportHost } from '../orgImport/OrgImportHost';
import { CanvasArea } from './CanvasArea';
import { Inspector } from './Inspector';
import { LeftPanel } from './LeftPanel';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';
import { useShortcuts } from './useShortcuts';
import { useTheme } from './useTheme';
import { useUnloadGuard } from './useUnloadGuard';

/** The application window: title bar, model panel, canvas, inspector, status bar. */
export function AppShell() {
  const { info, run } = useAppServices();
  const name = useDocumentStore((s) => s.doc?.name);
  const dirty = useDocumentStore(selectDirty);
  useTheme();
  useShortcuts(info.host === 'web', run);
  useUnloadGuard();

  useEffect(() => {
    document.title = name ? `${dirty ? '• ' : ''}${name} — Handoff` : 'Handoff';
  }, [name, dirty]);

  return (
    <div className="app" data-testid="app-shell">
      <TitleBar />
      <div className="workspace">
        <AreaBoundary area="model panel">
          <LeftPanel />
        </AreaBoundary>
        <AreaBoundary area="model area">
          <CanvasArea />
        </AreaBoundary>
        <AreaBoundary area="inspector">
          <Inspector />
        </AreaBoundary>
      </div>
      <AreaBoundary area="status bar">
        <StatusBar />
      </AreaBoundary>
      <Dialogs />
      <OrgImportHost />
      <Notices />
    </div>
  );
}
