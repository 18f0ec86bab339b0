import { formatDateTime } from '../../../simulation/report/format';
import { useEffect, useState } from 'react';
import type { FileEntry } from '../../../electron/api/contract';
import { useAppServices } from '../app/AppServices';
import { Dialog } from '../ui/Dialog';

const formatDate = (iso: string) => formatDateTime(iso);

/** The web host's Open dialog: the scenarios in its scenario folder. */
export function OpenDialog({ onClose }: { onClose(): void }) {
  const { host, info, files } = useAppServices();
  const [entries, setEntries] = useState<FileEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    host.listScenarioFiles().then(
      (list) => {
        setEntries(list);
        setSelected(list[0]?.path ?? null);
      },
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  }, [host]);

  const open = (filePath: string | null) => {
    if (!filePath) return;
    onClose();
    void files.openPath(filePath);
  };

  return (
    <Dialog
      title="Open scenario"
      testId="open-dialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" data-testid="open-dialog-open" disabled={!selected} onClick={() => open(selected)}>
            Open
          </button>
        </>
      }
    >
      <p>
        Scenarios and reports in <code>{info.scenarioDir}</code> (opening a report restores its scenario)
      </p>
      {error && <p role="alert">{error}</p>}
      {entries && entries.length === 0 && <p className="empty-hint">No scenarios here yet. Save one first, or copy a .handoff.json file into this folder.</p>}
      {entries && entries.length > 0 && (
        <div className="file-list" role="listbox" aria-label="Scenario files">
          {entries.map((entry) => (
            <button
              key={entry.path}
              type="button"
              role="option"
              className="file-row"
              aria-selected={entry.path === selected}
              data-testid="open-dialog-file"
              onClick={() => setSelected(entry.path)}
              onDoubleClick={() => open(entry.path)}
            >
              <span>{entry.name}</span>
              <span className="file-row-meta">{formatDate(entry.modifiedAt)}</span>
            </button>
          ))}
        </div>
      )}
    </Dialog>
  );
}
