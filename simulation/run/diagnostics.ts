/**
 * Whether a variant's figures can be trusted as steady-state figures, read
 * from its summary: does the run settle (work in progress not growing, no one
 * busy all the time, incidents restored), how much was still running at the
 * end (censoring), and was the warm-up long enough. Every place that shows a
 * variant's figures (cards, CLI summary, report, sweeps, stress test,
 * advisor) prints these warnings next to them.
 */
import type { ConfidenceInterval } from '../stats/confidenceInterval';
import { beyond } from '../stats/kaplanMeier';
import type { ScalarMetric, VariantSummary } from './variantSummary';

/** Busy share from which a person counts as saturated: their queue barely settles, if at all. */
export const SATURATED_UTILISATION = 0.97;
/** Growth over the second half of the window, as a share of mean work in progress, from which a significant trend counts. */
export const MATERIAL_GROWTH = 0.2;
/** Share of incidents left unrestored at the end from which restoring does not keep up. */
export const UNRESTORED_SHARE = 0.25;
/** Share of items left unfinished at the end worth a word next to the lead times. */
export const NOTABLE_CENSORING = 0.05;

export interface VariantDiagnostics {
  /** Work piles up (or incidents do): the figures depend on the run's length, they are not a steady state. */
  unstable: boolean;
  /** Work in progress growth over the second half of the window, items per week. */
  growthPerWeek: ConfidenceInterval;
  arrivalsPerWeek: number;
  throughputPerWeek: number;
  /** The saturated skill or person (with figures), when there is one. */
  bottleneck: string | null;
  /** People busy at least SATURATED_UTILISATION of their available time. */
  saturated: { name: string; utilisation: number }[];
  /** Mean per replication: items that arrived in the window and were not finished, and their share. */
  unfinished: number;
  unfinishedShare: number;
  unrestored: number;
  unrestoredShare: number;
  /** Work in progress at the start of the window differs from later: the warm-up looks too short. */
  warmupShort: boolean;
  /** Sentences a manager should read next to the figures (no "warning:" prefix). */
  warnings: string[];
}

const PERCENTILES: Partial<Record<ScalarMetric, { reach: ScalarMetric; level: number }>> = {
  leadTimeP50: { reach: 'leadTimeReach', level: 0.5 },
  leadTimeP85: { reach: 'leadTimeReach', level: 0.85 },
  leadTimeP95: { reach: 'leadTimeReach', level: 0.95 },
  ttrP50: { reach: 'ttrReach', level: 0.5 },
  ttrP95: { reach: 'ttrReach', level: 0.95 },
};

/**
 * For a percentile metric: the replications in which it lay beyond what the
 * run watched (its value there is the longest duration seen, a lower bound),
 * so the variant's mean is a lower bound too ("more than"). 0 for other metrics.
 */
export function replicationsBeyond(v: VariantSummary, metric: ScalarMetric): number {
  const p = PERCENTILES[metric];
  if (!p) return 0;
  return v.perReplication[p.reach].filter((reach) => Number.isFinite(reach) && beyond(reach, p.level)).length;
}

const f = (x: number) => (!Number.isFinite(x) ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const share = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

/**
 * Stages (by the skill they need) where items pile up without being queued:
 * the cumulative flow counts every item in a stage, waiting, worked on or
 * taken by nobody; the skill's queue counts those waiting for someone. When
 * the first grows materially over the second half of the window (by at
 * least one item, and by more than twice what the queue grows) the rest are
 * items nobody may take (a stage no one in the team is qualified for under
 * this structure), which no queue and no busy person would show.
 */
export function stalledStages(v: VariantSummary, weeks = v.windowHours / v.hoursPerWeek): { id: string; name: string; perWeek: number }[] {
  const out: { id: string; name: string; perWeek: number }[] = [];
  if (!(weeks > 0)) return out;
  v.skillQueues.forEach((q) => {
    const i = v.flow.states.findIndex((st) => st.id === q.id);
    const series = i >= 0 ? v.flow.mean[i] : undefined;
    if (!series || series.length < 2) return;
    const mid = series[Math.floor((series.length - 1) / 2)]!;
    const end = series[series.length - 1]!;
    const rise = end - mid;
    const perWeek = rise / (weeks / 2);
    const queued = Math.max(0, q.growthPerWeek.mean);
    if (Number.isFinite(rise) && rise >= 1 && perWeek > 2 * queued) out.push({ id: q.id, name: q.name, perWeek: perWeek - queued });
  });
  return out;
}

export function diagnose(v: VariantSummary): VariantDiagnostics {
  const m = v.metrics;
  const weeks = v.windowHours / v.hoursPerWeek;
  const growth = m.wipGrowthPerWeek;
  const wip = m.wipMean.mean;
  const arrivals = m.arrivals.mean;
  const arrivalsPerWeek = arrivals / weeks;
  const throughputPerWeek = m.throughputPerWeek.mean;
  const saturated = v.people.filter((p) => p.utilisation.mean >= SATURATED_UTILISATION).map((p) => ({ name: p.name, utilisation: p.utilisation.mean }));
  saturated.sort((a, b) => b.utilisation - a.utilisation);

  // A trend across replications (its interval above 0) that is material, or that sits on a saturated person.
  const rising = growth.low > 0;
  const halfWindowGrowth = (growth.mean * weeks) / 2;
  const material = halfWindowGrowth >= Math.max(1, MATERIAL_GROWTH * (Number.isFinite(wip) ? wip : 0));
  const itemsPileUp = rising && (material || saturated.length > 0);

  const incidents = m.incidents.mean;
  const unrestored = m.unrestored.mean;
  const unrestoredShare = incidents > 0 ? unrestored / incidents : 0;
  const incidentsPileUp = unrestoredShare >= UNRESTORED_SHARE && unrestored >= 2;

  const unfinished = m.unfinished.mean;
  const unfinishedShare = arrivals > 0 ? unfinished / arrivals : 0;

  const stalled = stalledStages(v, weeks);
  const growing = [
    ...v.skillQueues.map((q) => ({ what: `${q.name} work`, g: q.growthPerWeek })),
    ...v.people.map((p) => ({ what: `${p.name}'s own queue`, g: p.queueGrowthPerWeek })),
  ].filter((x) => x.g.low > 0);
  growing.sort((a, b) => b.g.mean - a.g.mean);
  const parts: string[] = [];
  // Work nobody may take comes first: no queue or busy person shows it, and no amount of waiting finishes it.
  for (const st of stalled) {
    parts.push(
      `items pile up in the ${st.name} stage without being queued for anyone (+${f(st.perWeek)} items/week): nobody this structure lets take that stage is qualified for it in some service's team, so that work never finishes (check who may do ${st.name} in each team)`,
    );
  }
  if (growing[0]) parts.push(`${growing[0].what} (queue +${f(growing[0].g.mean)} items/week)`);
  if (saturated[0]) parts.push(`${saturated[0].name} (busy ${(saturated[0].utilisation * 100).toFixed(0)}%)`);
  const worstService = [...v.services].sort((a, b) => b.unrestored / Math.max(1e-9, b.incidents) - a.unrestored / Math.max(1e-9, a.incidents))[0];
  if (incidentsPileUp && worstService) parts.push(`restoring ${worstService.name} (${f(worstService.unrestored)} of ${f(worstService.incidents)} incidents not restored)`);
  const bottleneck = parts.length ? parts.join('; ') : null;

  const warnings: string[] = [];
  if (itemsPileUp) {
    warnings.push(
      `${v.name} does not settle: work in progress grows by ${f(growth.mean)} items/week (${f(arrivalsPerWeek)} arrive per week, ${f(throughputPerWeek)} are finished); bottleneck: ${bottleneck ?? 'not one queue, the whole team'}. Its lead times grow with the length of the run: they are not steady-state figures.`,
    );
  } else if (saturated.length > 0) {
    warnings.push(`${saturated.map((s) => `${s.name} is busy ${(s.utilisation * 100).toFixed(0)}%`).join(', ')} of their available time in ${v.name}: queues there barely settle, and a little more load moves lead time a lot.`);
  }
  if (incidentsPileUp) {
    warnings.push(
      `${v.name} does not keep up with incidents: ${f(unrestored)} of ${f(incidents)} (${share(unrestoredShare)}) were not restored by the end${worstService ? `, most of all ${worstService.name}` : ''}. Time to restore is not a steady-state figure.`,
    );
  } else if (unrestored > 0 && unrestoredShare >= NOTABLE_CENSORING) {
    warnings.push(`${v.name}: ${f(unrestored)} of ${f(incidents)} incidents (${share(unrestoredShare)}) were not restored by the end; time-to-restore percentiles count them as still running.`);
  }
  if (!itemsPileUp && unfinishedShare >= NOTABLE_CENSORING) {
    warnings.push(`${v.name}: ${f(unfinished)} of ${f(arrivals)} items (${share(unfinishedShare)}) were not finished by the end; lead-time percentiles count them as still running.`);
  }
  const beyondRows = (Object.keys(PERCENTILES) as ScalarMetric[]).map((k) => [k, replicationsBeyond(v, k)] as const).filter(([, k]) => k > 0);
  if (beyondRows.length > 0) {
    const names = beyondRows.map(([k, n]) => `${k.replace(/^leadTime/, 'lead time ').replace(/^ttr/, 'time to restore ').replace('P', 'p')} (${n} of ${v.replications} replications)`);
    warnings.push(`${v.name}: ${names.join(', ')} lie beyond what the run watched: shown as "more than" (a lower bound).`);
  }

  // Warm-up: work in progress at the start of the window against its second half, when the run settles.
  const gap = m.warmupGap;
  const gapShare = Math.abs(gap.mean) / Math.max(wip, 1e-9);
  const warmupShort = !itemsPileUp && Number.isFinite(gap.low) && (gap.low > 0 || gap.high < 0) && Math.abs(gap.mean) >= 0.5 && gapShare >= 0.1;
  if (warmupShort) {
    warnings.push(
      `${v.name}: the warm-up looks too short: work in progress in the first tenth of the window is ${f(Math.abs(gap.mean))} items ${gap.mean < 0 ? 'below' : 'above'} its level later in the run (${share(gapShare)} of that level); lengthen the warm-up.`,
    );
  }
  if (v.stoppedEarly > 0) warnings.push(`${v.name}: ${v.stoppedEarly} replications hit the event cap and stopped early.`);

  return {
    unstable: itemsPileUp || incidentsPileUp,
    growthPerWeek: growth,
    arrivalsPerWeek,
    throughputPerWeek,
    bottleneck,
    saturated,
    unfinished,
    unfinishedShare,
    unrestored,
    unrestoredShare,
    warmupShort,
    warnings,
  };
}

/** Why a paired difference between two variants is not a steady-state result (null when it is one). */
export function comparisonCaveat(variant: VariantSummary, baseline: VariantSummary): string | null {
  const unstable = [variant, baseline].filter((x) => diagnose(x).unstable).map((x) => x.name);
  return unstable.length ? `not a steady-state difference: ${unstable.join(' and ')} ${unstable.length > 1 ? 'do' : 'does'} not settle` : null;
}

