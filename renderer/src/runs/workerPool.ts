import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { RunCancelled, runOnWorkers, type CoordinatedRunOptions, type WorkerPort } from '../../../simulation/run/runCoordinator';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { FromWorker, WarmUpMessage } from '../../../simulation/run/workerProtocol';
import { workerRunner } from '../../../simulation/run/rangeRunner';
import { race, type RaceInfo, type RaceOptions } from '../../../simulation/analysis/racing';
import { replayOnWorkers } from '../../../simulation/replay/replayCoordinator';
import type { ReplayComparison, ReplayOptions } from '../../../simulation/replay/replayComparison';

/** Web Workers to run on: one per core, leaving one for the page when there are more than two. */
export function defaultWorkerCount(): number {
  const cores = navigator.hardwareConcurrency || 2;
  return Math.max(1, cores > 2 ? cores - 1 : cores);
}

/**
 * Each run starts on the first worker, and the others join only when their
 * share of the waiting work is worth it (see COLD_START_EVENTS in
 * rangeRunner.ts): a small run split over workers spends more on messages
 * and on the page's thread, which draws the progress on the same cores, than
 * it saves. Measured in Chromium on 2 cores (Playwright's tracing off): the
 * walled team until precise 1.75 -> 1.52 s, 400 replications 0.85 -> 0.74 s;
 * the organisation until precise 2.18 -> 1.91 s, while its 400 replications
 * (2.4 million events) still take both workers (3.7 s; 4.9 s on one).
 */
const joinWhenWorthIt = (workers: readonly unknown[]): boolean[] => workers.map((_, w) => w > 0);

/** Events each new worker runs of the open scenario to warm up (a few replications of a small team, part of one of a large organisation). */
const WARM_UP_EVENTS = 20_000;

/**
 * Runs a simulation (or an incident log's replay) on a pool of Web Workers,
 * never on the page's thread. Cancel stops at once: the workers are
 * terminated (and new ones started for the next run).
 */
export class BrowserRunPool {
  private workers: Worker[] = [];
  private cancelled = false;

  /** @param size how many Web Workers it runs on. */
  constructor(readonly size = defaultWorkerCount()) {}

  run(scenario: Scenario, options: CoordinatedRunOptions): Promise<RunResult> {
    // The summary gets a task of its own, apart from the last chunk's (see CoordinatedRunOptions.defer); a few chunks
    // in flight per worker, since this thread also draws the progress (see workerRunner).
    return this.guard((ports, isCancelled) => runOnWorkers(ports, scenario, { defer: (work) => setTimeout(work, 0), inFlight: 4, cold: joinWhenWorthIt(ports), ...options }, isCancelled));
  }

  /** Races candidate variants against a baseline (see simulation/analysis/racing.ts); the summary is made variant by variant in tasks of their own. */
  race(scenario: Scenario, options: RaceOptions): Promise<{ result: RunResult; race: RaceInfo }> {
    return this.guard((ports, isCancelled) => race(scenario, workerRunner(ports, scenario, options.seed, { isCancelled, bands: false, forkAt: options.forkAt, cold: joinWhenWorthIt(ports) }), { defer: (work) => setTimeout(work, 0), ...options }));
  }

  replay(scenario: Scenario, log: IncidentLog, options: ReplayOptions & { onProgress?: (done: number, total: number) => void }): Promise<ReplayComparison> {
    return this.guard((ports, isCancelled) => replayOnWorkers(ports, scenario, log, options, isCancelled));
  }

  /**
   * Starts the workers now, if they are not running, so that the next run
   * does not wait for them to load (see prewarmRunPool); with a scenario,
   * new workers also run a little of it (see WarmUpMessage), so that the
   * first run does not start cold. Workers already running are left alone.
   */
  warm(scenario?: Scenario): void {
    if (this.workers.length > 0) return;
    this.workers = Array.from({ length: this.size }, () => new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'handoff-simulation' }));
    if (scenario) for (const w of this.workers) w.postMessage({ type: 'warm', scenario, events: WARM_UP_EVENTS } satisfies WarmUpMessage);
  }

  private async guard<T>(work: (ports: WorkerPort[], isCancelled: () => boolean) => Promise<T>): Promise<T> {
    this.cancelled = false;
    this.warm();
    const ports: WorkerPort[] = this.workers.map((w) => ({
      post: (message) => w.postMessage(message),
      listen: (onMessage, onError) => {
        w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
        w.onerror = (e) => onError(new Error(e.message || 'a simulation worker stopped'));
      },
    }));
    let stop: (() => void) | null = null;
    const cancelled = new Promise<never>((_, reject) => {
      stop = () => reject(new RunCancelled());
    });
    this.stopCurrent = () => stop?.();
    try {
      return await Promise.race([work(ports, () => this.cancelled), cancelled]);
    } finally {
      this.stopCurrent = null;
    }
  }

  private stopCurrent: (() => void) | null = null;

  /** Stops the run in progress now; its promise rejects with RunCancelled. New workers start at once for the next run. */
  cancel(): void {
    this.cancelled = true;
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.stopCurrent?.();
    this.warm();
  }

  /** Stops the workers for good (the pool is not used again). */
  dispose(): void {
    this.cancelled = true;
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.stopCurrent?.();
  }
}
