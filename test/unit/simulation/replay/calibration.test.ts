import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../../simulation/random/randomStreams';
import { sample } from '../../../../simulation/random/sample';
import { applyCalibration, calibrate, fitLognormal } from '../../../../simulation/replay/calibration';
import type { IncidentLog, RecordedIncident } from '../../../../simulation/scenario/schema';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { scenarioSchema } from '../../../../simulation/scenario/schema';
import { incident, logOf, ROUND_THE_CLOCK } from './logAt';

/** A log drawn from known parameters: Poisson failures at `rate` per hour, repair times lognormal(mean, sigma), round the clock. */
function syntheticLog(seed: number, services: { id: string; rate: number; mean: number; sigma: number }[], hours: number): IncidentLog {
  const streams = new RandomStreams(seed);
  const incidents: RecordedIncident[] = [];
  for (const s of services) {
    const rng = streams.stream(s.id);
    for (let t = -Math.log(1 - rng.next()) / s.rate; t < hours; t += -Math.log(1 - rng.next()) / s.rate) {
      const wait = rng.next() * 0.5;
      const repair = sample({ kind: 'lognormal', mean: s.mean, sigma: s.sigma }, rng);
      incidents.push(incident(String(incidents.length), s.id, t, t + wait, t + wait + repair));
    }
  }
  incidents.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return logOf(incidents);
}

describe('calibration from a log', () => {
  // About 2,000 and 1,000 incidents: standard errors of about 2-3% on the rate, 0.013-0.02 on sigma, 2-3% on the mean.
  // The tolerances are about three standard errors.
  const truth = [
    { id: 'api', rate: 0.25, mean: 3, sigma: 0.8 },
    { id: 'recs', rate: 0.125, mean: 8, sigma: 0.5 },
  ];
  const log = syntheticLog(11, truth, 8000);
  const fitted = calibrate(log, ['api', 'recs', 'unused'], ROUND_THE_CLOCK);

  it('recovers the failure rates and the lognormal repair times it was drawn from, within three standard errors', () => {
    for (const [i, t] of truth.entries()) {
      const c = fitted[i]!;
      const n = c.incidents;
      expect(n).toBeGreaterThan(900);
      expect(Math.abs(c.ratePerHour! / t.rate - 1)).toBeLessThan(3 / Math.sqrt(n));
      expect(Math.abs(c.fit!.sigma - t.sigma)).toBeLessThan((3 * t.sigma) / Math.sqrt(2 * n));
      const meanSe = Math.sqrt((t.sigma ** 2 + t.sigma ** 4 / 2) / n);
      expect(Math.abs(c.fit!.mean / t.mean - 1)).toBeLessThan(3 * meanSe);
      // A lognormal sample passes the goodness-of-fit check against its own fit.
      expect(c.ks!.distance).toBeLessThan(c.ks!.critical);
    }
    expect(fitted[2]).toMatchObject({ incidents: 0, fit: null, ks: null, ratePerHour: 0 });
  });

  it('fails the goodness-of-fit check for repair times that are not lognormal', () => {
    const uniform = { ...log, incidents: log.incidents.map((inc, i) => ({ ...inc, acknowledged: null, resolved: new Date(Date.parse(inc.start) + (1 + (i % 100) / 100) * 3_600_000).toISOString() })) };
    const c = calibrate(uniform, ['api'], ROUND_THE_CLOCK)[0]!;
    expect(c.ks!.distance).toBeGreaterThan(c.ks!.critical);
  });

  it('leaves out incidents that took no time, and says how many', () => {
    const withNights = { ...log, incidents: log.incidents.map((inc, i) => (i % 10 === 0 ? { ...inc, acknowledged: inc.start, resolved: inc.start } : inc)) };
    const c = calibrate(withNights, ['api'], ROUND_THE_CLOCK)[0]!;
    expect(c.zeroDurations).toBeGreaterThan(100);
    expect(c.durations.length + c.zeroDurations).toBe(c.incidents);
    expect(c.durations.every((d) => d > 0)).toBe(true);
  });

  it('is the maximum-likelihood lognormal (mean and population deviation of the logs)', () => {
    expect(fitLognormal([1, Math.E, Math.E ** 2])).toEqual({ mu: 1, sigma: Math.sqrt(2 / 3), mean: Math.exp(1 + 1 / 3) });
    expect(() => fitLognormal([1, 0])).toThrow(RangeError);
  });

  it('applies to a service as its incident rate and a lognormal repair time', () => {
    const svc = scenarioSchema.parse(EXAMPLES[0]!.scenario()).services[0]!;
    const next = applyCalibration(svc, fitted[0]!);
    expect(next.incidents).toEqual({ ratePerHour: fitted[0]!.ratePerHour, repairHours: { kind: 'lognormal', mean: fitted[0]!.fit!.mean, sigma: fitted[0]!.fit!.sigma } });
    expect(applyCalibration(svc, fitted[2]!).incidents.repairHours).toEqual(svc.incidents.repairHours);
  });
});
