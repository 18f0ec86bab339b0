/** What a retrospective looks at (issue 15, item 8): filters and scopes of a log, replayed like the whole. */
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../../simulation/replay/replayComparison';
import { isWhole, scopeLog, urgenciesOf, WHOLE_LOG } from '../../../../simulation/replay/scope';
import { incident, logOf, T0 } from './logAt';
import { service, tinyTeam } from './tinyTeam';

const log = logOf([
  { ...incident('1', 'api', 10, null, 11, ['ann']), urgency: 'high' },
  { ...incident('2', 'db', 12, null, 13, ['ann']), urgency: 'low' },
  { ...incident('3', 'api', 24 * 7 + 10, null, 24 * 7 + 12, ['ann']), urgency: 'low' },
]);

describe('scoping a log', () => {
  it('filters by service, urgency and start date range, or picks one incident', () => {
    const ids = (s: Partial<typeof WHOLE_LOG>) => scopeLog(log, { ...WHOLE_LOG, ...s }).incidents.map((i) => i.id);
    expect(scopeLog(log, WHOLE_LOG)).toBe(log);
    expect(isWhole(WHOLE_LOG)).toBe(true);
    expect(ids({ service: 'api' })).toEqual(['1', '3']);
    expect(ids({ urgency: 'low' })).toEqual(['2', '3']);
    expect(ids({ service: 'api', urgency: 'low' })).toEqual(['3']);
    // The first week (Monday 5 to Monday 12 January).
    expect(ids({ from: T0, to: T0 + 7 * 86_400_000 })).toEqual(['1', '2']);
    expect(ids({ incident: '2', service: 'api' })).toEqual(['2']);
    expect(urgenciesOf(log)).toEqual(['high', 'low']);
    expect(scopeLog(log, { ...WHOLE_LOG, urgency: 'high' }, 'high urgency').name).toBe('Synthetic, high urgency');
  });

  it('replays one incident under the structures like the whole log', () => {
    const scenario = tinyTeam(['ann'], [service('api', ['ann'], ['ann'], 2, 0), service('db', ['ann'], ['ann'], 1, 0)], log);
    const one = runReplay(scenario, scopeLog(log, { ...WHOLE_LOG, incident: '3' }), { variants: [{ kind: 'base' }], replications: 2, seed: 1, detection: 'model' });
    expect(one.incidents.map((i) => i.id)).toEqual(['3']);
    expect(one.incidents[0]!.simulated[0]!.p50).toBeCloseTo(2, 9);
  });
});
