import { useCallback } from 'react';
import type { FileActions } from '../files/fileActions';
import { useDocumentStore } from '../state/documentStore';
import { useOrgImportStore } from '../orgImport/orgImportStore';
import { useSessionStore } from '../state/sessionStore';
import type { AppCommand } from './AppServices';

/** True when the keyboard focus is in a text field, which has its own undo. */
function editingText(): boolean {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable);
}

/** One place that carries out app commands, whichever menu, button or key asked. */
export function useCommandRunner(files: FileActions): (command: AppCommand) => void {
  return useCallback(
    (command: AppCommand) => {
      const session = useSessionStore.getState();
      const documents = useDocumentStore.getState();
      switch (command) {
        case 'file.new':
          return files.newScenario();
        case 'file.open':
          return files.open();
        case 'file.save':
          return void files.save();
        case 'file.saveAs':
          return void files.saveAs();
        case 'file.export':
          // The dialog says what to do when there is no run yet.
          return session.openDialog({ kind: 'report' });
        case 'file.importOrg':
          // From the desktop menu with nothing open: import into a new scenario.
          if (!documents.doc) documents.newDocument();
          return useOrgImportStore.getState().show();
        case 'edit.undo':
          if (editingText()) return void document.execCommand('undo');
          return documents.undo();
        case 'edit.redo':
          if (editingText()) return void document.execCommand('redo');
          return documents.redo();
        case 'view.toggleTheme': {
          const dark = document.documentElement.dataset.resolvedTheme === 'dark';
          return session.setTheme(dark ? 'light' : 'dark');
        }
        case 'help.about':
          return session.openDialog({ kind: 'about' });
      }
    },
    [files],
  );
}
