import { describe, expect, it } from 'vitest';
import { formatDateTime, num, pct, shareWithCI, signedDiff, timeDiff, timeUnitFor, timeUnitOf, timeWithCI, unitsNote, verdictOf, verdictTone } from '../../../../simulation/report/format';

const ci = (mean: number, halfWidth: number) => ({ mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth, n: 10 });

describe('the time-unit policy', () => {
  it('reads a figure in hours below two working days, working days below two working weeks, working weeks above, on the calendar given', () => {
    const eight = { hoursPerDay: 8, daysPerWeek: 5 };
    expect(timeUnitFor(15.9, eight).short).toBe('h');
    expect(timeUnitFor(16, eight)).toEqual({ name: 'working days', short: 'days', hours: 8 });
    expect(timeUnitFor(79.9, eight).short).toBe('days');
    expect(timeUnitFor(80, eight)).toEqual({ name: 'working weeks', short: 'weeks', hours: 40 });
    // A 6-hour day and a 4-day week: 20 h is already more than two days, 48 h two weeks.
    const short = { hoursPerDay: 6, daysPerWeek: 4 };
    expect(timeUnitFor(11, short).short).toBe('h');
    expect(timeUnitFor(20, short)).toEqual({ name: 'working days', short: 'days', hours: 6 });
    expect(timeUnitFor(48, short)).toEqual({ name: 'working weeks', short: 'weeks', hours: 24 });
    // The largest value decides, negative or not; nothing finite reads in hours.
    expect(timeUnitOf([3, -200, NaN], eight).short).toBe('weeks');
    expect(timeUnitOf([], eight).short).toBe('h');
  });

  it('writes means, intervals and differences in the unit, with the unit said', () => {
    const days = timeUnitFor(40);
    expect(timeWithCI(ci(52, 4), days)).toBe('6.50 days ±0.50');
    expect(timeDiff({ mean: -20, low: -24, high: -16 }, days)).toBe('−2.50 days [−3.00, −2.00]');
    expect(unitsNote({ hoursPerDay: 7.5, daysPerWeek: 4 })).toContain('working days of 7.5 h or working weeks of 4 days');
  });

  it('writes a share as a percentage', () => {
    expect(shareWithCI(ci(0.342, 0.021))).toBe('34.2% ±2.10');
  });
});

describe('signs', () => {
  it('never writes "-0.00" or "−0.00"', () => {
    expect(num(-0.001)).toBe('0.00');
    expect(num(-0.04)).toBe('-0.04');
    // A difference too small for two decimals keeps two significant digits, so it never reads as "0.00" beside "clearly higher".
    expect(signedDiff({ mean: -0.001, low: -0.004, high: 0.003 }, 'h')).toBe('−0.0010 h [−0.0040, +0.0030]');
    expect(signedDiff({ mean: 0, low: 0, high: 0 }, '')).toBe('0 [0, 0]');
    expect(signedDiff({ mean: -0.3, low: -0.5, high: 0.2 }, '')).toBe('−0.30 [−0.50, +0.20]');
    expect(pct(-0.001)).toBe('0%');
    expect(pct(-0.2)).toBe('−20%');
  });
});

describe('verdicts', () => {
  it('say "lower" or "higher" only when the whole interval is on one side of zero, and whether that is good news', () => {
    expect(verdictOf({ low: -3, high: -1 })).toBe('lower');
    expect(verdictOf({ low: 1, high: 3 })).toBe('higher');
    expect(verdictOf({ low: -1, high: 3 })).toBe('unclear');
    expect(verdictOf({ low: 0, high: 3 })).toBe('unclear');
    expect(verdictOf({ low: NaN, high: NaN })).toBeNull();
    expect(verdictOf(null)).toBeNull();
    expect(verdictTone('lower', true)).toBe('better');
    expect(verdictTone('lower', false)).toBe('worse');
    expect(verdictTone('higher', false)).toBe('better');
    expect(verdictTone('unclear', true)).toBe('same');
    expect(verdictTone('higher', null)).toBe('same');
  });
});

describe('dates', () => {
  it('have one format: day, short month, year and a 24-hour time', () => {
    expect(formatDateTime('2026-12-05T06:47:49Z', true)).toBe('5 Dec 2026, 06:47 UTC');
    expect(formatDateTime('2026-01-18T23:05:00Z', true)).toBe('18 Jan 2026, 23:05 UTC');
    expect(formatDateTime('2026-12-05T06:47:49Z')).toMatch(/^\d{1,2} (Dec|Nov) 2026, \d\d:\d\d$/);
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
