/**
 * Out-of-hours response (issue 15, item 2): the replay runs on real time;
 * people work their working hours; outside them the person on call is paged
 * (with a paging delay), and without an on-call rotation nobody responds
 * until the next working day.
 */
import { describe, expect, it } from 'vitest';
import { runReplay } from '../../../../simulation/replay/replayComparison';
import { onDutyHours, OVERTIME_HOURS } from '../../../../simulation/replay/onDuty';
import { isWorkingTime, replayClock, workingPeriods } from '../../../../simulation/replay/replayClock';
import { incident, logOf, OFFICE, T0 } from './logAt';
import { service, tinyTeam } from './tinyTeam';

// Tuesday 6 January 2026, 03:00 UTC (the team works in UTC): hour 27 after Monday 00:00.
const NIGHT = 27;
const log = logOf([incident('night', 'api', NIGHT, NIGHT + 0.2, NIGHT + 1.5, ['ann'])]);
const replay = (onCall: string[], pageMinutes = 15) =>
  runReplay(tinyTeam(['ann', 'bob'], [service('api', ['ann'], ['ann'], 1, 0.1)], log, onCall), log, {
    variants: [{ kind: 'base' }],
    replications: 3,
    seed: 1,
    detection: 'model',
    pageHours: pageMinutes / 60,
  });

describe('a 03:00 incident', () => {
  it('with an on-call rotation is restored the same night: detection, paging, repair', () => {
    const r = replay(['ann']);
    const sim = r.incidents[0]!.simulated[0]!;
    // 0.1 h to detect, 15 minutes to answer the page, 1 h to repair: restored at 04:21, as it was (04:30).
    expect(sim.p50).toBeCloseTo(0.1 + 0.25 + 1, 9);
    expect(r.outOfHours).toEqual({ incidents: 1, baselineOnCall: true, pageHours: 0.25 });
  });

  it('with the on-call person who does not know the service, is still answered at night (slower)', () => {
    const r = runReplay(tinyTeam(['ann', 'bob'], [service('api', ['ann'], ['ann'], 1, 0.1)], log, ['bob']), log, { variants: [{ kind: 'base' }], replications: 2, seed: 1, detection: 'model', pageHours: 0 });
    // Bob (knowledge 0) repairs at a quarter of Ann's speed: 4 h; still before the working day.
    expect(r.incidents[0]!.simulated[0]!.p50).toBeCloseTo(0.1 + 4, 9);
  });

  it('without on-call waits for the next working day (09:00): nobody responds at night', () => {
    const r = replay([]);
    // Detected at 03:06, nobody until 09:00, then 1 h: restored at 10:00, 7 h after it began.
    expect(r.incidents[0]!.simulated[0]!.p50).toBeCloseTo(7, 9);
    expect(r.outOfHours).toMatchObject({ incidents: 1, baselineOnCall: false });
  });

  it('replays on the record’s own times when asked: detection and repair as logged', () => {
    const r = runReplay(tinyTeam(['ann'], [service('api', ['ann'], ['ann'], 9, 9)], log, ['ann']), log, { variants: [{ kind: 'base' }], replications: 2, seed: 1, detection: 'recorded', pageHours: 0 });
    // Acknowledged after 0.2 h, resolved 1.3 h later (worked at night, by someone who knows it fully): the recorded 1.5 h.
    expect(r.incidents[0]!.simulated[0]!.p50).toBeCloseTo(1.5, 9);
  });
});

describe('an incident in working hours', () => {
  it('is restored by someone who stays late to finish it, up to the overtime limit', () => {
    // Monday 16:00 UTC, 2 h of repair: finished at 18:00 (an hour past the end of the day).
    const late = logOf([incident('late', 'api', 16, 16, 18, ['ann'])]);
    const scenario = tinyTeam(['ann'], [service('api', ['ann'], ['ann'], 2, 0)], late);
    const r = runReplay(scenario, late, { variants: [{ kind: 'base' }], replications: 2, seed: 1, detection: 'model' });
    expect(r.incidents[0]!.simulated[0]!.p50).toBeCloseTo(2, 9);
    // A 6 h repair from 16:00: worked until 20:00 (17:00 plus three hours), then from 09:00 the next day for 2 h.
    const long = tinyTeam(['ann'], [service('api', ['ann'], ['ann'], 6, 0)], late);
    const r2 = runReplay(long, late, { variants: [{ kind: 'base' }], replications: 2, seed: 1, detection: 'model' });
    expect(OVERTIME_HOURS).toBe(3);
    expect(r2.incidents[0]!.simulated[0]!.p50).toBeCloseTo(4 + 13 + 2, 9);
  });
});

describe('the replay clock', () => {
  it('starts on the Monday 00:00 (in the log’s zone) of the first incident’s week, and keeps working hours in local time across DST', () => {
    expect(replayClock(log).origin).toBe(T0);
    const berlin = replayClock(logOf([incident('x', 'api', 24 * 80, null, 24 * 80 + 1)], 'Europe/Berlin'));
    // 26 March 2026 is a Thursday: the Monday before is 23 March, 00:00 CET = 22 March 23:00 UTC.
    expect(berlin.origin).toBe(Date.parse('2026-03-22T23:00:00Z'));
    // The working day after the change to summer time still starts at 09:00 local (07:00 UTC).
    const days = workingPeriods(Date.parse('2026-03-27T00:00:00Z'), Date.parse('2026-03-31T00:00:00Z'), OFFICE, 'Europe/Berlin');
    expect(days.map(([a]) => new Date(a).toISOString())).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
    expect(isWorkingTime(Date.parse('2026-03-30T07:30:00Z'), OFFICE, 'Europe/Berlin')).toBe(true);
    expect(isWorkingTime(Date.parse('2026-03-28T10:00:00Z'), OFFICE, 'Europe/Berlin')).toBe(false);
  });

  it('measures a recorded repair as work: out of hours at the start, working hours and overtime, not the rest of the night', () => {
    const h = (x: number) => T0 + x * 3_600_000;
    // Monday 16:00 to Tuesday 10:00: 1 h + 3 h overtime + 1 h on Tuesday.
    expect(onDutyHours(h(16), h(34), OFFICE, 'UTC')).toBeCloseTo(5, 9);
    // Tuesday 03:00 to 04:30 (on call): all of it.
    expect(onDutyHours(h(27), h(28.5), OFFICE, 'UTC')).toBeCloseTo(1.5, 9);
    // Friday 15:00 to Monday 10:00: 2 h + 3 h + 1 h.
    expect(onDutyHours(h(4 * 24 + 15), h(7 * 24 + 10), OFFICE, 'UTC')).toBeCloseTo(6, 9);
  });
});
