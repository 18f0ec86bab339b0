import { useEffect, useState } from 'react';
import { useAppServices } from '../app/AppServices';
import { useDocumentStore } from '../state/documentStore';
import { Dialog } from '../ui/Dialog';
import { suggestedFileName, withScenarioExtension } from './fileActions';

/** The web host's Save As dialog: a file name in the scenario folder. */
export function SaveAsDialog({ onClose }: { onClose(): void }) {
  const { host, info, files } = useAppServices();
  const doc = useDocumentStore((s) => s.doc);
  const current = useDocumentStore((s) => s.file);
  const [name, setName] = useState(() => current?.name ?? suggestedFileName(doc?.name ?? 'scenario'));
  const [existing, setExisting] = useState<Set<string>>(new Set());

  useEffect(() => {
    host.listScenarioFiles().then(
      (list) => setExisting(new Set(list.map((f) => f.name))),
      () => undefined,
    );
  }, [host]);

  const fileName = withScenarioExtension(name);
  const invalid = name.trim() === '' || /[\\/:*?"<>|]/.test(name);
  const overwrites = !invalid && existing.has(fileName) && fileName !== current?.name;

  const save = () => {
    if (invalid) return;
    onClose();
    void files.saveToPath(fileName);
  };

  return (
    <Dialog
      title="Save scenario as"
      testId="save-as-dialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" data-testid="save-as-save" disabled={invalid} onClick={save}>
            {overwrites ? 'Replace' : 'Save'}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field-label">File name</span>
        <input
          className="input"
          data-testid="save-as-name"
          data-autofocus
          value={name}
          aria-invalid={invalid}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && save()}
        />
        <span className="field-hint">
          Saved as <code>{fileName}</code> in <code>{info.scenarioDir}</code>
        </span>
      </label>
      {invalid && <p role="alert">A file name cannot be empty or contain \ / : * ? " &lt; &gt; |</p>}
      {overwrites && <p role="alert">{fileName} already exists; saving replaces it.</p>}
    </Dialog>
  );
}
