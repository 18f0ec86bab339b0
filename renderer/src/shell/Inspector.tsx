import { useDocumentStore } from '../state/documentStore';

/** Properties of the selection; with nothing selected, of the scenario itself. */
export function Inspector() {
  const doc = useDocumentStore((s) => s.doc);
  const file = useDocumentStore((s) => s.file);
  const apply = useDocumentStore((s) => s.apply);
  const endGesture = useDocumentStore((s) => s.endGesture);

  return (
    <aside className="panel panel-right" aria-label="Inspector" data-testid="inspector">
      <div className="panel-header">{doc ? 'Scenario' : 'Inspector'}</div>
      {doc ? (
        <div className="inspector-body">
          <label className="field">
            <span className="field-label">Name</span>
            <input
              className="input"
              data-testid="scenario-name"
              value={doc.name}
              aria-invalid={doc.name.trim() === ''}
              onChange={(e) => apply({ type: 'scenario.rename', name: e.target.value }, { coalesceKey: 'scenario.name' })}
              onBlur={endGesture}
            />
            {doc.name.trim() === '' && <span className="field-hint">A scenario needs a name to appear in reports.</span>}
          </label>
          <label className="field">
            <span className="field-label">Question</span>
            <textarea
              className="textarea"
              data-testid="scenario-description"
              placeholder="What should this scenario answer? e.g. What happens to time to restore if we become cross-functional?"
              value={doc.description}
              onChange={(e) => apply({ type: 'scenario.describe', description: e.target.value }, { coalesceKey: 'scenario.description' })}
              onBlur={endGesture}
            />
          </label>
          <dl className="meta-list">
            <dt>File</dt>
            <dd data-testid="scenario-path">{file ? file.path : 'Not saved yet'}</dd>
            <dt>Format</dt>
            <dd>version {doc.formatVersion}</dd>
          </dl>
        </div>
      ) : (
        <div className="inspector-body">
          <p className="empty-hint">Select a person, team or service to see and edit its properties.</p>
        </div>
      )}
    </aside>
  );
}
