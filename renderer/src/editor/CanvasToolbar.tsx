import { useDocumentStore } from '../state/documentStore';
import type { EditorActions } from './editorActions';

/** Adding people, services and teams, and laying them out. */
export function CanvasToolbar({ editor, dropPoint }: { editor: EditorActions; dropPoint(): { x: number; y: number } }) {
  const hasPeople = useDocumentStore((s) => (s.doc?.people.length ?? 0) > 0);
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Editor">
      <button type="button" className="btn" data-testid="add-person" onClick={() => editor.addPerson(dropPoint())}>
        + Person
      </button>
      <button type="button" className="btn" data-testid="add-service" onClick={() => editor.addService(dropPoint())}>
        + Service
      </button>
      <button type="button" className="btn" data-testid="add-team" onClick={() => editor.addTeam()}>
        + Team
      </button>
      <span className="toolbar-sep" />
      <button type="button" className="btn btn-ghost" data-testid="auto-layout" disabled={!hasPeople} onClick={() => editor.autoLayout()}>
        Auto-layout
      </button>
    </div>
  );
}
