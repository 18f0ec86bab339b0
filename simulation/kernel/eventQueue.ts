/**
 * The future event list: a binary heap of pending events ordered by
 * (time, priority, sequence). Events at the same time run in priority order
 * (lower first), and events with the same time and priority run in the order
 * they were scheduled, so a run is fully determined by its inputs.
 *
 * Cancelling is lazy: a cancelled event stays in the heap, marked, and is
 * skipped when it reaches the top. That keeps cancel O(1).
 */
export interface QueuedEvent<T> {
  readonly time: number;
  readonly priority: number;
  readonly seq: number;
  readonly payload: T;
  cancelled: boolean;
}

export class EventQueue<T> {
  private heap: QueuedEvent<T>[] = [];
  private nextSeq = 0;
  private live = 0;

  /** Pending events that are not cancelled. */
  get size(): number {
    return this.live;
  }

  /**
   * Adds an event. `time` must be a finite number; NaN would break the order
   * of the whole heap, so it is refused here rather than found later.
   */
  push(time: number, priority: number, payload: T): QueuedEvent<T> {
    if (!Number.isFinite(time)) throw new RangeError(`event time must be finite, got ${time}`);
    const event: QueuedEvent<T> = { time, priority, seq: this.nextSeq++, payload, cancelled: false };
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(event, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
    this.live++;
    return event;
  }

  /** Marks an event so it never runs. Cancelling twice, or after it ran, does nothing. */
  cancel(event: QueuedEvent<T>): void {
    if (event.cancelled) return;
    event.cancelled = true;
    this.live--;
  }

  /** The next event to run, without removing it; undefined when none is left. */
  peek(): QueuedEvent<T> | undefined {
    this.dropCancelled();
    return this.heap[0];
  }

  /** Removes and returns the next event; undefined when none is left. */
  pop(): QueuedEvent<T> | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (top === undefined) return undefined;
    this.removeTop();
    this.live--;
    // A popped event can no longer be cancelled (it has run).
    top.cancelled = true;
    return top;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.removeTop();
  }

  private removeTop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    const n = heap.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }
}

function before<T>(a: QueuedEvent<T>, b: QueuedEvent<T>): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.seq < b.seq;
}
