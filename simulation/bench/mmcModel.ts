import { Simulation } from '../kernel/simulation';
import { RandomStreams } from '../random/randomStreams';

/** Parameters of {@link simulateMMc}. Rates are per hour. */
export interface MMcParams {
  readonly servers: number;
  readonly arrivalRate: number;
  /** Service rate of one server. */
  readonly serviceRate: number;
  /** Customers whose waits are measured (after the warm-up ones). */
  readonly customers: number;
  /** Customers served first and left out of the mean, so the empty start does not bias it. Default 0. */
  readonly warmup?: number;
  /** Run seed for the `arrivals` and `service` streams. */
  readonly seed: number;
}

/** What one {@link simulateMMc} run produced. */
export interface MMcRun {
  /** Mean wait in queue (hours) of the measured customers. */
  readonly meanWait: number;
  /** Events the kernel processed. */
  readonly events: number;
}

/**
 * An M/M/c queue on the kernel: Poisson arrivals, exponential service, `servers`
 * identical servers, one FIFO queue, starting empty. Arrivals stop after
 * warmup + customers; the run goes on until everyone is served. Pure (no Node),
 * so oracle tests and the benchmark share it. Written for speed: two long-lived
 * handlers, no allocation per customer besides the kernel's own.
 */
export function simulateMMc(p: MMcParams): MMcRun {
  const warmup = p.warmup ?? 0;
  const total = warmup + p.customers;
  const sim = new Simulation();
  const streams = new RandomStreams(p.seed);
  const arrivals = streams.stream('arrivals');
  const services = streams.stream('service');
  const meanGap = 1 / p.arrivalRate;
  const meanService = 1 / p.serviceRate;
  const servers = p.servers;
  // Arrival times of waiting customers, in a ring buffer whose size is a power of two.
  let waiting = new Float64Array(1024);
  let head = 0;
  let queued = 0;
  let busy = 0;
  let arrived = 0;
  let started = 0;
  let waitSum = 0;

  const startService = (wait: number): void => {
    if (++started > warmup) waitSum += wait;
    sim.schedule(-meanService * Math.log(1 - services.next()), departure);
  };
  const departure = (): void => {
    if (queued === 0) {
      busy--;
      return;
    }
    const arrivedAt = waiting[head]!;
    head = (head + 1) & (waiting.length - 1);
    queued--;
    startService(sim.now - arrivedAt);
  };
  const arrival = (): void => {
    arrived++;
    if (busy < servers) {
      busy++;
      startService(0);
    } else {
      if (queued === waiting.length) {
        const bigger = new Float64Array(waiting.length * 2);
        for (let i = 0; i < queued; i++) bigger[i] = waiting[(head + i) & (waiting.length - 1)]!;
        waiting = bigger;
        head = 0;
      }
      waiting[(head + queued) & (waiting.length - 1)] = sim.now;
      queued++;
    }
    if (arrived < total) sim.schedule(-meanGap * Math.log(1 - arrivals.next()), arrival);
  };

  sim.schedule(-meanGap * Math.log(1 - arrivals.next()), arrival);
  const outcome = sim.run({ maxEvents: Infinity });
  return { meanWait: waitSum / p.customers, events: outcome.eventsProcessed };

}
