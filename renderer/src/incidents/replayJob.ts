import { proposeCalibration } from '../../../simulation/replay/calibrationProposal';
import { DEFAULT_PAGE_HOURS } from '../../../simulation/replay/replayRun';
import { sha256Hex } from '../../../simulation/report/embed';
import type { VariantSpec } from '../../../simulation/run/variantSpec';
import { RunCancelled } from '../../../simulation/run/runCoordinator';
import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { runReplayJob } from '../runs/runActions';
import { judgeReplayRun } from '../../../simulation/run/runBudget';
import { useSessionStore } from '../state/sessionStore';
import { useIncidentsStore } from './incidentsStore';

/** Replications a replay runs with, or null when the typed number is not usable. */
export function replicationsOf(text: string): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= 2 && n <= 5000 ? n : null;
}

/** The paging delay a replay uses, hours: as typed, else the log's (out-of-hours minus in-hours median acknowledgement), else 15 minutes. */
export function pageHoursFor(doc: Scenario, log: IncidentLog, typedMinutes: string): number {
  const typed = Number(typedMinutes);
  if (typedMinutes.trim() !== '' && Number.isFinite(typed) && typed >= 0) return typed / 60;
  return proposeCalibration(doc, log).pageHours ?? DEFAULT_PAGE_HOURS;
}

/**
 * Replays `log` under the structure as drawn and `whatIfs` with the view's
 * settings, one replay at a time (the worker pool runs one job), and keeps
 * the result as the log's replay; `scope` says in words which of its incidents `log` holds.
 */
export async function replayLog(doc: Scenario, log: IncidentLog, whatIfs: VariantSpec[], scope = 'the whole log'): Promise<void> {
  const store = useIncidentsStore.getState();
  if (store.progress.kind === 'running') return;
  const { settings } = store;
  const n = replicationsOf(settings.replications);
  if (n === null) return;
  const variants: VariantSpec[] = [{ kind: 'base' }, ...whatIfs];
  const judged = judgeReplayRun(doc, log.incidents.length, variants, n);
  const verdict = judged.verdict;
  if (verdict === 'ok') return replay(doc, log, variants, n, scope);
  // A replay of a long log many times over asks first (or is refused), as a run does.
  useSessionStore.getState().openDialog({ kind: 'runBudget', verdict, what: 'The replay', reason: judged.reason, onRun: () => void replay(doc, log, variants, n, scope) });
}

async function replay(doc: Scenario, log: IncidentLog, variants: VariantSpec[], n: number, scope: string): Promise<void> {
  const store = useIncidentsStore.getState();
  const { settings } = store;
  store.setProgress({ kind: 'running', logId: log.id, done: 0, total: n * variants.length });
  try {
    const scenarioHash = await sha256Hex(serializeScenario(doc));
    const options = { variants, replications: n, seed: doc.run.seed, detection: settings.detection, absences: settings.absences, pageHours: pageHoursFor(doc, log, settings.pageMinutes) };
    const result = await runReplayJob(log, options, (done, total) => useIncidentsStore.getState().setProgress({ kind: 'running', logId: log.id, done, total }));
    useIncidentsStore.getState().setReplay(log.id, { ...result, scope }, scenarioHash);
    useIncidentsStore.getState().setProgress({ kind: 'idle' });
  } catch (err) {
    useIncidentsStore.getState().setProgress(err instanceof RunCancelled ? { kind: 'idle' } : { kind: 'error', logId: log.id, message: err instanceof Error ? err.message : String(err) });
  }
}
