import { describe, expect, it } from 'vitest';
import { detectDateFormat, formatInZone, readDate, toInstant, toWallClock, type WallClock } from '../../../../simulation/replay/dates';
import { beforeStartDate, dateToWorkingHours, instantToWorkingHours, isCivilDate, wallClockToWorkingHours, workingHoursToDate, workingHoursToDay } from '../../../../simulation/replay/workingTime';
import type { Calendar } from '../../../../simulation/scenario/schema';

const wall = (text: string, format: Parameters<typeof readDate>[1]): WallClock => {
  const r = readDate(text, format);
  if (!r.ok || typeof r.value === 'number') throw new Error(`not a wall clock: ${text}`);
  return r.value;
};
const iso = (ms: number) => new Date(ms).toISOString();

describe('reading date-times', () => {
  it('reads every supported format to the same wall clock', () => {
    const expected = { year: 2026, month: 3, day: 9, hour: 14, minute: 5, second: 0 };
    expect(wall('2026-03-09T14:05:00', 'iso')).toMatchObject(expected);
    expect(wall('2026-03-09 14:05', 'ymd')).toMatchObject(expected);
    expect(wall('09/03/2026 14:05', 'dmy')).toMatchObject(expected);
    expect(wall('03/09/2026 2:05 PM', 'mdy')).toMatchObject(expected);
    expect(wall('03/09/2026 12:30 AM', 'mdy')).toMatchObject({ hour: 0, minute: 30 });
    expect(wall('03/09/2026 12:30 PM', 'mdy')).toMatchObject({ hour: 12, minute: 30 });
    expect(readDate('1773065100', 'epoch-s')).toEqual({ ok: true, value: 1773065100_000 });
    expect(readDate('1773065100123', 'epoch-ms')).toEqual({ ok: true, value: 1773065100123 });
  });

  it('keeps the offset an ISO time carries, and ignores the zone for it', () => {
    const w = wall('2026-03-29T02:30:00+05:30', 'iso');
    expect(w.offsetMinutes).toBe(330);
    expect(iso(toInstant(w, 'Europe/Berlin'))).toBe('2026-03-28T21:00:00.000Z');
    expect(iso(toInstant(wall('2026-07-01T08:00:00Z', 'iso'), 'America/New_York'))).toBe('2026-07-01T08:00:00.000Z');
    expect(iso(toInstant(wall('2026-07-01T08:00:00.250-0700', 'iso'), 'UTC'))).toBe('2026-07-01T15:00:00.250Z');
  });

  it('says what is wrong with a value that is not a date-time', () => {
    expect(readDate('31/02/2026 10:00', 'dmy')).toEqual({ ok: false, error: '"31/02/2026 10:00": day 31 does not exist in 2026-02' });
    expect(readDate('2026-13-01 10:00', 'ymd')).toMatchObject({ ok: false, error: expect.stringContaining('month 13') });
    expect(readDate('yesterday', 'iso')).toMatchObject({ ok: false, error: expect.stringContaining('"yesterday" is not a date-time in the format ISO 8601') });
    expect(readDate('03/09/2026 14:05 PM', 'mdy')).toMatchObject({ ok: false, error: expect.stringContaining('12-hour') });
    expect(readDate('2026-03-09T14:05:00+01:00', 'ymd').ok).toBe(false);
  });

  it('detects the format of a column, and the day/month order from values that decide it', () => {
    expect(detectDateFormat(['2026-01-05T09:00:00+01:00', '', '2026-01-06T10:00:00Z'])).toBe('iso');
    expect(detectDateFormat(['05/01/2026 09:00', '13/01/2026 10:00'])).toBe('dmy');
    expect(detectDateFormat(['01/05/2026 9:00 AM', '01/13/2026 10:00 AM'])).toBe('mdy');
    expect(detectDateFormat(['01/13/2026 10:00'])).toBe('mdy');
    expect(detectDateFormat(['1767600000', '1767700000'])).toBe('epoch-s');
    expect(detectDateFormat(['1767600000000'])).toBe('epoch-ms');
    // One bad value does not hide the format of the rest.
    expect(detectDateFormat(['2026-01-05 09:00', 'n/a', '2026-01-06 09:00'])).toBe('iso');
    expect(detectDateFormat(['soon', ''])).toBeNull();
  });
});

describe('time zones, across daylight-saving changes', () => {
  it('reads a wall-clock time in a named zone with the offset in force then', () => {
    expect(iso(toInstant(wall('2026-03-28 12:00', 'ymd'), 'Europe/Berlin'))).toBe('2026-03-28T11:00:00.000Z');
    expect(iso(toInstant(wall('2026-03-30 12:00', 'ymd'), 'Europe/Berlin'))).toBe('2026-03-30T10:00:00.000Z');
    expect(iso(toInstant(wall('03/07/2026 11:30 PM', 'mdy'), 'America/New_York'))).toBe('2026-03-08T04:30:00.000Z');
    expect(iso(toInstant(wall('03/08/2026 11:30 PM', 'mdy'), 'America/New_York'))).toBe('2026-03-09T03:30:00.000Z');
  });

  it('moves a time in the skipped spring hour forward by the gap, and takes the first of a repeated autumn hour', () => {
    // Berlin skips 02:00-03:00 on 29 March 2026: 02:30 does not exist and reads as 03:30 CEST.
    expect(iso(toInstant(wall('2026-03-29 02:30', 'ymd'), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October 2026: the first time, still CEST.
    expect(iso(toInstant(wall('2026-10-25 02:30', 'ymd'), 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(toInstant(wall('2026-11-01 01:30', 'ymd'), 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('turns instants back into local wall clocks and ISO text with offsets', () => {
    expect(toWallClock(Date.UTC(2026, 6, 1, 10), 'Europe/Berlin')).toMatchObject({ day: 1, hour: 12, offsetMinutes: 120 });
    expect(formatInZone(Date.UTC(2026, 0, 6, 10, 27), 'Europe/Berlin')).toBe('2026-01-06T11:27:00+01:00');
    expect(formatInZone(Date.UTC(2026, 0, 6, 10, 27), 'America/St_Johns')).toBe('2026-01-06T06:57:00-03:30');
  });
});

describe("the scenario's working-hour clock", () => {
  const calendar: Calendar = { startDate: '2026-01-05', hoursPerDay: 8, daysPerWeek: 5, weeksPerYear: 50 };
  const at = (text: string) => wallClockToWorkingHours(wall(text, 'ymd'), calendar);

  it('counts working hours from 09:00 on the start date, five days a week', () => {
    expect(at('2026-01-05 09:00')).toBe(0);
    expect(at('2026-01-05 13:30')).toBe(4.5);
    expect(at('2026-01-06 10:00')).toBe(9);
    expect(at('2026-01-12 09:00')).toBe(40);
    expect(at('2026-06-26 13:00')).toBe(996);
    expect(at('2026-06-29 14:00')).toBe(1005);
  });

  it('maps a moment outside working hours to the next working moment', () => {
    expect(at('2026-01-05 07:00')).toBe(0);
    expect(at('2026-01-05 17:00')).toBe(8);
    expect(at('2026-01-05 22:00')).toBe(8);
    expect(at('2026-01-06 08:59')).toBe(8);
    expect(at('2026-01-10 12:00')).toBe(40);
    expect(at('2026-01-11 23:00')).toBe(40);
    expect(at('2026-01-02 12:00')).toBeLessThan(0);
    expect(beforeStartDate(Date.UTC(2026, 0, 4, 12), 'Europe/Berlin', calendar)).toBe(true);
    expect(beforeStartDate(Date.UTC(2026, 0, 5, 6), 'Europe/Berlin', calendar)).toBe(false);
  });

  it('reads instants in the team zone, so summer time does not shift the working day', () => {
    expect(instantToWorkingHours(Date.UTC(2026, 0, 5, 8), 'Europe/Berlin', calendar)).toBe(0);
    expect(instantToWorkingHours(Date.UTC(2026, 5, 29, 7), 'Europe/Berlin', calendar)).toBe(1000);
    expect(workingHoursToDate(1005, calendar)).toEqual({ date: '2026-06-29', weekday: 1, minutes: 14 * 60 });
    expect(workingHoursToDate(40, calendar)).toMatchObject({ date: '2026-01-12', minutes: 9 * 60 });
  });

  it('starts the working day at the calendar\'s own hour when it has one', () => {
    const early: Calendar = { ...calendar, dayStartHour: 7.5 };
    // 07:30 Berlin on the first day is its first working moment; 09:00 is 1.5 h in.
    expect(instantToWorkingHours(Date.UTC(2026, 0, 5, 6, 30), 'Europe/Berlin', early)).toBe(0);
    expect(instantToWorkingHours(Date.UTC(2026, 0, 5, 8), 'Europe/Berlin', early)).toBe(1.5);
    expect(workingHoursToDate(1.5, early)).toMatchObject({ date: '2026-01-05', minutes: 9 * 60 });
    // The same instant on the default calendar is the day's very start.
    expect(instantToWorkingHours(Date.UTC(2026, 0, 5, 8), 'Europe/Berlin', calendar)).toBe(0);
  });
});

describe('dates of planned absences', () => {
  const calendar: Calendar = { startDate: '2026-01-05', hoursPerDay: 8, daysPerWeek: 5, weeksPerYear: 50 };
  it('turns whole days into working hours and back, weekends included', () => {
    // Monday 5 January is hour 0; Friday 9 January ends at 40.
    expect(dateToWorkingHours('2026-01-05', calendar, 'start')).toBe(0);
    expect(dateToWorkingHours('2026-01-09', calendar, 'end')).toBe(40);
    expect(workingHoursToDay(40, calendar, 'end')).toBe('2026-01-09');
    expect(workingHoursToDay(40, calendar, 'start')).toBe('2026-01-12');
    // A Saturday begins and ends on Monday's first hour.
    expect(dateToWorkingHours('2026-01-10', calendar, 'start')).toBe(40);
    expect(dateToWorkingHours('2026-01-10', calendar, 'end')).toBe(40);
    // Two weeks of leave from Monday 2 March to Friday 13 March: 80 working hours.
    const from = dateToWorkingHours('2026-03-02', calendar, 'start');
    const to = dateToWorkingHours('2026-03-13', calendar, 'end');
    expect(to - from).toBe(80);
    expect([workingHoursToDay(from, calendar, 'start'), workingHoursToDay(to, calendar, 'end')]).toEqual(['2026-03-02', '2026-03-13']);
    // With a working day from 07:30 the hours are the same: only the wall clock moves.
    expect(dateToWorkingHours('2026-03-13', { ...calendar, dayStartHour: 7.5 }, 'end')).toBe(to);
  });

  it('keeps whole days with hours per day that are not whole numbers (7.6 h days)', () => {
    const short: Calendar = { ...calendar, hoursPerDay: 7.6 };
    for (let d = 0; d < 400; d++) {
      const date = new Date(Date.UTC(2026, 0, 5) + d * 86_400_000).toISOString().slice(0, 10);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      expect(workingHoursToDay(dateToWorkingHours(date, short, 'start'), short, 'start')).toBe(date);
      expect(workingHoursToDay(dateToWorkingHours(date, short, 'end'), short, 'end')).toBe(date);
    }
  });

  it('tells a real date from a partial or impossible one', () => {
    expect(['2026-03-02', '2024-02-29'].map(isCivilDate)).toEqual([true, true]);
    expect(['2026-02-30', '2026-02-32', '2026-3-2', '', '0002-0'].map(isCivilDate)).toEqual([false, false, false, false, false]);
  });
});
