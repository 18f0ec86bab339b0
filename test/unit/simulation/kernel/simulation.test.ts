import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../simulation/kernel/simulation';

/** A simulation plus a trace of [time, label] pairs, and a helper that logs on firing. */
function traced(): { sim: Simulation; trace: [number, string][]; log: (label: string) => () => void } {
  const sim = new Simulation();
  const trace: [number, string][] = [];
  const log = (label: string) => () => {
    trace.push([sim.now, label]);
  };
  return { sim, trace, log };
}

describe('Simulation: ordering', () => {
  it('runs events in time order and advances the clock to each', () => {
    const { sim, trace, log } = traced();
    sim.schedule(3, log('c'));
    sim.schedule(1, log('a'));
    sim.schedule(2, log('b'));
    const outcome = sim.run();
    expect(trace).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(outcome).toEqual({ reason: 'empty', eventsProcessed: 3, now: 3 });
  });

  it('breaks ties by priority (lower first), then by scheduling order', () => {
    const { sim, trace, log } = traced();
    sim.schedule(5, log('p1-first'), 1);
    sim.schedule(5, log('p0-first'));
    sim.schedule(5, log('p1-second'), 1);
    sim.schedule(5, log('urgent'), -1);
    sim.schedule(5, log('p0-second'));
    sim.run();
    expect(trace).toEqual([
      [5, 'urgent'],
      [5, 'p0-first'],
      [5, 'p0-second'],
      [5, 'p1-first'],
      [5, 'p1-second'],
    ]);
  });

  it('puts a zero-delay event scheduled by a handler after those already due at that time', () => {
    const { sim, trace, log } = traced();
    sim.schedule(1, () => {
      trace.push([sim.now, 'a']);
      sim.schedule(0, log('a-child'));
    });
    sim.schedule(1, log('b'));
    sim.run();
    expect(trace).toEqual([
      [1, 'a'],
      [1, 'b'],
      [1, 'a-child'],
    ]);
  });

  it('lets a zero-delay event with a lower priority number overtake events already due', () => {
    const { sim, trace, log } = traced();
    sim.schedule(1, () => {
      trace.push([sim.now, 'a']);
      sim.schedule(0, log('a-urgent'), -1);
    });
    sim.schedule(1, log('b'));
    sim.run();
    expect(trace.map(([, label]) => label)).toEqual(['a', 'a-urgent', 'b']);
  });

  it('schedules at absolute times with scheduleAt, relative to nothing', () => {
    const { sim, trace, log } = traced();
    sim.schedule(2, () => {
      sim.scheduleAt(7, log('at-7'));
      sim.scheduleAt(2, log('at-now'));
    });
    sim.run();
    expect(trace).toEqual([
      [2, 'at-now'],
      [7, 'at-7'],
    ]);
  });

  it('keeps the order of a large random schedule equal to a sort by (time, priority, order)', () => {
    const { sim, trace } = traced();
    const expected: { time: number; priority: number; index: number }[] = [];
    // A fixed pseudo-random pattern with many ties in time and priority.
    let x = 12345;
    for (let index = 0; index < 2000; index++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const time = (x >>> 8) % 50;
      const priority = (x >>> 20) % 3;
      expected.push({ time, priority, index });
      sim.schedule(time, () => trace.push([sim.now, String(index)]), priority);
    }
    sim.run();
    expected.sort((a, b) => a.time - b.time || a.priority - b.priority || a.index - b.index);
    expect(trace).toEqual(expected.map((e) => [e.time, String(e.index)]));
  });
});

describe('Simulation: cancel', () => {
  it('cancels an event before the run', () => {
    const { sim, trace, log } = traced();
    sim.schedule(1, log('a'));
    const b = sim.schedule(2, log('b'));
    sim.schedule(3, log('c'));
    expect(sim.cancel(b)).toBe(true);
    expect(sim.pending).toBe(2);
    const outcome = sim.run();
    expect(trace).toEqual([
      [1, 'a'],
      [3, 'c'],
    ]);
    expect(outcome.eventsProcessed).toBe(2);
  });

  it('cancels, from a handler, another event due at the same time', () => {
    const { sim, trace, log } = traced();
    sim.schedule(4, () => {
      trace.push([sim.now, 'canceller']);
      expect(sim.cancel(victim)).toBe(true);
    });
    const victim = sim.schedule(4, log('victim'));
    sim.schedule(4, log('bystander'));
    sim.run();
    expect(trace).toEqual([
      [4, 'canceller'],
      [4, 'bystander'],
    ]);
  });

  it('lets a handler cancel itself harmlessly (it is already running)', () => {
    const { sim, trace } = traced();
    const self = sim.schedule(1, () => {
      trace.push([sim.now, 'self']);
      expect(sim.cancel(self)).toBe(false);
    });
    sim.run();
    expect(trace).toEqual([[1, 'self']]);
  });

  it('returns false and changes nothing when cancelling twice or after the event ran', () => {
    const { sim, trace, log } = traced();
    const a = sim.schedule(1, log('a'));
    const b = sim.schedule(2, log('b'));
    expect(sim.cancel(b)).toBe(true);
    expect(sim.cancel(b)).toBe(false);
    sim.run();
    expect(sim.cancel(a)).toBe(false);
    expect(trace).toEqual([[1, 'a']]);
    expect(sim.pending).toBe(0);
  });

  it('ends empty when every remaining event is cancelled, with the clock at the last event run', () => {
    const { sim, log } = traced();
    sim.schedule(1, log('a'));
    sim.cancel(sim.schedule(9, log('b')));
    expect(sim.run()).toEqual({ reason: 'empty', eventsProcessed: 1, now: 1 });
    expect(sim.peek()).toBe(Infinity);
  });

  it('stays correct when most scheduled events are cancelled (heap compaction)', () => {
    const { sim, trace, log } = traced();
    const handles = [];
    for (let i = 0; i < 5000; i++) handles.push(sim.schedule(i, log(String(i))));
    for (let i = 0; i < 5000; i++) if (i % 7 !== 3) sim.cancel(handles[i]!);
    expect(sim.pending).toBe(Math.ceil((5000 - 3) / 7));
    sim.run();
    const expected = [];
    for (let i = 3; i < 5000; i += 7) expected.push([i, String(i)]);
    expect(trace).toEqual(expected);
  });
});

describe('Simulation: run until', () => {
  it('stops before events at exactly `until`, leaves them pending, and sets the clock to `until`', () => {
    const { sim, trace, log } = traced();
    sim.schedule(1, log('a'));
    sim.schedule(5, log('at-5'));
    sim.schedule(8, log('c'));
    expect(sim.run({ until: 5 })).toEqual({ reason: 'until', eventsProcessed: 1, now: 5 });
    expect(trace).toEqual([[1, 'a']]);
    expect(sim.pending).toBe(2);
  });

  it('continues correctly when run again after `until`', () => {
    const { sim, trace, log } = traced();
    sim.schedule(1, log('a'));
    sim.schedule(5, log('at-5'));
    sim.schedule(8, log('c'));
    sim.run({ until: 5 });
    sim.schedule(0, log('scheduled-at-5-after-pause'));
    sim.schedule(1, log('at-6'));
    expect(sim.run({ until: 7 })).toEqual({ reason: 'until', eventsProcessed: 3, now: 7 });
    expect(sim.run()).toEqual({ reason: 'empty', eventsProcessed: 1, now: 8 });
    expect(trace).toEqual([
      [1, 'a'],
      [5, 'at-5'],
      [5, 'scheduled-at-5-after-pause'],
      [6, 'at-6'],
      [8, 'c'],
    ]);
    expect(sim.eventsProcessed).toBe(5);
  });

  it('moves the clock to `until` when the events run out before it', () => {
    const { sim, log } = traced();
    sim.schedule(2, log('a'));
    expect(sim.run({ until: 10 })).toEqual({ reason: 'empty', eventsProcessed: 1, now: 10 });
  });

  it('accepts until equal to now and processes nothing', () => {
    const { sim, log } = traced();
    sim.schedule(0, log('a'));
    expect(sim.run({ until: 0 })).toEqual({ reason: 'until', eventsProcessed: 0, now: 0 });
  });

  it('refuses until before now', () => {
    const { sim } = traced();
    sim.run({ until: 5 });
    expect(() => sim.run({ until: 4 })).toThrow(RangeError);
  });
});

describe('Simulation: event cap', () => {
  it('stops a runaway model with reason event-cap, and resumes from there', () => {
    const { sim, trace } = traced();
    const tick = (): void => {
      trace.push([sim.now, 'tick']);
      sim.schedule(1, tick);
    };
    sim.schedule(0, tick);
    expect(sim.run({ maxEvents: 3 })).toEqual({ reason: 'event-cap', eventsProcessed: 3, now: 2 });
    expect(sim.run({ maxEvents: 2 })).toEqual({ reason: 'event-cap', eventsProcessed: 2, now: 4 });
    expect(trace.map(([t]) => t)).toEqual([0, 1, 2, 3, 4]);
  });

  it('reports empty, not event-cap, when the cap is reached with nothing left to run', () => {
    const { sim, log } = traced();
    sim.schedule(1, log('a'));
    sim.schedule(2, log('b'));
    expect(sim.run({ maxEvents: 2 })).toEqual({ reason: 'empty', eventsProcessed: 2, now: 2 });
  });

  it('reports until, not event-cap, when the next event is beyond until', () => {
    const { sim, log } = traced();
    sim.schedule(1, log('a'));
    sim.schedule(9, log('b'));
    expect(sim.run({ until: 5, maxEvents: 1 })).toEqual({ reason: 'until', eventsProcessed: 1, now: 5 });
  });

  it('refuses a cap that is not a positive integer', () => {
    const { sim } = traced();
    for (const maxEvents of [0, -1, 1.5, NaN]) expect(() => sim.run({ maxEvents })).toThrow(RangeError);
  });
});

describe('Simulation: errors', () => {
  it('refuses negative, NaN and infinite delays with a RangeError naming the value', () => {
    const { sim } = traced();
    const noop = (): void => {};
    expect(() => sim.schedule(-1, noop)).toThrow(/delay must be a finite number >= 0, got -1/);
    expect(() => sim.schedule(NaN, noop)).toThrow(RangeError);
    expect(() => sim.schedule(Infinity, noop)).toThrow(RangeError);
    expect(() => sim.schedule(1, noop, NaN)).toThrow(/priority/);
    expect(sim.pending).toBe(0);
  });

  it('refuses scheduleAt in the past or at a non-finite time', () => {
    const { sim } = traced();
    const noop = (): void => {};
    sim.schedule(3, noop);
    sim.run();
    expect(() => sim.scheduleAt(2, noop)).toThrow(/not before now \(3\)/);
    expect(() => sim.scheduleAt(Infinity, noop)).toThrow(RangeError);
    expect(() => sim.scheduleAt(NaN, noop)).toThrow(RangeError);
  });

  it('lets a handler exception out, keeps the clock at that event and can run on', () => {
    const { sim, trace, log } = traced();
    sim.schedule(1, () => {
      throw new Error('boom');
    });
    sim.schedule(2, log('after'));
    expect(() => sim.run()).toThrow('boom');
    expect(sim.now).toBe(1);
    expect(sim.run()).toEqual({ reason: 'empty', eventsProcessed: 1, now: 2 });
    expect(trace).toEqual([[2, 'after']]);
  });

  it('refuses run() from inside a handler', () => {
    const { sim } = traced();
    let error: unknown;
    sim.schedule(1, () => {
      try {
        sim.run();
      } catch (e) {
        error = e;
      }
    });
    sim.run();
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toMatch(/inside an event handler/);
  });

  it('starts at a given time', () => {
    const sim = new Simulation(100);
    let seen = -1;
    sim.schedule(5, () => (seen = sim.now));
    sim.run();
    expect(seen).toBe(105);
  });
});

describe('Simulation: reset for reuse', () => {
  /** A random schedule with ties, run to the end; returns the labels in the order they ran. */
  function order(sim: Simulation, seed: number): string[] {
    const out: string[] = [];
    let x = seed;
    const rand = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const label = `e${i}`;
      sim.schedule(Math.floor(rand() * 20), () => out.push(label), Math.floor(rand() * 3));
    }
    sim.run();
    return out;
  }

  it('runs a reused simulation exactly as a new one, with the clock and count from zero', () => {
    const used = new Simulation();
    order(used, 1);
    used.schedule(5, () => undefined);
    used.reset();
    expect(used.now).toBe(0);
    expect(used.pending).toBe(0);
    expect(used.eventsProcessed).toBe(0);
    expect(order(used, 2)).toEqual(order(new Simulation(), 2));
  });

  it('makes handles from before the reset stale, even where their slots are reused', () => {
    const sim = new Simulation();
    const old = sim.schedule(1, () => undefined);
    sim.reset();
    const ran: string[] = [];
    sim.schedule(1, () => ran.push('new'));
    expect(sim.cancel(old)).toBe(false);
    sim.run();
    expect(ran).toEqual(['new']);
  });

  it('refuses a reset from inside a handler', () => {
    const sim = new Simulation();
    sim.schedule(1, () => sim.reset());
    expect(() => sim.run()).toThrow(/inside an event handler/);
  });
});
