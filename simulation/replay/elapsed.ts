/**
 * Real (wall-clock) durations as short labels: replays and logs are in real
 * hours, so a day here is 24 hours, written out ("3.1 days") to tell it from
 * the working days ("d", 8 h) of the rest of the product.
 */
export function formatElapsed(h: number): string {
  if (!Number.isFinite(h)) return '-';
  if (h < 1) return `${Math.round(h * 60)} min`;
  if (h < 10) return `${h.toFixed(1)} h`;
  if (h < 72) return `${Math.round(h)} h`;
  return `${(h / 24).toFixed(1)} days`;
}

/** Tick labels in one unit for a whole axis of real hours: hours, or days of 24 h when it is long. */
export function elapsedAxisFormat(maxHours: number): (h: number) => string {
  return maxHours > 96 ? (h) => `${Number((h / 24).toFixed(1))} days` : (h) => `${Number(h.toFixed(1))} h`;
}
