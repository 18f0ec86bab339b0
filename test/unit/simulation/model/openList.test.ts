import { describe, expect, it } from 'vitest';
import { OpenList, type OpenLinks } from '../../../../simulation/model/openList';

interface Thing extends OpenLinks<Thing> {
  id: number;
}
const thing = (id: number): Thing => ({ id, open: false, openPrev: null, openNext: null });
const ids = (list: OpenList<Thing>) => Array.from(list, (t) => t.id);

describe('OpenList', () => {
  it('holds what a Set would, in the same order, through any sequence of adds and deletes', () => {
    const things = Array.from({ length: 8 }, (_, i) => thing(i));
    const list = new OpenList<Thing>();
    const set = new Set<Thing>();
    // A fixed pseudo-random walk of adds, deletes and clears.
    let x = 12345;
    for (let step = 0; step < 2000; step++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const t = things[x % 8]!;
      const op = (x >>> 8) % 10;
      if (op < 5) {
        list.add(t);
        set.add(t);
      } else if (op < 9) expect(list.delete(t)).toBe(set.delete(t));
      else if ((x >>> 16) % 20 === 0) {
        list.clear();
        set.clear();
      }
      expect(list.size).toBe(set.size);
      expect(ids(list)).toEqual(Array.from(set, (s) => s.id));
    }
  });

  it('unlinks everything on clear, so the members can join another list', () => {
    const a = thing(1);
    const b = thing(2);
    const first = new OpenList<Thing>();
    first.add(a);
    first.add(b);
    first.clear();
    expect([a.open, a.openNext, b.open, b.openPrev]).toEqual([false, null, false, null]);
    const second = new OpenList<Thing>();
    second.add(b);
    expect(ids(second)).toEqual([2]);
    expect(ids(first)).toEqual([]);
  });
});
