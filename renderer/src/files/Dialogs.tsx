import { useAppServices } from '../app/AppServices';
import { useSessionStore } from '../state/sessionStore';
import { Dialog } from '../ui/Dialog';
import { ReportDialog } from '../report/ReportDialog';
import { OpenDialog } from './OpenDialog';
import { RecoverDialog } from './RecoverDialog';
import { RunBudgetDialog } from '../runs/RunBudgetDialog';
import { SaveAsDialog } from './SaveAsDialog';

/** Whichever modal dialog the session has open. */
export function Dialogs() {
  const dialog = useSessionStore((s) => s.dialog);
  const close = useSessionStore((s) => s.closeDialog);
  const { info } = useAppServices();

  switch (dialog.kind) {
    case 'none':
      return null;
    case 'open':
      return <OpenDialog onClose={close} />;
    case 'saveAs':
      return <SaveAsDialog onClose={close} />;
    case 'report':
      return <ReportDialog onClose={close} />;
    case 'recover':
      return <RecoverDialog records={dialog.records} onClose={close} />;
    case 'confirmDiscard':
      return (
        <Dialog
          title="Discard unsaved changes?"
          testId="confirm-discard"
          onClose={close}
          footer={
            <>
              <button type="button" className="btn" data-autofocus onClick={close}>
                Cancel
              </button>
              <button
                type="button"
                className="btn btn-danger"
                data-testid="confirm-discard-yes"
                onClick={() => {
                  close();
                  dialog.onConfirm();
                }}
              >
                Discard and continue
              </button>
            </>
          }
        >
          <p>This scenario has changes that are not saved. To {dialog.action}, they will be lost.</p>
        </Dialog>
      );
    case 'saveConflict':
      return (
        <Dialog
          title="The file changed on disk"
          testId="save-conflict"
          onClose={close}
          footer={
            <>
              <button type="button" className="btn" data-autofocus onClick={close}>
                Cancel
              </button>
              <button type="button" className="btn" data-testid="save-conflict-save-as" onClick={() => (close(), dialog.onSaveAs())}>
                Save as a new file...
              </button>
              <button type="button" className="btn btn-danger" data-testid="save-conflict-overwrite" onClick={() => (close(), dialog.onOverwrite())}>
                Overwrite it
              </button>
            </>
          }
        >
          <p>
            {dialog.name} was changed by another window or program since you opened or last saved it. Overwriting replaces those changes with yours; saving as a new file
            keeps both.
          </p>
        </Dialog>
      );
    case 'runBudget':
      return <RunBudgetDialog verdict={dialog.verdict} what={dialog.what} reason={dialog.reason} onRun={dialog.onRun} onClose={close} />;
    case 'about':
      return (
        <Dialog
          title="About Handoff"
          testId="about-dialog"
          onClose={close}
          footer={
            <button type="button" className="btn btn-primary" onClick={close}>
              Close
            </button>
          }
        >
          <p>
            Handoff {info.appVersion} ({info.host === 'web' ? 'web host' : 'desktop'}, {info.platform}).
          </p>
          <p>See what team structure does to delivery: simulate incidents, absences and handoffs for walled and cross-functional teams.</p>
        </Dialog>
      );
  }
}
