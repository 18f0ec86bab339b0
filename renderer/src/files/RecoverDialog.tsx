import { formatDateTime } from '../../../simulation/report/format';
import { useState } from 'react';
import type { RecoveryRecord } from '../../../electron/api/contract';
import { useAppServices } from '../app/AppServices';
import { Dialog } from '../ui/Dialog';

const when = (iso: string) => formatDateTime(iso);

/** Offered at start when work was left unsaved (a crash, a killed process, a closed tab). */
export function RecoverDialog({ records, onClose }: { records: RecoveryRecord[]; onClose(): void }) {
  const { host, files } = useAppServices();
  const [selected, setSelected] = useState(records[0]?.id ?? '');
  const chosen = records.find((r) => r.id === selected);

  const discardAll = () => {
    onClose();
    for (const r of records) void host.clearRecovery(r.id).catch(() => undefined);
  };

  return (
    <Dialog
      title="Restore unsaved work?"
      testId="recover-dialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-testid="recover-discard" onClick={discardAll}>
            Discard {records.length > 1 ? 'all' : ''}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="recover-restore"
            data-autofocus
            disabled={!chosen}
            onClick={() => {
              onClose();
              if (chosen) files.restore(chosen);
            }}
          >
            Restore
          </button>
        </>
      }
    >
      <p>Handoff closed before these changes were saved. They were kept; restore them to continue, then save.</p>
      <div className="file-list" role="listbox" aria-label="Unsaved work">
        {records.map((r) => (
          <button key={r.id} type="button" role="option" className="file-row" aria-selected={r.id === selected} data-testid="recover-record" onClick={() => setSelected(r.id)}>
            <span>
              {r.title}
              {r.documentPath ? <span className="file-row-meta"> · {r.documentPath}</span> : <span className="file-row-meta"> · never saved</span>}
            </span>
            <span className="file-row-meta">{when(r.updatedAt)}</span>
          </button>
        ))}
      </div>
    </Dialog>
  );
}
