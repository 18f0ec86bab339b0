import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IncidentLog, Scenario } from '../scenario/schema';
import { replayOnWorkers } from '../replay/replayCoordinator';
import type { ReplayComparison, ReplayOptions } from '../replay/replayComparison';
import { runOnWorkers, type CoordinatedRunOptions, type WorkerPort } from '../run/runCoordinator';
import type { RunResult } from '../run/runScenario';
import type { FromWorker, WarmUpMessage } from '../run/workerProtocol';
import { race, type RaceInfo, type RaceOptions } from '../analysis/racing';
import { workerRunner } from '../run/rangeRunner';

export type PoolRunOptions = CoordinatedRunOptions;

/**
 * A pool of worker threads (one per core by default) that runs replications
 * in parallel, through the same coordinator as the app's Web Workers: results
 * are combined in replication order, so a run gives the same numbers with any
 * number of workers.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  /** Workers that have run nothing yet: put to work only when there is enough for them (see COLD_START_EVENTS). */
  private readonly cold: boolean[];

  constructor(size = Math.max(1, os.availableParallelism?.() ?? os.cpus().length)) {
    // From source (npm run simulate, tests) workers load TypeScript through tsx; built, plain JavaScript.
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(fromSource ? './workerFromSource.mjs' : './worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => new Worker(url));
    this.cold = this.workers.map(() => true);
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Warms every worker on about `events` events of `scenario` as the app's
   * pool does when a scenario opens (see WarmUpMessage), and counts them as
   * warm; resolves when all are done. For measuring what the app's user
   * waits for; a one-off command gains nothing from it.
   */
  async warmUp(scenario: Scenario, events: number): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const done = (message: { type?: string }) => {
              if (message.type !== 'warmed') return;
              worker.off('message', done);
              resolve();
            };
            worker.on('message', done);
            worker.postMessage({ type: 'warm', scenario, events } satisfies WarmUpMessage);
          }),
      ),
    );
    this.cold.fill(false);
  }

  run(scenario: Scenario, options: PoolRunOptions): Promise<RunResult> {
    return runOnWorkers(this.ports(), scenario, { cold: this.cold, ...options });
  }

  /** Races candidate variants against a baseline (see simulation/analysis/racing.ts). */
  race(scenario: Scenario, options: RaceOptions): Promise<{ result: RunResult; race: RaceInfo }> {
    // A race keeps no bands (see race()): the workers send none.
    return race(scenario, workerRunner(this.ports(), scenario, options.seed, { bands: false, cold: this.cold, forkAt: options.forkAt }), options);
  }

  /** Replays an incident log under each variant (see simulation/replay/). */
  replay(scenario: Scenario, log: IncidentLog, options: ReplayOptions): Promise<ReplayComparison> {
    return replayOnWorkers(this.ports(), scenario, log, options);
  }

  private ports(): WorkerPort[] {
    return this.workers.map((worker) => ({
      post: (message) => worker.postMessage(message),
      listen: (onMessage, onError) => {
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        worker.on('message', (message: FromWorker) => onMessage(message));
        worker.on('error', onError);
      },
    }));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
