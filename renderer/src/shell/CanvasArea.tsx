import { useEffect } from 'react';
import { useAppServices } from '../app/AppServices';
import { useRecent } from '../files/useRecent';
import { EditorCanvas } from '../editor/EditorCanvas';
import { VariantSwitcher } from '../editor/VariantSwitcher';
import { SkillsMatrix } from '../editor/SkillsMatrix';
import { WorkloadPanel } from '../editor/WorkloadPanel';
import { ResultsView } from '../results/ResultsView';
import { IncidentsView } from '../incidents/IncidentsView';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { EXAMPLES } from '../../../simulation/examples/catalog';
import { AreaBoundary } from '../ui/AreaBoundary';
import { BrandMark } from '../ui/BrandMark';
import { ShortcutSheet } from '../editor/ShortcutSheet';

/**
 * A path shortened in the middle to about `max` characters, keeping its
 * start (drive or root) and its file name: `/home/ana/…/team.handoff.json`.
 */
export function shortPath(path: string, max = 60): string {
  if (path.length <= max) return path;
  const sep = path.includes('\\') && !path.includes('/') ? '\\' : '/';
  const parts = path.split(sep);
  const last = parts.pop() ?? '';
  let head = '';
  for (const part of parts) {
    const next = head === '' && part === '' ? sep : head + (head === '' || head.endsWith(sep) ? '' : sep) + part;
    if (next.length + last.length + 3 > max) break;
    head = next;
  }
  return `${head}${head.endsWith(sep) ? '' : sep}…${sep}${last}`;
}

/** The drawing area; with no scenario open, the start screen. */
export function CanvasArea() {
  const hasDoc = useDocumentStore((s) => s.doc !== null);
  const view = useSessionStore((s) => s.view);
  // A scenario opened (or started) is a new drawing: the canvas starts afresh and fits it to the view.
  const drawing = useDocumentStore((s) => s.recoveryId);
  // What was selected belongs to the scenario it was selected in.
  useEffect(() => {
    const session = useSessionStore.getState();
    session.setSelection([]);
    session.setActiveVariant(null);
  }, [drawing]);
  if (!hasDoc) {
    return (
      <main className="canvas" data-testid="canvas" aria-label="Canvas">
        <Welcome />
        <ShortcutSheet />
      </main>
    );
  }
  return (
    <main className="center" data-testid="canvas" aria-label="Model">
      <ViewTabs />
      <div className="center-body">
        <AreaBoundary key={view} area={VIEWS.find((v) => v.id === view)?.label.toLowerCase() ?? view}>
          {view === 'canvas' && (
            <>
              <EditorCanvas key={drawing} />
              <EmptyModel />
            </>
          )}
          {view === 'skills' && <SkillsMatrix />}
          {view === 'workload' && <WorkloadPanel />}
          {view === 'results' && <ResultsView />}
          {view === 'incidents' && <IncidentsView />}
        </AreaBoundary>
      </div>
      <ShortcutSheet />
    </main>
  );
}

const VIEWS = [
  { id: 'canvas', label: 'Canvas' },
  { id: 'skills', label: 'Skills matrix' },
  { id: 'workload', label: 'Workload & structure' },
  { id: 'results', label: 'Run & results' },
  { id: 'incidents', label: 'Incidents' },
] as const;

function ViewTabs() {
  const view = useSessionStore((s) => s.view);
  const setView = useSessionStore((s) => s.setView);
  return (
    <div className="tabs" role="tablist">
      {VIEWS.map((v) => (
        <button key={v.id} type="button" role="tab" className="tab" aria-selected={view === v.id} data-testid={`tab-${v.id}`} onClick={() => setView(v.id)}>
          {v.label}
        </button>
      ))}
      <span className="tabs-spacer" />
      <VariantSwitcher />
    </div>
  );
}

function Welcome() {
  const { run, files } = useAppServices();
  const recent = useRecent('welcome');
  return (
    <div className="empty-state" data-testid="welcome">
      <div className="empty-card">
        <BrandMark size={40} />
        <h1 className="empty-title">See what team structure does to delivery</h1>
        <p className="empty-text">
          Draw your team, its skills and the services it owns, then simulate incidents, absences and handoffs to compare walled and
          cross-functional structures.
        </p>
        <div className="empty-actions">
          <button type="button" className="btn btn-primary btn-lg" data-testid="welcome-new" onClick={() => run('file.new')}>
            New scenario
          </button>
          <button type="button" className="btn btn-lg" data-testid="welcome-open" onClick={() => run('file.open')}>
            Open...
          </button>
        </div>
        <div className="examples" data-testid="examples">
          <div className="recent-title">Start from an example</div>
          <div className="example-grid">
            {EXAMPLES.map((ex) => (
              <button key={ex.id} type="button" className="example-card" data-testid={`example-${ex.id}`} onClick={() => files.openExample(ex.id)}>
                <span className="example-title">{ex.title}</span>
                <span className="example-summary">{ex.summary}</span>
              </button>
            ))}
          </div>
        </div>
        {recent.length > 0 && (
          <div className="recent-list" data-testid="recent-list">
            <div className="recent-title">Recent</div>
            {recent.slice(0, 5).map((r) => (
              <button key={r.path} type="button" className="recent-item" title={r.path} onClick={() => files.openRecent(r.path)}>
                <span>{r.name}</span>
                <span className="recent-path" dir="ltr" data-testid="recent-path">
                  {shortPath(r.path)}
                </span>
              </button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

function EmptyModel() {
  const size = useDocumentStore((s) => (s.doc ? s.doc.people.length + s.doc.services.length : 0));
  if (size > 0) return null;
  return (
    <div className="empty-overlay" data-testid="empty-model">
      <div className="empty-card">
        <h2 className="empty-title">Draw your team</h2>
        <p className="empty-text">
          Add the people, the services they run and the teams they belong to with the buttons above. Drag from a person to a service to say they
          know it. Services only one person can restore are marked as you draw.
        </p>
      </div>
    </div>
  );
}
