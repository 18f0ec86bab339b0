import type { Calendar, IncidentLog, Service } from '../scenario/schema';
import { HOUR_MS } from './replayClock';
import { repairHoursOf } from './knowledge';
import { normalCdf } from '../stats/normal';

/** A lognormal fitted by maximum likelihood: mu and sigma of the log, and the distribution's own mean. */
export interface LognormalFit {
  mu: number;
  sigma: number;
  mean: number;
}

/** What one service's incidents in a log say about its failure rate and repair time. */
export interface ServiceCalibration {
  serviceId: string;
  incidents: number;
  /** Working hours the log covers (first to last incident of the whole log, its real span in weeks times the working week). */
  windowHours: number;
  /** Incidents per working hour (null when the log covers no time). */
  ratePerHour: number | null;
  /** Repair times used for the fit, sorted (real hours from acknowledged, or from the start, to resolved; all > 0). */
  durations: number[];
  /** Incidents left out of the fit because they took no time (resolved when acknowledged). */
  zeroDurations: number;
  fit: LognormalFit | null;
  /**
   * Goodness of fit: the Kolmogorov-Smirnov distance between the durations
   * and the fitted lognormal, and Lilliefors' 5% critical value for it
   * (parameters estimated from the same data), 0.886 / sqrt(n). A distance
   * below it: the data are consistent with a lognormal.
   */
  ks: { distance: number; critical: number } | null;
}

/** Fewest repair times to fit a lognormal to. */
export const MIN_FIT = 3;

/**
 * Fits each service's failure rate (incidents per working hour over the
 * log's span, the Poisson maximum-likelihood estimate) and repair time (a
 * lognormal by maximum likelihood: mu and sigma are the mean and the
 * population standard deviation of the log durations). Repair time is from
 * acknowledgement to resolution where the log has it, else from the start,
 * in real hours (see calibrationProposal.ts for the repair time of someone
 * who knows the service fully).
 */
export function calibrate(log: IncidentLog, serviceIds: readonly string[], calendar: Calendar): ServiceCalibration[] {
  let first = Infinity;
  let last = -Infinity;
  for (const inc of log.incidents) {
    const t = Date.parse(inc.start);
    first = Math.min(first, t);
    last = Math.max(last, t);
  }
  const windowHours = Number.isFinite(first) ? ((last - first) / (168 * HOUR_MS)) * calendar.hoursPerDay * calendar.daysPerWeek : 0;
  return serviceIds.map((serviceId) => {
    const mine = log.incidents.filter((i) => i.service === serviceId);
    const all = mine.map((i) => repairHoursOf(i, calendar, log.timeZone));
    const durations = all.filter((d) => d > 1e-9).sort((a, b) => a - b);
    const fit = durations.length >= MIN_FIT ? fitLognormal(durations) : null;
    return {
      serviceId,
      incidents: mine.length,
      windowHours,
      ratePerHour: windowHours > 0 ? mine.length / windowHours : null,
      durations,
      zeroDurations: all.length - durations.length,
      fit,
      ks: fit ? { distance: ksDistance(durations, fit), critical: 0.886 / Math.sqrt(durations.length) } : null,
    };
  });
}

/** Maximum-likelihood lognormal of positive values. @throws RangeError for no values or a value that is not positive. */
export function fitLognormal(values: readonly number[]): LognormalFit {
  if (values.length === 0) throw new RangeError('fitLognormal needs at least one value');
  let mu = 0;
  for (const v of values) {
    if (!(v > 0)) throw new RangeError(`fitLognormal needs positive values, got ${v}`);
    mu += Math.log(v);
  }
  mu /= values.length;
  let ss = 0;
  for (const v of values) ss += (Math.log(v) - mu) ** 2;
  const sigma = Math.sqrt(ss / values.length);
  return { mu, sigma, mean: Math.exp(mu + (sigma * sigma) / 2) };
}

/** The fitted lognormal's CDF at x. */
export function lognormalCdf(fit: LognormalFit, x: number): number {
  if (x <= 0) return 0;
  if (fit.sigma === 0) return Math.log(x) >= fit.mu ? 1 : 0;
  return normalCdf((Math.log(x) - fit.mu) / fit.sigma);
}

/** Largest gap between the empirical CDF of `sorted` and the fit's CDF. */
export function ksDistance(sorted: readonly number[], fit: LognormalFit): number {
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => {
    const f = lognormalCdf(fit, x);
    d = Math.max(d, Math.abs((i + 1) / n - f), Math.abs(f - i / n));
  });
  return d;
}

/**
 * A service with the calibration applied: its failure rate, and its repair
 * time as the fitted lognormal (kept as it was where the log had too little).
 */
export function applyCalibration(service: Service, c: ServiceCalibration): Service {
  return {
    ...service,
    incidents: {
      ratePerHour: c.ratePerHour ?? service.incidents.ratePerHour,
      repairHours: c.fit ? { kind: 'lognormal', mean: c.fit.mean, sigma: c.fit.sigma } : service.incidents.repairHours,
    },
  };
}
