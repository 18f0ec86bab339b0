/**
 * Reading the date-times of an incident log: the formats exports use, and
 * wall-clock times in a named time zone (IANA, e.g. "Europe/Berlin") turned
 * into instants through `Intl.DateTimeFormat`, so daylight-saving changes are
 * right whatever the machine's own zone is.
 *
 * Instants are milliseconds since 1970-01-01T00:00Z, as numbers; nothing here
 * reads the clock.
 */

export const DATE_FORMATS = ['auto', 'iso', 'ymd', 'dmy', 'mdy', 'epoch-s', 'epoch-ms'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** How each format is shown to the user (and named in error messages). */
export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  auto: 'Detect',
  iso: 'ISO 8601 (2026-03-29T14:05:00+02:00)',
  ymd: 'YYYY-MM-DD HH:mm[:ss]',
  dmy: 'DD/MM/YYYY HH:mm[:ss]',
  mdy: 'MM/DD/YYYY h:mm[:ss] AM/PM',
  'epoch-s': 'Seconds since 1970 (Unix time)',
  'epoch-ms': 'Milliseconds since 1970',
};

/** A date-time as written: wall-clock fields, and the offset from UTC in minutes when the text gave one. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const INTEGER = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads `text` in `format` ('auto' is not a format to read with: pick one
 * with {@link detectDateFormat} first). Returns the instant for epoch
 * numbers, the wall clock for the others, or an error message saying what
 * was expected.
 */
export function readDate(text: string, format: Exclude<DateFormat, 'auto'>): { ok: true; value: WallClock | number } | { ok: false; error: string } {
  const t = text.trim();
  const fail = () => ({ ok: false as const, error: `"${t}" is not a date-time in the format ${DATE_FORMAT_LABELS[format]}` });
  if (format === 'epoch-s' || format === 'epoch-ms') {
    if (!INTEGER.test(t)) return fail();
    return { ok: true, value: Number(t) * (format === 'epoch-s' ? 1000 : 1) };
  }
  let w: WallClock | null = null;
  if (format === 'iso' || format === 'ymd') {
    const m = ISO.exec(t);
    if (m && (format === 'iso' || !m[8])) {
      const fraction = m[7] ? Number(`0.${m[7]}`) : 0;
      w = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0), millisecond: Math.round(fraction * 1000), offsetMinutes: offsetOf(m[8]) };
    }
  } else {
    const m = SLASHED.exec(t);
    if (m) {
      const [a, b] = [+m[1]!, +m[2]!];
      let hour = +(m[4] ?? 0);
      const half = m[7]?.toLowerCase();
      if (half) {
        if (hour < 1 || hour > 12) return { ok: false, error: `"${t}": hour ${hour} is not a 12-hour clock hour (1-12 with AM/PM)` };
        hour = (hour % 12) + (half === 'pm' ? 12 : 0);
      }
      w = { year: +m[3]!, month: format === 'dmy' ? b : a, day: format === 'dmy' ? a : b, hour, minute: +(m[5] ?? 0), second: +(m[6] ?? 0), millisecond: 0, offsetMinutes: null };
    }
  }
  if (!w) return fail();
  const problem = impossible(w);
  return problem ? { ok: false, error: `"${t}": ${problem}` } : { ok: true, value: w };
}

function offsetOf(zone: string | undefined): number | null {
  if (!zone) return null;
  if (zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone[0] === '-' ? -minutes : minutes;
}

function impossible(w: WallClock): string | null {
  if (w.month < 1 || w.month > 12) return `month ${w.month} does not exist`;
  const days = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  if (w.day < 1 || w.day > days) return `day ${w.day} does not exist in ${w.year}-${String(w.month).padStart(2, '0')}`;
  if (w.hour > 23 || w.minute > 59 || w.second > 59) return `time ${w.hour}:${String(w.minute).padStart(2, '0')} does not exist`;
  return null;
}

/**
 * The format that reads most of `samples` (empty ones ignored; a few bad
 * values do not hide the format of the rest), or null when none reads any.
 * Day/month order is decided by values that can only be one way round (a
 * first number above 12 means DD/MM, a second above 12 or an AM/PM means
 * MM/DD); when nothing decides it, DD/MM is assumed, and the user can change
 * it in the mapping step.
 */
export function detectDateFormat(samples: readonly string[]): Exclude<DateFormat, 'auto'> | null {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  const numbers = values.filter((v) => INTEGER.test(v));
  const iso = values.filter((v) => ISO.test(v)).length;
  const slashed = values.map((v) => SLASHED.exec(v)).filter((m): m is RegExpExecArray => m !== null);
  const best = Math.max(numbers.length, iso, slashed.length);
  if (best === 0) return null;
  if (iso === best) return 'iso';
  if (numbers.length === best) return numbers.some((v) => Math.abs(Number(v)) > 1e11) ? 'epoch-ms' : 'epoch-s';
  if (slashed.some((m) => +m[1]! > 12)) return 'dmy';
  if (slashed.some((m) => m[7] !== undefined || +m[2]! > 12)) return 'mdy';
  return 'dmy';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `timeZone` is an IANA time zone this runtime knows ("UTC" included). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

const QUARTER_HOUR = 15 * 60_000;
const offsetCache = new Map<string, Map<number, number>>();

/**
 * The offset of `timeZone` from UTC at `instant`, in minutes (+120 for
 * Berlin in summer). Offsets change only on quarter hours in every zone in
 * use, so they are cached per quarter hour: a log of 100,000 incidents over
 * a year formats a few thousand dates, not 200,000.
 */
export function zoneOffset(timeZone: string, instant: number): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) offsetCache.set(timeZone, (cache = new Map()));
  const bucket = Math.floor(instant / QUARTER_HOUR);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const at = bucket * QUARTER_HOUR;
    const p: Record<string, number> = {};
    for (const part of formatter(timeZone).formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    offset = Math.round((asUtc - at) / 60_000);
    cache.set(bucket, offset);
  }
  return offset;
}

/**
 * The instant a wall-clock time names: with its own offset if it has one,
 * else in `timeZone`. Around a daylight-saving change: a time that happens
 * twice (autumn) is the first of the two; a time that does not exist
 * (the skipped spring hour) is moved forward by the size of the gap (02:30
 * becomes 03:30), as Temporal's "compatible" rule does.
 */
export function toInstant(w: WallClock, timeZone: string): number {
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  if (w.offsetMinutes !== null) return local - w.offsetMinutes * 60_000;
  const day = 86_400_000;
  const before = zoneOffset(timeZone, local - day);
  const after = zoneOffset(timeZone, local + day);
  const tBefore = local - before * 60_000;
  if (before === after) return tBefore;
  const tAfter = local - after * 60_000;
  const beforeHolds = zoneOffset(timeZone, tBefore) === before;
  const afterHolds = zoneOffset(timeZone, tAfter) === after;
  if (beforeHolds && afterHolds) return Math.min(tBefore, tAfter);
  if (afterHolds) return tAfter;
  return tBefore;
}

/** The wall clock in `timeZone` at `instant` (offsetMinutes set to the zone's offset then). */
export function toWallClock(instant: number, timeZone: string): WallClock {
  const offset = zoneOffset(timeZone, instant);
  const d = new Date(instant + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    offsetMinutes: offset,
  };
}

/** An instant as ISO 8601 local time in `timeZone` with its offset: "2026-03-29T14:05:00+02:00". */
export function formatInZone(instant: number, timeZone: string): string {
  const w = toWallClock(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  const off = w.offsetMinutes ?? 0;
  const sign = off < 0 ? '-' : '+';
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${sign}${two(Math.floor(Math.abs(off) / 60))}:${two(Math.abs(off) % 60)}`;
}
