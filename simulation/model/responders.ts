/**
 * Who responds to an incident. Everyone who may respond is weighed by the
 * expected time to restore if it were theirs: someone free (or busy with
 * feature work, which they put aside) starts now and repairs at the speed of
 * their knowledge of the service; someone already repairing another incident
 * first finishes that (and anything already waiting for them). The incident
 * goes to the soonest; it waits for a busy expert only when that is expected
 * to restore it sooner than starting now, slower.
 *
 * Expected, not actual: the repair still to do is the service's mean repair
 * effort (the responder cannot know the draw), and the time an expert still
 * needs on their current repair is that incident's mean effort at their
 * speed less the hours already spent (at least nothing).
 */
import { distributionMean } from '../random/distribution';
import { efficiency, knowledgeOf, onCallNow } from './people';
import { Busy, type Incident, type RunState } from './runState';

/** May `p` (present) respond to this incident? Not if they would never restore it (speed 0 at knowledge 0). */
export function canRespond(s: RunState, p: number, inc: Incident): boolean {
  if (efficiency(s, knowledgeOf(s, p, inc.service)) <= 0) return false;
  if (p === onCallNow(s)) return true;
  return canRespondByRole(s, p, inc);
}

/** May `p` respond by the structure (owner, or in the team and knowing it well enough), wherever they are? */
export function canRespondByRole(s: RunState, p: number, inc: Incident): boolean {
  const svc = s.model.services[inc.service]!;
  const { structure } = s.model.input;
  return svc.responderSet[p] === 1 && (structure.mode === 'walled' || svc.ownerSet[p] === 1 || knowledgeOf(s, p, inc.service) >= structure.minKnowledge);
}

/** Mean repair effort of a service's incidents (hours for someone who knows it fully). */
const meanRepair = (s: RunState, service: number): number => distributionMean(s.model.services[service]!.repairHours);

/**
 * Hours until `p` could start a new incident: now if free or on feature work,
 * else after their repair and the incidents already waiting for them (other
 * than `except`).
 */
export function expectedFreeIn(s: RunState, p: number, except: Incident | null = null): number {
  if (s.busy[p] !== Busy.Incident) return 0;
  const current = s.incident[p]!;
  const spent = current.workedHours + s.sim.now - s.segmentStart[p]!;
  const queued = s.awaitedHours[p]! - (except && except.waitsFor === p ? except.awaitedHours : 0);
  return Math.max(0, meanRepair(s, current.service) / s.segmentSpeed[p]! - spent) + Math.max(0, queued);
}

/** `inc` (about to be queued) waits for `p`. */
export function awaitResponder(s: RunState, inc: Incident, p: number): void {
  inc.waitsFor = p;
  inc.awaitedHours = repairHours(s, p, inc.service);
  s.awaitedHours[p]! += inc.awaitedHours;
  s.awaitedCount[p]!++;
}

/** `inc` no longer waits for anyone in particular (it is being started, or weighed again). */
export function stopAwaiting(s: RunState, inc: Incident): void {
  const p = inc.waitsFor;
  if (p < 0) return;
  inc.waitsFor = -1;
  // Back to exactly 0 when nobody waits, so that sums of many incidents leave no rounding behind.
  if (--s.awaitedCount[p]! === 0) s.awaitedHours[p] = 0;
  else s.awaitedHours[p]! -= inc.awaitedHours;
}

/** Expected hours `p` needs to repair an incident of `service`, at the speed of their knowledge of it. */
const repairHours = (s: RunState, p: number, service: number): number => meanRepair(s, service) / efficiency(s, knowledgeOf(s, p, service));

/** Expected hours from now to restore `inc` if `p` takes it. */
export function expectedRestore(s: RunState, p: number, inc: Incident): number {
  return expectedFreeIn(s, p, inc) + repairHours(s, p, inc.service);
}

/** Order of preference at equal expected times: free first, then on feature work, then repairing; then knowledge, longest free, id. */
const disruption = (s: RunState, p: number): number => (s.busy[p] === Busy.Idle ? 0 : s.busy[p] === Busy.Incident ? 2 : 1);

function before(s: RunState, a: number, b: number, inc: Incident): boolean {
  const da = disruption(s, a);
  const db = disruption(s, b);
  if (da !== db) return da < db;
  const ka = knowledgeOf(s, a, inc.service);
  const kb = knowledgeOf(s, b, inc.service);
  if (ka !== kb) return ka > kb;
  if (s.freeSince[a] !== s.freeSince[b]) return s.freeSince[a]! < s.freeSince[b]!;
  return s.model.idRank[a]! < s.model.idRank[b]!;
}

/**
 * The present person expected to restore `inc` soonest (see the module's
 * note), or -1 when nobody present may respond.
 */
export function bestResponder(s: RunState, inc: Incident, candidates: readonly number[], extra = -1): number {
  let best = -1;
  let bestTime = Infinity;
  const consider = (p: number) => {
    if (p < 0 || s.present[p] !== 1 || !canRespond(s, p, inc)) return;
    const time = expectedRestore(s, p, inc);
    if (best < 0 || time < bestTime || (time === bestTime && before(s, p, best, inc))) {
      best = p;
      bestTime = time;
    }
  };
  consider(extra);
  for (const p of candidates) if (p !== extra) consider(p);
  return best;
}

/**
 * Should free person `p` take waiting `inc`, which waits for someone else?
 * Yes when that person is no longer there, or `p` is now expected to restore
 * it sooner than they are.
 */
export function shouldTakeOver(s: RunState, p: number, inc: Incident): boolean {
  const other = inc.waitsFor;
  if (other < 0 || other === p) return true;
  // Gone, or no longer allowed to respond (they were allowed only while on call).
  if (s.present[other] !== 1 || !canRespond(s, other, inc)) return true;
  return repairHours(s, p, inc.service) < expectedRestore(s, other, inc);
}
