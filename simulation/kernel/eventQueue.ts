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
 * Layout, for speed: each event lives in a reusable slot whose key (time,
 * priority, sequence) and payload sit in parallel arrays indexed by slot
 * (typed arrays for the keys, so pushing allocates nothing); the heap itself
 * is an Int32Array of slot numbers, so sifting moves one integer per level
 * and the handle finds the slot directly.
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
  /** Slot numbers in heap order. */
  private heap = new Int32Array(64);
  /** Keys by slot. */
  private slotTime = new Float64Array(64);
  private slotPriority = new Float64Array(64);
  private slotSeq = new Float64Array(64);
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

  /** Events pushed so far (since the queue was made or cleared): the sequence number the next push gets. */
  get pushed(): number {
    return this.nextSeq;
  }

  /**
   * Adds an event ordered among those of equal time and priority as if it had
   * been pushed just before the one that got sequence number `order`
   * (`order` - 1 < `seq` < `order`, given as `seq`), for a copy of a run that
   * must place an event where a run that scheduled it earlier had it. Two
   * events must not share a `seq`.
   */
  pushAt(time: number, priority: number, seq: number, payload: T): EventHandle {
    const handle = this.push(time, priority, payload);
    const slot = handle & SLOT_MASK;
    this.nextSeq--;
    this.slotSeq[slot] = seq;
    // Restore the heap order with the entry's real key: it can only move up (its sequence is no larger).
    this.siftUpSlot(slot);
    return handle;
  }

  /**
   * Makes this queue a copy of `other`: the same pending events, in the same
   * order, with the same handles, each payload passed through `copy`.
   */
  copyFrom(other: EventQueue<T>, copy: (payload: T) => T): void {
    if (this.capacity < other.capacity) {
      this.heap = new Int32Array(other.capacity);
      this.slotTime = new Float64Array(other.capacity);
      this.slotPriority = new Float64Array(other.capacity);
      this.slotSeq = new Float64Array(other.capacity);
      this.generation = new Int32Array(other.capacity);
      this.alive = new Uint8Array(other.capacity);
      this.free = new Int32Array(other.capacity);
      this.capacity = other.capacity;
    }
    const used = other.slotsUsed;
    this.heap.set(other.heap.subarray(0, other.n));
    this.slotTime.set(other.slotTime.subarray(0, used));
    this.slotPriority.set(other.slotPriority.subarray(0, used));
    this.slotSeq.set(other.slotSeq.subarray(0, used));
    this.generation.set(other.generation.subarray(0, used));
    this.alive.set(other.alive.subarray(0, used));
    this.free.set(other.free.subarray(0, other.freeCount));
    // Shrunk or filled from the front, never grown past its end: a list with holes would make the code that
    // reads it (for every queue) handle two kinds of list.
    const payloads = this.payloads;
    if (payloads.length > used) payloads.length = used;
    for (let slot = 0; slot < used; slot++) {
      const payload = other.payloads[slot];
      const value = other.alive[slot] === 1 && payload !== undefined ? copy(payload) : undefined;
      if (slot < payloads.length) payloads[slot] = value;
      else payloads.push(value);
    }
    this.n = other.n;
    this.live = other.live;
    this.nextSeq = other.nextSeq;
    this.freeCount = other.freeCount;
    this.slotsUsed = used;
  }

  private siftUpSlot(slot: number): void {
    const heap = this.heap;
    let i = heap.indexOf(slot);
    const t = this.slotTime[slot]!;
    const p = this.slotPriority[slot]!;
    const s = this.slotSeq[slot]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const ps = heap[parent]!;
      const pt = this.slotTime[ps]!;
      if (t > pt || (t === pt && !isBefore(p, s, this.slotPriority[ps]!, this.slotSeq[ps]!))) break;
      heap[i] = ps;
      i = parent;
    }
    heap[i] = slot;
  }

  /**
   * Adds an event and returns its handle. `time` must be finite and `priority`
   * a finite number; NaN or an infinity would break the order of the whole
   * heap, so they are refused here (RangeError) rather than found later.
   */
  push(time: number, priority: number, payload: T): EventHandle {
    if (!(time > -Infinity && time < Infinity && priority > -Infinity && priority < Infinity)) throw badKey(time, priority);
    if (this.n === this.capacity) this.grow();
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount]!;
    else slot = this.slotsUsed++;
    this.payloads[slot] = payload;
    this.alive[slot] = 1;
    this.live++;
    this.slotTime[slot] = time;
    this.slotPriority[slot] = priority;
    this.slotSeq[slot] = this.nextSeq++;

    const heap = this.heap;
    const slotTime = this.slotTime;
    const slotPriority = this.slotPriority;
    let i = this.n++;
    // The new entry has the largest sequence number, so it only rises past
    // parents that are strictly later, or as late with a larger priority.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const ps = heap[parent]!;
      const pt = slotTime[ps]!;
      if (time > pt || (time === pt && priority >= slotPriority[ps]!)) break;
      heap[i] = ps;
      i = parent;
    }
    heap[i] = slot;
    return (this.generation[slot]! * SLOT_SPACE + slot) as EventHandle;
  }

  /**
   * Empties the queue for reuse, keeping its arrays (a model run that reuses
   * its queue does not grow it again from 64 slots). Afterwards it behaves as
   * a new queue: the same order for the same pushes, and every handle given
   * out before is stale (cancelling it returns false).
   */
  clear(): void {
    for (let slot = 0; slot < this.slotsUsed; slot++) {
      this.payloads[slot] = undefined;
      this.alive[slot] = 0;
      const next = this.generation[slot]! + 1;
      this.generation[slot] = next === GENERATIONS ? 0 : next;
    }
    this.n = 0;
    this.live = 0;
    this.nextSeq = 0;
    this.freeCount = 0;
    this.slotsUsed = 0;
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
    const heap = this.heap;
    while (this.n > 0) {
      const slot = heap[0]!;
      if (alive[slot] === 1) return this.slotTime[slot]!;
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
    let slot = this.heap[0]!;
    if (this.n === 0 || this.alive[slot] !== 1) {
      if (this.peekTime() === Infinity) return undefined;
      slot = this.heap[0]!;
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

  /**
   * Removes the root: moves the hole down to a leaf along the earlier child
   * (one comparison a level), then lets the last entry rise from there
   * (Floyd's bottom-up variant; the last entry belongs near the bottom, so it
   * rarely rises far).
   */
  private removeTop(): void {
    const n = --this.n;
    if (n === 0) return;
    const heap = this.heap;
    const slotTime = this.slotTime;
    const slotPriority = this.slotPriority;
    const slotSeq = this.slotSeq;
    let hole = 0;
    for (;;) {
      let c = 2 * hole + 1;
      if (c >= n) break;
      let cs = heap[c]!;
      const r = c + 1;
      if (r < n) {
        const rs = heap[r]!;
        const rt = slotTime[rs]!;
        const ct = slotTime[cs]!;
        if (rt < ct || (rt === ct && isBefore(slotPriority[rs]!, slotSeq[rs]!, slotPriority[cs]!, slotSeq[cs]!))) {
          c = r;
          cs = rs;
        }
      }
      heap[hole] = cs;
      hole = c;
    }
    const slot = heap[n]!;
    const t = slotTime[slot]!;
    const p = slotPriority[slot]!;
    const s = slotSeq[slot]!;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const ps = heap[parent]!;
      const pt = slotTime[ps]!;
      if (t > pt || (t === pt && !isBefore(p, s, slotPriority[ps]!, slotSeq[ps]!))) break;
      heap[hole] = ps;
      hole = parent;
    }
    heap[hole] = slot;
  }

  private grow(): void {
    const size = this.capacity * 2;
    if (size > SLOT_SPACE) throw new RangeError(`too many pending events: the limit is ${SLOT_SPACE}`);
    this.heap = copyInto(new Int32Array(size), this.heap);
    this.slotTime = copyInto(new Float64Array(size), this.slotTime);
    this.slotPriority = copyInto(new Float64Array(size), this.slotPriority);
    this.slotSeq = copyInto(new Float64Array(size), this.slotSeq);
    this.generation = copyInto(new Int32Array(size), this.generation);
    this.alive = copyInto(new Uint8Array(size), this.alive);
    this.free = copyInto(new Int32Array(size), this.free);
    this.capacity = size;
  }

  /** Drops dead entries, frees their slots, and re-heapifies (Floyd). */
  private compact(): void {
    let kept = 0;
    for (let i = 0; i < this.n; i++) {
      const slot = this.heap[i]!;
      if (this.alive[slot] === 1) this.heap[kept++] = slot;
      else this.release(slot);
    }
    this.n = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDownFrom(i);
  }

  private siftDownFrom(start: number): void {
    const { heap, slotTime, slotPriority, slotSeq } = this;
    const n = this.n;
    const before = (a: number, b: number): boolean => {
      const sa = heap[a]!;
      const sb = heap[b]!;
      return slotTime[sa]! < slotTime[sb]! || (slotTime[sa] === slotTime[sb] && isBefore(slotPriority[sa]!, slotSeq[sa]!, slotPriority[sb]!, slotSeq[sb]!));
    };
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) return;
      if (c + 1 < n && before(c + 1, c)) c++;
      if (!before(c, i)) return;
      const x = heap[i]!;
      heap[i] = heap[c]!;
      heap[c] = x;
      i = c;
    }
  }
}

// Kept out of `push` so the hot method stays small enough to inline.
function badKey(time: number, priority: number): RangeError {
  if (!(time > -Infinity && time < Infinity)) return new RangeError(`event time must be finite, got ${time}`);
  return new RangeError(`event priority must be a finite number, got ${priority}`);
}

/** At equal times: lower priority first, then lower sequence number. */
function isBefore(pa: number, sa: number, pb: number, sb: number): boolean {
  return pa < pb || (pa === pb && sa < sb);
}

function copyInto<A extends Float64Array | Int32Array | Uint8Array>(to: A, from: A): A {
  to.set(from);
  return to;
}
