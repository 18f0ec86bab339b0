import type { ReplayComparison } from './replayComparison';

const cell = (v: string | number): string => {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : '') : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * A replay as CSV, one row per incident: its id, service, urgency, start
 * (UTC), recorded time to restore, and per structure the replayed median,
 * 10th and 90th percentiles and mean (hours), and the replications in which
 * it was not restored (empty figures then).
 */
export function replayCsv(replay: ReplayComparison): string {
  const head = ['incident', 'title', 'service', 'urgency', 'start_utc', 'recorded_hours'];
  for (const v of replay.variants) head.push(...['median', 'p10', 'p90', 'mean', 'not_restored'].map((f) => `${v.name}: ${f}${f === 'not_restored' ? ' (replications)' : ' (hours)'}`));
  const rows = replay.incidents.map((i) => [i.id, i.title, i.serviceName, i.urgency ?? '', i.start, i.actualHours, ...i.simulated.flatMap((s) => [s.p50, s.p10, s.p90, s.mean, s.notRestored ?? 0])]);
  return `${[head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
