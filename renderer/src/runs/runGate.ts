import { judgeScenarioRun } from '../../../simulation/run/runBudget';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import type { Scenario } from '../../../simulation/scenario/schema';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';

/**
 * Starts a run or an analysis of the open scenario only within the run
 * budget (simulation/run/runBudget.ts), the same rule as the command line's:
 * a run within it starts at once; one that takes minutes asks first
 * ("Run anyway"); one out of range or of hours is refused. Both say why in
 * a dialog before anything starts, so no rate or horizon can freeze the page.
 *
 * `what` names the run in the dialog ("The run", "The sweep").
 * Returns the verdict, so a caller (or a test) can tell whether it started.
 */
export function startWithinBudget(what: string, variants: readonly VariantSpec[], replications: number, start: () => void, scenario?: Scenario): 'ok' | 'large' | 'refused' {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return 'refused';
  // What will run: the open scenario, or the one an analysis derives from it (the stress test's window).
  const judged = judgeScenarioRun(scenario ?? doc, variants, replications);
  if (judged.verdict === 'ok') start();
  else useSessionStore.getState().openDialog({ kind: 'runBudget', verdict: judged.verdict, what, reason: judged.reason, onRun: start });
  return judged.verdict;
}
