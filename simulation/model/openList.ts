/** The links an {@link OpenList} keeps in each of its members. */
export interface OpenLinks<T> {
  /** True while the object is in a list. */
  open: boolean;
  openPrev: T | null;
  openNext: T | null;
}

/**
 * The items or incidents of a replication that are not finished yet, in the
 * order they were added: what a `Set` of them would hold, with the links kept
 * in the objects themselves, so adding and removing one (once per item, in
 * the hot path) allocates nothing and hashes nothing. An object is in at most
 * one list at a time.
 */
export class OpenList<T extends OpenLinks<T>> implements Iterable<T> {
  private head: T | null = null;
  private tail: T | null = null;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `x` at the end (nothing happens if it is already in). */
  add(x: T): void {
    if (x.open) return;
    x.open = true;
    x.openPrev = this.tail;
    x.openNext = null;
    if (this.tail) this.tail.openNext = x;
    else this.head = x;
    this.tail = x;
    this.count++;
  }

  /** Removes `x`; false if it was not in. */
  delete(x: T): boolean {
    if (!x.open) return false;
    const { openPrev: prev, openNext: next } = x;
    if (prev) prev.openNext = next;
    else this.head = next;
    if (next) next.openPrev = prev;
    else this.tail = prev;
    x.open = false;
    x.openPrev = null;
    x.openNext = null;
    this.count--;
    return true;
  }

  /** Empties the list, unlinking every member. */
  clear(): void {
    let x = this.head;
    while (x) {
      const next = x.openNext;
      x.open = false;
      x.openPrev = null;
      x.openNext = null;
      x = next;
    }
    this.head = null;
    this.tail = null;
    this.count = 0;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let x = this.head; x; x = x.openNext) yield x;
  }
}
