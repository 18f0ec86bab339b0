import { Simulation } from '../kernel/simulation';
import { RandomStreams } from '../random/randomStreams';

/** What one hold-model run measured. */
export interface HoldResult {
  readonly pendingEvents: number;
  readonly events: number;
  readonly wallSeconds: number;
  readonly eventsPerSecond: number;
}

/**
 * The classic "hold" model for event lists (Vaucher and Duval, 1975): keep
 * `pending` events in the list; each event, when it runs, schedules one more
 * at an exponential delay, so the list size stays constant while `events`
 * are processed. Measures the kernel alone at a list size like a large model's
 * (the M/M/3 case never holds more than four events).
 */
export function benchHold(pending = 10_000, events = 2_000_000, seed = 1): HoldResult {
  const sim = new Simulation();
  const stream = new RandomStreams(seed).stream('hold');
  const hold = (): void => {
    sim.schedule(-Math.log(1 - stream.next()), hold);
  };
  for (let i = 0; i < pending; i++) sim.schedule(-Math.log(1 - stream.next()), hold);
  const t0 = process.hrtime.bigint();
  const outcome = sim.run({ maxEvents: events });
  const wallSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { pendingEvents: pending, events: outcome.eventsProcessed, wallSeconds, eventsPerSecond: outcome.eventsProcessed / wallSeconds };
}
