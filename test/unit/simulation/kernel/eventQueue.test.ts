import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../../simulation/kernel/eventQueue';

function drain<T>(q: EventQueue<T>): { time: number; payload: T }[] {
  const out: { time: number; payload: T }[] = [];
  for (;;) {
    const time = q.peekTime();
    if (time === Infinity) return out;
    out.push({ time, payload: q.pop()! });
  }
}

describe('EventQueue', () => {
  it('pops in (time, priority, push order) for any schedule, across growth of its arrays', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ time: fc.integer({ min: 0, max: 20 }), priority: fc.integer({ min: -2, max: 2 }) }), { maxLength: 300 }),
        (entries) => {
          const q = new EventQueue<number>();
          entries.forEach((e, i) => q.push(e.time, e.priority, i));
          const expected = entries
            .map((e, i) => ({ ...e, i }))
            .sort((a, b) => a.time - b.time || a.priority - b.priority || a.i - b.i)
            .map((e) => ({ time: e.time, payload: e.i }));
          expect(drain(q)).toEqual(expected);
        },
      ),
    );
  });

  it('matches a reference model under random interleavings of push, pop and cancel', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), time: fc.integer({ min: 0, max: 9 }), priority: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const q = new EventQueue<number>();
        const handles: ReturnType<EventQueue<number>['push']>[] = [];
        // Reference: the pending entries, and which ids ran or were cancelled.
        const pending = new Map<number, { time: number; priority: number }>();
        for (const o of ops) {
          if (o.kind === 'push') {
            pending.set(handles.length, { time: o.time, priority: o.priority });
            handles.push(q.push(o.time, o.priority, handles.length));
          } else if (o.kind === 'pop') {
            let best: number | undefined;
            for (const [id, e] of pending) {
              const b = best === undefined ? undefined : pending.get(best)!;
              if (b === undefined || e.time < b.time || (e.time === b.time && (e.priority < b.priority || (e.priority === b.priority && id < best!)))) best = id;
            }
            expect(q.pop()).toBe(best);
            if (best !== undefined) pending.delete(best);
          } else if (handles.length > 0) {
            const id = o.pick % handles.length;
            expect(q.cancel(handles[id]!)).toBe(pending.has(id));
            pending.delete(id);
          }
          expect(q.size).toBe(pending.size);
        }
      }),
    );
  });

  it('does not let a stale handle cancel the newer event that reuses its slot', () => {
    const q = new EventQueue<string>();
    const old = q.push(1, 0, 'old');
    expect(q.pop()).toBe('old');
    const fresh = q.push(2, 0, 'fresh'); // reuses the freed slot
    expect(fresh).not.toBe(old);
    expect(q.cancel(old)).toBe(false);
    expect(q.size).toBe(1);
    expect(q.pop()).toBe('fresh');
  });

  it('refuses non-finite times and priorities', () => {
    const q = new EventQueue<number>();
    expect(() => q.push(NaN, 0, 1)).toThrow(RangeError);
    expect(() => q.push(Infinity, 0, 1)).toThrow(RangeError);
    expect(() => q.push(0, NaN, 1)).toThrow(RangeError);
    expect(q.size).toBe(0);
    expect(q.pop()).toBeUndefined();
  });

  it('keeps memory bounded when nearly everything is cancelled (compaction frees slots)', () => {
    const q = new EventQueue<number>();
    // One long-lived event, plus waves of timers that are all cancelled.
    q.push(1e9, 0, -1);
    for (let wave = 0; wave < 50; wave++) {
      const hs = [];
      for (let i = 0; i < 1000; i++) hs.push(q.push(wave + i / 1000, 0, i));
      for (const h of hs) q.cancel(h);
    }
    expect(q.size).toBe(1);
    // After compaction the heap holds far fewer than the 50,000 cancelled entries.
    expect((q as unknown as { n: number }).n).toBeLessThan(3000);
    expect(drain(q)).toEqual([{ time: 1e9, payload: -1 }]);
  });
});
