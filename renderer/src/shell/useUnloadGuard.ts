import { useEffect } from 'react';
import { selectDirty, useDocumentStore } from '../state/documentStore';

/** Asks before the window or tab closes while there are unsaved changes. */
export function useUnloadGuard(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!selectDirty(useDocumentStore.getState())) return;
      event.preventDefault();
      // Older engines show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
