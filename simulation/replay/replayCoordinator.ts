import { REPLAYED_FIELDS } from '../model/incidents';
import { RunCancelled, type WorkerPort } from '../run/runCoordinator';
import { chunkRanges, type ToWorker } from '../run/workerProtocol';
import type { IncidentLog, Scenario } from '../scenario/schema';
import { summariseReplay, withoutLogs, type ReplayComparison, type ReplayOptions } from './replayComparison';
import { replayPlan } from './replayRun';

let replayCounter = 0;

/**
 * Replays a log on a set of workers (the app's Web Workers, the CLI's
 * threads): every variant's replications in chunks, each placed at its own
 * replications, so the comparison is exactly what `runReplay` gives in one
 * thread. `onProgress` gets replications done (all variants) and the total;
 * `isCancelled` is checked as chunks come back (the caller terminates the
 * workers for an immediate stop).
 */
export function replayOnWorkers(
  workers: readonly WorkerPort[],
  scenario: Scenario,
  log: IncidentLog,
  options: ReplayOptions & { onProgress?: (done: number, total: number) => void },
  isCancelled: () => boolean = () => false,
): Promise<ReplayComparison> {
  const runId = `replay-${++replayCounter}`;
  const plan = replayPlan(scenario, log, options.detection, options.absences, options.pageHours);
  const model = withoutLogs(scenario);
  const width = log.incidents.length * REPLAYED_FIELDS;
  const outcomes = options.variants.map(() => new Float64Array(options.replications * width));
  const ranges = chunkRanges(options.replications, workers.length);
  const jobs: { message: ToWorker; variant: number; from: number }[] = [];
  options.variants.forEach((variant, v) =>
    ranges.forEach(([from, to]) =>
      jobs.push({ variant: v, from, message: { type: 'replay', jobId: jobs.length, runId, variantKey: String(v), request: { scenario: model, variant, plan, seed: options.seed, from, to } } }),
    ),
  );
  const total = options.replications * options.variants.length;
  const finish = () => summariseReplay(scenario, log, plan, options.variants, outcomes, options.replications, options.seed, options.detection);

  return new Promise((resolve, reject) => {
    let settled = false;
    let next = 0;
    let finished = 0;
    let done = 0;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    const feed = (worker: WorkerPort) => {
      if (next < jobs.length) worker.post(jobs[next++]!.message);
    };
    for (const worker of workers) {
      worker.listen((msg) => {
        if (settled) return;
        if (isCancelled()) return fail(new RunCancelled());
        if (msg.type === 'error') return fail(new Error(`A simulation worker failed: ${msg.message}`));
        if (msg.type !== 'replayResult') return fail(new Error(`A simulation worker answered ${msg.type} to a replay`));
        const job = jobs[msg.jobId]!;
        outcomes[job.variant]!.set(msg.outcomes, job.from * width);
        done += msg.outcomes.length / Math.max(1, width);
        finished++;
        options.onProgress?.(width > 0 ? done : Math.round((finished / jobs.length) * total), total);
        if (finished === jobs.length) {
          settled = true;
          resolve(finish());
        } else feed(worker);
      }, fail);
      feed(worker);
    }
    if (jobs.length === 0) {
      settled = true;
      resolve(finish());
    }
  });
}
