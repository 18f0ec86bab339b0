/**
 * An opaque reference to a queued event, for {@link EventQueue.cancel}.
 * It is a number (slot and generation packed together), so creating one
 * allocates nothing; a stale handle, whose event has run or been cancelled,
 * is recognised as such even after its slot is reused.
 */
export type EventHandle = number & { readonly __eventHandle: unique symbol };

/** Slots are numbered below 2^24; the generation goes in the bits above. */
const SLOT_BITS = 24;
const SLOT_SPACE = 2 ** SLOT_BITS;
const SLOT_MASK = SLOT_SPACE - 1;
/** Generations wrap here so a handle stays below 2^53 (an exact integer). */
const GENERATIONS = 2 ** 29;
/** Rebuild only when at least this many cancelled entries have piled up. */
const COMPACT_MIN = 1024;

/**
 * The future event list: a binary min-heap of pending events ordered by
 * (time, priority, sequence). Events at the same time come out in priority
 * order (lower number first), and events with the same time and priority in
 * the order they were pushed, so a run is fully determined by its inputs.
 *
 * Layout, for speed: the heap keeps its keys in parallel typed arrays (time,
 * priority, sequence, slot) so comparisons read contiguous memory and pushing
 * allocates nothing; each entry's payload sits in a reusable slot, found
 * through the handle.
 *
 * Cancelling is lazy: a cancelled entry stays in the heap, marked dead in its
 * slot, and is dropped when it reaches the top, which keeps cancel O(1). When
 * dead entries outnumber live ones (and there are at least 1,024) the heap is
 * rebuilt without them, so a model that cancels most of what it schedules does
 * not grow without bound.
 *
 * Limits: at most 2^24 (16,777,216) events pending at once (RangeError past
 * that). A handle could be mistaken for a newer event only after its slot has
 * been reused 2^29 times, which no realistic run reaches.
 */
export class EventQueue<T> {
  private capacity = 64;
  private heapTime = new Float64Array(64);
  private heapPriority = new Float64Array(64);
  private heapSeq = new Float64Array(64);
  private heapSlot = new Int32Array(64);
  /** Entries in the heap, live or dead. */
  private n = 0;
  private live = 0;
  private nextSeq = 0;

  private payloads: (T | undefined)[] = [];
  /** Generation of each slot; bumped when the slot is freed. */
  private generation = new Int32Array(64);
  /** 1 while the slot's event is pending, 0 once cancelled (until its entry leaves the heap). */
  private alive = new Uint8Array(64);
  /** Free slots, used as a stack. */
  private free = new Int32Array(64);
  private freeCount = 0;
  /** Slots handed out so far (slots below this exist). */
  private slotsUsed = 0;

  /** Pending events that are not cancelled. */
  get size(): number {
    return this.live;
  }

  /**
   * Adds an event and returns its handle. `time` must be finite and `priority`
   * a finite number; NaN or an infinity would break the order of the whole
   * heap, so they are refused here (RangeError) rather than found later.
   */
  push(time: number, priority: number, payload: T): EventHandle {
    if (!(time > -Infinity && time < Infinity)) throw new RangeError(`event time must be finite, got ${time}`);
    if (!(priority > -Infinity && priority < Infinity)) {
      throw new RangeError(`event priority must be a finite number, got ${priority}`);
    }
    if (this.n === this.capacity) this.grow();
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount]!;
    else slot = this.slotsUsed++;
    this.payloads[slot] = payload;
    this.alive[slot] = 1;
    this.live++;
    const seq = this.nextSeq++;

    const heapTime = this.heapTime;
    const heapPriority = this.heapPriority;
    const heapSeq = this.heapSeq;
    const heapSlot = this.heapSlot;
    let i = this.n++;
    // The new entry has the largest sequence number, so it only rises past
    // parents that are strictly later, or as late with a larger priority.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = heapTime[parent]!;
      if (time > pt || (time === pt && priority >= heapPriority[parent]!)) break;
      heapTime[i] = pt;
      heapPriority[i] = heapPriority[parent]!;
      heapSeq[i] = heapSeq[parent]!;
      heapSlot[i] = heapSlot[parent]!;
      i = parent;
    }
    heapTime[i] = time;
    heapPriority[i] = priority;
    heapSeq[i] = seq;
    heapSlot[i] = slot;
    return (this.generation[slot]! * SLOT_SPACE + slot) as EventHandle;
  }

  /**
   * Marks a pending event so it never comes out of {@link pop}. Returns true if
   * it was pending; cancelling twice, or after the event was popped, does
   * nothing and returns false. A handle from another queue must not be passed.
   */
  cancel(handle: EventHandle): boolean {
    const slot = handle & SLOT_MASK;
    if (slot >= this.slotsUsed || this.alive[slot] !== 1) return false;
    if (this.generation[slot] !== Math.floor(handle / SLOT_SPACE)) return false;
    this.alive[slot] = 0;
    this.payloads[slot] = undefined;
    this.live--;
    const dead = this.n - this.live;
    if (dead >= COMPACT_MIN && dead > this.live) this.compact();
    return true;
  }

  /** Time of the next event to pop, or Infinity when none is left. */
  peekTime(): number {
    const alive = this.alive;
    const heapSlot = this.heapSlot;
    while (this.n > 0) {
      const slot = heapSlot[0]!;
      if (alive[slot] === 1) return this.heapTime[0]!;
      this.removeTop();
      this.release(slot);
    }
    return Infinity;
  }

  /**
   * Removes the next event and returns its payload; undefined when none is
   * left. Its time is what {@link peekTime} returned just before. The event
   * counts as done: cancelling it afterwards returns false.
   */
  pop(): T | undefined {
    let slot = this.heapSlot[0]!;
    if (this.n === 0 || this.alive[slot] !== 1) {
      if (this.peekTime() === Infinity) return undefined;
      slot = this.heapSlot[0]!;
    }
    const payload = this.payloads[slot];
    this.removeTop();
    this.live--;
    this.release(slot);
    return payload;
  }

  private release(slot: number): void {
    this.alive[slot] = 0;
    this.payloads[slot] = undefined;
    const next = this.generation[slot]! + 1;
    this.generation[slot] = next === GENERATIONS ? 0 : next;
    this.free[this.freeCount++] = slot;
  }

  /** Moves the last entry to the root and sifts it down. */
  private removeTop(): void {
    const n = --this.n;
    if (n === 0) return;
    const heapTime = this.heapTime;
    const heapPriority = this.heapPriority;
    const heapSeq = this.heapSeq;
    const heapSlot = this.heapSlot;
    const t = heapTime[n]!;
    const p = heapPriority[n]!;
    const s = heapSeq[n]!;
    const slot = heapSlot[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = heapTime[c]!;
      let cp = heapPriority[c]!;
      let cs = heapSeq[c]!;
      const r = c + 1;
      if (r < n) {
        const rt = heapTime[r]!;
        const rp = heapPriority[r]!;
        const rs = heapSeq[r]!;
        if (rt < ct || (rt === ct && (rp < cp || (rp === cp && rs < cs)))) {
          c = r;
          ct = rt;
          cp = rp;
          cs = rs;
        }
      }
      if (ct > t || (ct === t && (cp > p || (cp === p && cs > s)))) break;
      heapTime[i] = ct;
      heapPriority[i] = cp;
      heapSeq[i] = cs;
      heapSlot[i] = heapSlot[c]!;
      i = c;
    }
    heapTime[i] = t;
    heapPriority[i] = p;
    heapSeq[i] = s;
    heapSlot[i] = slot;
  }

  private grow(): void {
    const size = this.capacity * 2;
    if (size > SLOT_SPACE) throw new RangeError(`too many pending events: the limit is ${SLOT_SPACE}`);
    this.heapTime = copyInto(new Float64Array(size), this.heapTime);
    this.heapPriority = copyInto(new Float64Array(size), this.heapPriority);
    this.heapSeq = copyInto(new Float64Array(size), this.heapSeq);
    this.heapSlot = copyInto(new Int32Array(size), this.heapSlot);
    this.generation = copyInto(new Int32Array(size), this.generation);
    this.alive = copyInto(new Uint8Array(size), this.alive);
    this.free = copyInto(new Int32Array(size), this.free);
    this.capacity = size;
  }

  /** Drops dead entries, frees their slots, and re-heapifies (Floyd). */
  private compact(): void {
    let kept = 0;
    for (let i = 0; i < this.n; i++) {
      const slot = this.heapSlot[i]!;
      if (this.alive[slot] === 1) {
        this.heapTime[kept] = this.heapTime[i]!;
        this.heapPriority[kept] = this.heapPriority[i]!;
        this.heapSeq[kept] = this.heapSeq[i]!;
        this.heapSlot[kept] = slot;
        kept++;
      } else {
        this.release(slot);
      }
    }
    this.n = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDownFrom(i);
  }

  private siftDownFrom(start: number): void {
    const { heapTime, heapPriority, heapSeq, heapSlot } = this;
    const n = this.n;
    const before = (a: number, b: number): boolean =>
      heapTime[a]! < heapTime[b]! ||
      (heapTime[a] === heapTime[b] &&
        (heapPriority[a]! < heapPriority[b]! || (heapPriority[a] === heapPriority[b] && heapSeq[a]! < heapSeq[b]!)));
    const swap = (a: number, b: number): void => {
      [heapTime[a], heapTime[b]] = [heapTime[b]!, heapTime[a]!];
      [heapPriority[a], heapPriority[b]] = [heapPriority[b]!, heapPriority[a]!];
      [heapSeq[a], heapSeq[b]] = [heapSeq[b]!, heapSeq[a]!];
      [heapSlot[a], heapSlot[b]] = [heapSlot[b]!, heapSlot[a]!];
    };
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) return;
      if (c + 1 < n && before(c + 1, c)) c++;
      if (!before(c, i)) return;
      swap(i, c);
      i = c;
    }
  }
}

function copyInto<A extends Float64Array | Int32Array | Uint8Array>(to: A, from: A): A {
  to.set(from);
  return to;
}
