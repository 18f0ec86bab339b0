import { useEffect } from 'react';
import type { HostApi } from '../../../electron/api/contract';
import { selectDirty, useDocumentStore, type DocumentState } from '../state/documentStore';
import { retryDelayMs, useAutosaveStatus } from './autosaveStatus';
import { windowId } from './liveWindows';

/** Quiet time after the last edit before autosaving, and the longest unsaved edits may wait. */
export const AUTOSAVE_IDLE_MS = 1000;
export const AUTOSAVE_MAX_WAIT_MS = 5000;

/**
 * Autosaves unsaved work to the host's recovery store: after each burst of
 * edits (a second of quiet) and at least every five seconds while edits go
 * on. When the document becomes clean again (saved, or undone back to the
 * saved state), its recovery record is removed. A failed autosave (host
 * gone, disk full) is shown in the status bar and retried with growing
 * waits until it works. Records carry this window's id (see liveWindows.ts).
 */
export function useAutosave(host: HostApi): void {
  useEffect(() => {
    let idleTimer: number | undefined;
    let maxTimer: number | undefined;
    let lastWritten = -1;
    let retryTimer: number | undefined;

    const write = () => {
      window.clearTimeout(idleTimer);
      window.clearTimeout(maxTimer);
      idleTimer = maxTimer = undefined;
      const s = useDocumentStore.getState();
      if (!s.doc || !selectDirty(s) || s.revision === lastWritten) return;
      lastWritten = s.revision;
      window.clearTimeout(retryTimer);
      void host
        .writeRecovery({ id: s.recoveryId, documentPath: s.file?.path ?? null, title: s.doc.name || 'Untitled scenario', text: JSON.stringify(s.doc), updatedAt: new Date().toISOString(), windowId: windowId() })
        .then(
          () => useAutosaveStatus.setState({ failing: false, reason: '', failures: 0 }),
          (err: unknown) => {
            // Said in the status bar, not in a dialog (it must not interrupt the user), and tried again until it works.
            lastWritten = -1;
            const failures = useAutosaveStatus.getState().failures + 1;
            useAutosaveStatus.setState({ failing: true, reason: err instanceof Error ? err.message : String(err), failures });
            retryTimer = window.setTimeout(write, retryDelayMs(failures));
          },
        );
    };

    const onChange = (s: DocumentState, prev: DocumentState) => {
      if (s.recoveryId !== prev.recoveryId) lastWritten = -1;
      if (s.revision === prev.revision && s.savedRevision === prev.savedRevision && s.recoveryId === prev.recoveryId) return;
      if (!selectDirty(s)) {
        window.clearTimeout(retryTimer);
        useAutosaveStatus.setState({ failing: false, reason: '', failures: 0 });
        window.clearTimeout(idleTimer);
        window.clearTimeout(maxTimer);
        idleTimer = maxTimer = undefined;
        if (prev.doc && s.recoveryId === prev.recoveryId && selectDirty(prev)) void host.clearRecovery(s.recoveryId).catch(() => undefined);
        return;
      }
      window.clearTimeout(idleTimer);
      idleTimer = window.setTimeout(write, AUTOSAVE_IDLE_MS);
      maxTimer ??= window.setTimeout(write, AUTOSAVE_MAX_WAIT_MS);
    };

    const unsubscribe = useDocumentStore.subscribe(onChange);
    // Work restored from a previous crash is unsaved from the start: keep its record fresh.
    if (selectDirty(useDocumentStore.getState())) write();
    return () => {
      unsubscribe();
      window.clearTimeout(retryTimer);
      window.clearTimeout(idleTimer);
      window.clearTimeout(maxTimer);
    };
  }, [host]);
}
