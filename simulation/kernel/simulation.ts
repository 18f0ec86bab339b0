import { EventQueue, type EventHandle } from './eventQueue';

export type { EventHandle } from './eventQueue';

/**
 * A callback run when its event comes up. It runs with {@link Simulation.now}
 * set to the event's time and may schedule and cancel other events. For hot
 * paths, prefer a handler created once (a bound method or a long-lived
 * closure) over a new closure per event.
 */
export type EventHandler = () => void;

/** Limits for one call of {@link Simulation.run}. */
export interface RunOptions {
  /**
   * Stop before any event at or after this time; the clock then reads `until`.
   * Must be >= `now` (equal is allowed and processes nothing). Default: no limit.
   */
  until?: number;
  /**
   * Most events this call may process (a positive integer, or Infinity).
   * Default {@link DEFAULT_MAX_EVENTS}: a runaway model stops with a clear
   * 'event-cap' outcome instead of hanging.
   */
  maxEvents?: number;
}

/** Why {@link Simulation.run} returned, how much it did, and the clock then. */
export interface RunOutcome {
  /**
   * 'empty': no pending event is left. 'until': the next event is at or after
   * `until`. 'event-cap': `maxEvents` were processed and another event was due
   * before `until` (the run stopped early; calling run again continues it).
   */
  readonly reason: 'until' | 'empty' | 'event-cap';
  /** Events processed by this call (cancelled events are not counted). */
  readonly eventsProcessed: number;
  /** The clock when the call returned. */
  readonly now: number;
}

/** Default cap on events per {@link Simulation.run} call. */
export const DEFAULT_MAX_EVENTS = 50_000_000;

/**
 * A discrete-event simulation clock and its future event list, in the style of
 * SimPy's `Environment` with plain callbacks instead of generators. It knows
 * nothing about what the events mean.
 *
 * Order: events run in time order; at the same time, lower `priority` first
 * (default 0; any finite number, negative allowed); at the same time and
 * priority, in the order they were scheduled (also when scheduled from inside
 * a handler at the current time: they go after what is already due).
 *
 * Errors: a handler that throws ends the run; the exception propagates out of
 * {@link run}, the clock stays at that event's time, the event counts as done,
 * and the simulation can be run again. Calling {@link run} from inside a
 * handler throws.
 */
export class Simulation {
  private clock = 0;
  private readonly queue = new EventQueue<EventHandler>();
  private running = false;
  private processed = 0;

  /** @param start the initial clock (finite; default 0). */
  constructor(start = 0) {
    if (!Number.isFinite(start)) throw new RangeError(`start time must be finite, got ${start}`);
    this.clock = start;
  }

  /**
   * Makes this simulation as new (clock at `start`, nothing pending, no
   * events processed), keeping the event list's memory for the next run.
   * Handles from before are stale. Not from inside a handler.
   */
  reset(start = 0): void {
    if (!Number.isFinite(start)) throw new RangeError(`start time must be finite, got ${start}`);
    if (this.running) throw new Error('reset() was called from inside an event handler');
    this.queue.clear();
    this.clock = start;
    this.processed = 0;
  }

  /** The current simulated time. Only {@link run} moves it, and only forward. */
  get now(): number {
    return this.clock;
  }

  /** Events scheduled and neither run nor cancelled. */
  get pending(): number {
    return this.queue.size;
  }

  /** Events processed over the life of this simulation, across all runs. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Events scheduled since the simulation was made or reset (see {@link scheduleAtOrder}). */
  get scheduled(): number {
    return this.queue.pushed;
  }

  /**
   * Runs `handler` at `time`, ordered among events of the same time and
   * priority as if it had been scheduled just before the event that was the
   * `order`-th scheduled (counting from 0; see {@link scheduled}). `part`
   * (0 < part < 1, default 0.5) orders several events placed at the same
   * `order`: the smaller first. For a copy of a run that must place an event
   * where a run that had scheduled it from the start would have it.
   * @throws RangeError for a time in the past or not finite, or a bad `order` or `part`.
   */
  scheduleAtOrder(time: number, handler: EventHandler, priority: number, order: number, part = 0.5): EventHandle {
    if (!(time >= this.clock && time < Infinity)) throw badTime(this.clock, time);
    if (!(Number.isInteger(order) && order >= 0 && order <= this.queue.pushed && part > 0 && part < 1)) {
      throw new RangeError(`order must be an event number from 0 to ${this.queue.pushed} and part between 0 and 1, got ${order}, ${part}`);
    }
    return this.queue.pushAt(time, priority, order - 1 + part, handler);
  }

  /**
   * Makes this simulation a copy of `other` at its current time: the same
   * clock and pending events with the same handles, each handler passed
   * through `copy` (which makes the handler that does the same to the copy's
   * state). Not from inside a handler.
   */
  copyFrom(other: Simulation, copy: (handler: EventHandler) => EventHandler): void {
    if (this.running || other.running) throw new Error('copyFrom() was called from inside an event handler');
    this.queue.copyFrom(other.queue, copy);
    this.clock = other.clock;
    this.processed = other.processed;
  }

  /** Time of the next pending event, or Infinity when there is none. */
  peek(): number {
    return this.queue.peekTime();
  }

  /**
   * Runs `handler` after `delay` (a finite number >= 0; 0 means later at the
   * current time, after events already due at this time and priority).
   * @throws RangeError for a negative, NaN or infinite delay, or a non-finite priority.
   */
  schedule(delay: number, handler: EventHandler, priority = 0): EventHandle {
    if (!(delay >= 0 && delay < Infinity)) throw badDelay(delay);
    return this.queue.push(this.clock + delay, priority, handler);
  }

  /**
   * Runs `handler` at absolute time `time` (finite, >= now).
   * @throws RangeError for a time in the past, NaN or infinite, or a non-finite priority.
   */
  scheduleAt(time: number, handler: EventHandler, priority = 0): EventHandle {
    if (!(time >= this.clock && time < Infinity)) throw badTime(this.clock, time);
    return this.queue.push(time, priority, handler);
  }

  /**
   * Cancels a pending event so its handler never runs. Returns true if it was
   * pending; false if it already ran or was already cancelled (no effect).
   * Cancelling from a handler an event due at the same time works. A handle
   * from another simulation must not be passed.
   */
  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  /**
   * Processes events in order until one of the stop conditions holds, then
   * returns why. Events at exactly `until` are not processed (as in SimPy):
   * they stay pending and run first in a later call. With `until`, the clock
   * ends at `until` unless the event cap stopped the run first, even when the
   * event list empties earlier; without it, at the time of the last event.
   * Can be called again to continue from where it stopped.
   * @throws RangeError for `until` before now or NaN, or a bad `maxEvents`.
   */
  run(options: RunOptions = {}): RunOutcome {
    const until = options.until ?? Infinity;
    const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    if (!(until >= this.clock)) throw new RangeError(`until must not be before now (${this.clock}), got ${until}`);
    if (!(maxEvents >= 1) || (maxEvents !== Infinity && !Number.isInteger(maxEvents))) {
      throw new RangeError(`maxEvents must be a positive integer or Infinity, got ${maxEvents}`);
    }
    if (this.running) throw new Error('run() was called from inside an event handler');
    this.running = true;
    const queue = this.queue;
    let count = 0;
    let reason: RunOutcome['reason'];
    try {
      for (;;) {
        const time = queue.peekTime();
        if (time === Infinity) {
          reason = 'empty';
          break;
        }
        if (time >= until) {
          reason = 'until';
          break;
        }
        if (count >= maxEvents) {
          reason = 'event-cap';
          break;
        }
        const handler = queue.pop()!;
        this.clock = time;
        count++;
        handler();
      }
      if (reason !== 'event-cap' && until !== Infinity) this.clock = until;
    } finally {
      this.running = false;
      this.processed += count;
    }
    return { reason, eventsProcessed: count, now: this.clock };
  }
}

// Kept out of `schedule` and `scheduleAt` so they stay small enough to inline.
function badDelay(delay: number): RangeError {
  return new RangeError(`delay must be a finite number >= 0, got ${delay}`);
}

function badTime(now: number, time: number): RangeError {
  return new RangeError(`time must be finite and not before now (${now}), got ${time}`);
}
