import { toWallClock } from '../../../simulation/replay/dates';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number) => String(n).padStart(2, '0');

/** "Mon 12 Jan 2026" or "12 Jan 2026 14:30" for an instant, read in `timeZone` (the log's). */
export function instantLabel(instant: number, timeZone: string, withTime: boolean): string {
  const w = toWallClock(instant, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return withTime ? `${w.day} ${MONTHS[w.month - 1]} ${w.year} ${two(w.hour)}:${two(w.minute)}` : `${DAYS[weekday]} ${w.day} ${MONTHS[w.month - 1]} ${w.year}`;
}

/** An ISO instant from the file, labelled as {@link instantLabel}. */
export const isoLabel = (iso: string, timeZone: string, withTime = true): string => instantLabel(Date.parse(iso), timeZone, withTime);
