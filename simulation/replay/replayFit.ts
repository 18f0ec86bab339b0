/**
 * Does the structure as drawn reproduce the log? The replay's baseline
 * against the record, before any what-if: totals, per-incident ratios, a
 * plain verdict and the likely causes of a poor fit.
 */
import type { ReplayComparison } from './replayComparison';

/** Bounds of a good fit: replayed total within +-50% of the recorded, per-incident median ratio within [0.5, 2]. */
export const FIT_BOUNDS = { total: [0.5, 1.5], median: [0.5, 2] } as const;

/** A recorded time to restore below this (hours, one minute) is taken as this, so a ratio stays finite. */
const FLOOR_HOURS = 1 / 60;

export interface BaselineFit {
  /** Incidents compared (restored by the baseline in every replication). */
  incidents: number;
  recordedHours: number;
  replayedHours: number;
  /** Replayed total over recorded total. */
  totalRatio: number;
  /** Median over incidents of replayed median time to restore over recorded. */
  medianRatio: number;
  /** Share of incidents whose replayed median is within 2x of the recorded (between half and double). */
  within2x: number;
  unrestored: number;
  good: boolean;
  verdict: string;
  causes: string[];
}

const times = (x: number) => (x >= 10 ? `${Math.round(x)}x` : `${x.toFixed(x >= 1.995 ? 1 : 2)}x`);

/** The fit of the replay's first structure (the one as drawn) to the record. */
export function baselineFit(replay: ReplayComparison): BaselineFit | null {
  const base = replay.variants[0];
  const total = replay.totals[0];
  if (!base || !total) return null;
  const ratios: number[] = [];
  const byService = new Map<string, { name: string; ratios: number[] }>();
  for (const inc of replay.incidents) {
    const sim = inc.simulated[0]!;
    if ((sim.notRestored ?? 0) > 0 || !Number.isFinite(sim.p50)) continue;
    const r = Math.max(sim.p50, FLOOR_HOURS) / Math.max(inc.actualHours, FLOOR_HOURS);
    ratios.push(r);
    const entry = byService.get(inc.serviceId) ?? { name: inc.serviceName, ratios: [] };
    entry.ratios.push(r);
    byService.set(inc.serviceId, entry);
  }
  const med = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length === 0 ? NaN : s.length % 2 ? s[m]! : Math.sqrt(s[m - 1]! * s[m]!);
  };
  const totalRatio = total.actualHours > 0 ? total.simulatedMean / total.actualHours : NaN;
  const medianRatio = med(ratios);
  const within2x = ratios.length ? ratios.filter((r) => r >= 0.5 && r <= 2).length / ratios.length : NaN;
  const unrestored = (total.unrestored ?? []).reduce((a, u) => a + u.incidents, 0);
  const good = totalRatio >= FIT_BOUNDS.total[0] && totalRatio <= FIT_BOUNDS.total[1] && medianRatio >= FIT_BOUNDS.median[0] && medianRatio <= FIT_BOUNDS.median[1] && unrestored === 0;

  const causes: string[] = [];
  const missing = replay.provenance?.unmappedPeople ?? [];
  if (missing.length > 0) causes.push(`People in the log who are not in the model: ${missing.slice(0, 5).map((m) => `${m.name} (${m.rows} incidents)`).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}.`);
  for (const u of total.unrestored ?? []) {
    causes.push(u.reason === 'nobody can restore' ? `Nobody in this structure can restore ${u.serviceName} (${u.incidents} incidents).` : u.reason === 'not in the model' ? `${u.serviceName} is not in this model (${u.incidents} incidents).` : `${u.incidents} incidents of ${u.serviceName} were not restored by the end of the replay.`);
  }
  const ooh = replay.outOfHours;
  if (ooh && ooh.incidents > 0 && !ooh.baselineOnCall) causes.push(`${ooh.incidents} incidents started outside working hours and the structure has no on-call rotation: nobody responds until the next working day.`);
  for (const [, s] of byService) {
    const m = med(s.ratios);
    if (s.ratios.length >= 3 && (m > 2 || m < 0.5)) causes.push(`Detection or repair times of ${s.name} do not match the log (replayed median ${times(m)} the recorded): calibrate them.`);
  }
  const direction = totalRatio >= 1 ? `replayed outage is ${times(totalRatio)} the recorded one` : `replayed outage is ${times(totalRatio)} the recorded one (shorter)`;
  const verdict = !Number.isFinite(totalRatio)
    ? 'Nothing to compare: no incident was restored in the replay.'
    : good
      ? `The model reproduces this log well: ${direction}, and the median incident is within ${times(medianRatio)}.`
      : `The model reproduces this log poorly: ${direction}${unrestored > 0 ? `, and ${unrestored} incidents could not be restored` : ''}. What-ifs on it say more about the model than about the structure.`;
  return { incidents: ratios.length, recordedHours: total.actualHours, replayedHours: total.simulatedMean, totalRatio, medianRatio, within2x, unrestored, good, verdict, causes };
}
