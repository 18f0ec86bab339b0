import { afterAll, describe, expect, it } from 'vitest';
import { meanCI } from '../../../../simulation/stats/confidenceInterval';
import { DIRECTION_LEVEL, describeDiff, pairedDiff, runArms } from './compare';
import { personOf, serviceOf } from './replicate';
import { constant, type ScenarioSpec } from './scenarioBuilder';

/*
 * Direction tests for the phenomena of incidents and people (design.md: P2,
 * P4, P6), as in phenomenaWork.test.ts: two arms differing in one thing, on
 * the same seeds (so the same failures and repair efforts), with a 99%
 * paired-difference interval that must exclude zero on the expected side.
 */
const log: string[] = [];
afterAll(() => console.log(log.join('\n')));

/** Mel owns and alone knows the recommendation service; Dana is around but does not know it. */
const recsTeam = (extra: { mel?: Partial<ScenarioSpec['people'][number]>; detection?: ScenarioSpec['services'][number]['detection'] }): ScenarioSpec => ({
  skills: ['ml'],
  people: [
    { id: 'dana', skills: { ml: 0.5 } },
    { id: 'mel', skills: { ml: 1 }, ...extra.mel },
  ],
  services: [
    {
      id: 'recs',
      owners: ['mel'],
      knowledge: { mel: 1 },
      detection: extra.detection ?? constant(0.1),
      incidentRate: 0.02,
      repairHours: { kind: 'lognormal', mean: 4, sigma: 0.5 },
    },
  ],
  structure: { mode: 'cross-functional' },
  horizonHours: 2000,
});

describe('P2 single knower absent: an incident on their service waits for their return', () => {
  const [away, present] = runArms(recsTeam({ mel: { absences: [{ start: 500, end: 1100 }] } }), recsTeam({}), 20);

  it('raises time to restore and the count of incidents that waited for an absent person', () => {
    const ttr = pairedDiff(away, present, (r) => r.timeToRestore.mean);
    log.push(describeDiff('P2 time to restore, 600 h leave - no leave (h)', ttr));
    expect(ttr.low).toBeGreaterThan(0);
    for (const r of present) expect(r.incidentsWaitedForAbsent).toBe(0);
    const waited = pairedDiff(away, present, (r) => r.incidentsWaitedForAbsent);
    log.push(describeDiff('P2 incidents that waited for an absent person', waited));
    expect(waited.low).toBeGreaterThan(0);
    // The extra time is mostly waiting for Mel's return.
    const wait = pairedDiff(away, present, (r) => r.waitMean);
    expect(wait.low).toBeGreaterThan(0);
  });

  it('a colleague without knowledge of the service cannot step in, even cross-functional', () => {
    for (const r of away) expect(personOf(r, 'dana').hours.incident).toBe(0);
  });
});

describe('P4 silent failure: without monitoring a service is broken long before anyone notices', () => {
  const [silent, monitored] = runArms(
    { ...recsTeam({ detection: { kind: 'lognormal', mean: 200, sigma: 1 } }), horizonHours: 4000 },
    { ...recsTeam({ detection: { kind: 'exponential', mean: 0.25 } }), horizonHours: 4000 },
    20,
  );

  it('slow detection raises the detect component and the time to restore', () => {
    const detect = pairedDiff(silent, monitored, (r) => serviceOf(r, 'recs').detectMean);
    const ttr = pairedDiff(silent, monitored, (r) => r.timeToRestore.mean);
    log.push(describeDiff('P4 detect component, lognormal mean 200 h - exponential mean 0.25 h (h)', detect));
    log.push(describeDiff('P4 time to restore, same arms (h)', ttr));
    expect(detect.low).toBeGreaterThan(0);
    expect(ttr.low).toBeGreaterThan(0);
    // Monitored: detection is the exponential's mean, checked against its own interval.
    const fast = meanCI(
      monitored.map((r) => r.detectMean),
      DIRECTION_LEVEL,
    );
    expect(Math.abs(fast.mean - 0.25)).toBeLessThanOrEqual(fast.halfWidth);
  });

  it('the reported detect time covers only incidents restored by the horizon (right-censored)', () => {
    // A failure at a uniform time t in [0, T] is counted only if t + D + R <= T (D detection, R repair, waits ~0):
    // E[D | counted] = (E[D] - (E[D^2] + E[D] E[R]) / T) / (1 - (E[D] + E[R]) / T), with E[D^2] = e^(sigma^2) E[D]^2.
    const T = 4000;
    const d = 200;
    const d2 = Math.exp(1) * d * d;
    const censored = (d - (d2 + d * 4) / T) / (1 - (d + 4) / T);
    const ci = meanCI(
      silent.map((r) => serviceOf(r, 'recs').detectMean),
      DIRECTION_LEVEL,
    );
    log.push(`P4 silent detect mean ${ci.mean.toFixed(1)} +/- ${ci.halfWidth.toFixed(1)} h; censored expectation ${censored.toFixed(1)} h; uncensored 200 h`);
    expect(Math.abs(ci.mean - censored)).toBeLessThanOrEqual(ci.halfWidth);
  });
});

describe('P6 people leave: a departure removes knowledge; a replacement arrives later and ramps up', () => {
  const departs = recsTeam({ mel: { departureAt: 800 } });
  departs.absencePolicy = { departures: { perYear: 0, hireDelayHours: constant(400), rampUpHours: 200, startFraction: 0.3 } };
  const stays = { ...recsTeam({}), absencePolicy: departs.absencePolicy };
  const [gone, kept] = runArms(departs, stays, 20);

  it('lowers the bus factor at the end and raises time to restore', () => {
    for (const r of kept) expect(serviceOf(r, 'recs').busFactor).toBe(1);
    const bus = pairedDiff(kept, gone, (r) => serviceOf(r, 'recs').busFactor);
    const ttr = pairedDiff(gone, kept, (r) => r.timeToRestore.mean);
    log.push(describeDiff('P6 bus factor at the end, no departure - departure', bus));
    log.push(describeDiff('P6 time to restore, departure - no departure (h)', ttr));
    expect(bus.low).toBeGreaterThan(0);
    expect(ttr.low).toBeGreaterThan(0);
  });

  it('the replacement arrives after hireDelayHours: the seat is empty exactly that long', () => {
    for (const r of gone) {
      expect(personOf(r, 'mel').absentHours).toBeCloseTo(400, 9);
      // Incidents during the vacancy waited for a responder who was not there.
      expect(r.incidentsWaitedForAbsent).toBeGreaterThan(0);
    }
    // The new hire, knowing nothing of the service, repairs more slowly: the repair component rises too.
    const repair = pairedDiff(gone, kept, (r) => r.repairMean);
    log.push(describeDiff('P6 repair component, departure - no departure (h)', repair));
    expect(repair.low).toBeGreaterThan(0);
  });
});
