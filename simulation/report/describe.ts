/** Scenario settings in plain words, for the report's tables and assumptions. */
import { distributionMean, type Distribution } from '../random/distribution';
import type { Calendar, Service } from '../scenario/schema';
import { formatHours, num } from './format';

/** "about 4.0 h on average (exponential)", "between 2.0 h and 6.0 h", "always 30 min". */
export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'exponential':
      return `${formatHours(d.mean)} on average (exponential: mostly short, some long)`;
    case 'lognormal':
      return `${formatHours(d.mean)} on average (lognormal, spread ${num(d.sigma)}: a long tail)`;
    case 'uniform':
      return `between ${formatHours(d.min)} and ${formatHours(d.max)}`;
    case 'triangular':
      return `${formatHours(d.min)} to ${formatHours(d.max)}, most often ${formatHours(d.mode)}`;
    case 'empirical':
      return `one of ${d.values.length} recorded values, ${formatHours(distributionMean(d))} on average`;
    case 'constant':
      return `always ${formatHours(d.value)}`;
  }
}

/** Working hours in a week. */
export const hoursPerWeek = (c: Calendar): number => c.hoursPerDay * c.daysPerWeek;
/** Working hours in a year. */
export const hoursPerYear = (c: Calendar): number => hoursPerWeek(c) * c.weeksPerYear;

/** "3.2 per week" (or per year when rare). */
export function describeRate(ratePerHour: number, c: Calendar, what: string): string {
  const perWeek = ratePerHour * hoursPerWeek(c);
  if (ratePerHour === 0) return `no ${what}`;
  if (perWeek >= 1) return `${num(perWeek)} ${what} a week`;
  return `${num(ratePerHour * hoursPerYear(c))} ${what} a year`;
}

/** How a service's work arrives, in words. */
export function describeArrivals(s: Service, c: Calendar): string {
  const a = s.work.arrivals;
  return a.kind === 'poisson' ? describeRate(a.ratePerHour, c, 'items') : `${a.times.length} items at fixed times`;
}

/** A duration in weeks and hours: "50 weeks (2,000 working hours)". */
export function describeHorizon(hours: number, c: Calendar): string {
  return `${num(hours / hoursPerWeek(c))} working weeks (${thousands(Math.round(hours))} working hours)`;
}

/** 12,345 (fixed, whatever the machine's language). */
export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
