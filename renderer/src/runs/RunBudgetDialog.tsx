import { Dialog } from '../ui/Dialog';

interface RunBudgetDialogProps {
  verdict: 'large' | 'refused';
  /** The run asked for ("The run", "The sweep"). */
  what: string;
  reason: string;
  onRun(): void;
  onClose(): void;
}

/** Asked before a run that takes minutes (Run anyway / Cancel), or says why one cannot start at all. */
export function RunBudgetDialog({ verdict, what, reason, onRun, onClose }: RunBudgetDialogProps) {
  const large = verdict === 'large';
  return (
    <Dialog
      title={large ? `${what} will take minutes` : `${what} cannot start`}
      testId="run-budget"
      onClose={onClose}
      footer={
        large ? (
          <>
            <button type="button" className="btn" data-autofocus onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" data-testid="run-budget-run" onClick={() => (onClose(), onRun())}>
              Run anyway
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
            Close
          </button>
        )
      }
    >
      <p data-testid="run-budget-reason">{reason}</p>
      <p className="field-hint">{large ? 'The page stays usable while it runs, and Cancel stops it at once.' : 'Nothing was started; the scenario is as it was.'}</p>
    </Dialog>
  );
}
