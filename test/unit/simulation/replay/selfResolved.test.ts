/**
 * Monitor flaps (PagerDuty: auto_resolved, nobody acknowledged or resolved
 * them) are no evidence of anyone's knowledge and are replayed as they
 * were, not as a person's repair drawn from the service's settings.
 */
import { describe, expect, it } from 'vitest';
import { inferKnowledge, resolverOf, selfResolved } from '../../../../simulation/replay/knowledge';
import { runReplay } from '../../../../simulation/replay/replayComparison';
import { incident, logOf, ROUND_THE_CLOCK } from './logAt';

// Ann resolves db incidents in 4 h; Bob is on call when two flaps of 10 minutes resolve themselves.
const worked = [0, 1, 2, 3].map((d) => incident(`w${d}`, 'db', d * 24 + 10, d * 24 + 10.1, d * 24 + 14.1, ['ann'], 'ann'));
const flaps = [0, 1].map((d) => incident(`f${d}`, 'db', d * 24 + 3, null, d * 24 + 3 + 1 / 6, ['bob'], null));
const log = logOf([...worked, ...flaps]);

describe('incidents that resolved themselves', () => {
  it('are recognised only where the log records acknowledgements and resolvers for others', () => {
    const flap = selfResolved(log);
    expect(log.incidents.map(flap)).toEqual([false, false, false, false, true, true]);
    expect(resolverOf(flaps[0]!)).toBeNull();
    // A log with no acknowledgements at all: its unnamed incidents count for their first responder, as before.
    const bare = logOf(flaps);
    expect(bare.incidents.some(selfResolved(bare))).toBe(false);
  });

  it('do not make the person they were assigned to an expert', () => {
    const bob = inferKnowledge(log, ['db'], 0.25, ROUND_THE_CLOCK).find((k) => k.personId === 'bob');
    expect(bob).toMatchObject({ resolved: 0, basis: 'named' });
  });

  it('are replayed at their recorded time to restore under the structure as drawn', async () => {
    const { tinyTeam, service } = await import('./tinyTeam');
    const scenario = tinyTeam(['ann', 'bob'], [service('db', ['ann'], ['ann'], 4, 0.5)], log);
    const r = runReplay(scenario, log, { variants: [{ kind: 'base' }], replications: 5, seed: 1, detection: 'model' });
    for (const inc of r.incidents.slice(4)) {
      expect(inc.simulated[0]!.mean).toBeCloseTo(1 / 6, 9);
      expect(inc.simulated[0]!.notRestored).toBe(0);
    }
    // The worked incidents still take the model's detection and repair (0.5 h + 4 h), not their recorded 4.1 h.
    expect(r.incidents[0]!.simulated[0]!.mean).toBeCloseTo(4.5, 6);
  });
});
