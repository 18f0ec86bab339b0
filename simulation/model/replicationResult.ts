import { bookAbsence } from './absences';
import { countsTowardBusFactor } from './busFactor';
import { addTime } from './metrics';
import type { LogHistogram } from '../stats/logHistogram';
import { histogramQuantiles } from '../stats/kaplanMeier';
import type { Welford } from '../stats/welford';
import type { DistributionSummary, PersonResult, ReplicationResult, ServiceResult } from './results';
import { Busy, TIME_USE_COUNT, TIME_USE_NAMES, TimeUse, type RunState } from './runState';

/** Ids of the cumulative flow's places that are not skills (skill ids cannot contain '#'). */
export const FLOW_REVIEW = '#review';
export const FLOW_ADMISSION = '#admission';

/** The cumulative flow's places: a stage needing each skill, review, held by the WIP limit (Metrics.flow order). */
export function flowStates(skills: readonly { id: string; name: string }[]): { id: string; name: string }[] {
  return [...skills.map((sk) => ({ id: sk.id, name: sk.name })), { id: FLOW_REVIEW, name: 'Review' }, { id: FLOW_ADMISSION, name: 'Held by WIP limit' }];
}

export { BUS_FACTOR_KNOWLEDGE } from './busFactor';

/** Closes the books at the horizon and turns the run's state into its result. */
export function replicationResult(s: RunState, index: number, seed: number, events: number, stoppedEarly: boolean): ReplicationResult {
  // A run the event cap stopped early is measured up to where its clock stopped, like the absences going on then.
  const end = stoppedEarly ? Math.max(s.warmup, Math.min(s.sim.now, s.horizon)) : s.horizon;
  const m = s.metrics;
  const window = end - s.warmup;
  const model = s.model;

  // Work and absences still going on at the end count up to the end.
  for (let p = 0; p < model.people.length; p++) {
    const start = s.segmentStart[p]!;
    const busy = s.busy[p];
    if (busy === Busy.Incident) addTime(m, p, TimeUse.Incident, start, end, s.warmup, end);
    else if (busy === Busy.Partner) addTime(m, p, TimeUse.Pairing, start, end, s.warmup, end);
    else if (busy === Busy.Task) {
      const task = s.task[p]!;
      const handoffEnd = Math.min(end, start + task.handoffLeft);
      addTime(m, p, TimeUse.Handoff, start, handoffEnd, s.warmup, end);
      const use = task.kind === 'review' ? TimeUse.Review : task.kind === 'stage' ? TimeUse.Work : TimeUse.Rework;
      addTime(m, p, use, handoffEnd, end, s.warmup, end);
    }
    if (s.present[p] === 0) bookAbsence(s, p);
  }

  const use = m.timeUse;
  const people: PersonResult[] = model.people.map((person, p) => {
    const at = p * TIME_USE_COUNT;
    const hours: PersonResult['hours'] = {
      work: use[at + TimeUse.Work]!,
      handoff: use[at + TimeUse.Handoff]!,
      rework: use[at + TimeUse.Rework]!,
      review: use[at + TimeUse.Review]!,
      incident: use[at + TimeUse.Incident]!,
      pairing: use[at + TimeUse.Pairing]!,
    };
    // Summed in TIME_USE_NAMES order, from 0, as the figures have always been.
    let busyHours = 0;
    for (const name of TIME_USE_NAMES) busyHours += hours[name];
    const availableHours = Math.max(0, window - m.absentHours[p]!);
    return {
      id: person.id,
      name: person.name,
      availableHours,
      absentHours: m.absentHours[p]!,
      hours,
      utilisation: availableHours > 0 ? Math.min(1, busyHours / availableHours) : 0,
      queue: m.personQueues[p]!.summary(end),
    };
  });

  const waiting = new Int32Array(model.services.length);
  for (const inc of s.incidentQueue) if (inc.counted) waiting[inc.service]!++;
  // Failures nobody has noticed yet (no monitoring) are not restored either.
  for (let i = 0; i < waiting.length; i++) waiting[i]! += m.undetected[i]!;
  for (let p = 0; p < model.people.length; p++) {
    const inc = s.incident[p];
    if (inc?.counted) waiting[inc.service]!++;
  }

  // Durations still running at the end are censored there (Kaplan-Meier percentiles, as metrics.summarize).
  const scratch = m.censoredScratch;
  scratch.reset();
  for (const item of m.openItems) scratch.record(Math.max(0, end - item.arrival));
  const leadTime = distribution(m.leadTime, m.leadTimeStats, scratch);
  scratch.reset();
  for (const inc of m.openIncidents) scratch.record(Math.max(0, end - inc.failedAt));
  const timeToRestore = distribution(m.ttr, m.ttrStats, scratch);
  const serviceTtr = model.services.map((_, i) => {
    scratch.reset();
    for (const inc of m.openIncidents) if (inc.service === i) scratch.record(Math.max(0, end - inc.failedAt));
    return distribution(m.serviceTtrHist[i]!, m.serviceTtr[i]!, scratch);
  });

  const services: ServiceResult[] = model.services.map((svc, i) => ({
    id: svc.id,
    name: svc.name,
    incidents: m.serviceTtr[i]!.count + waiting[i]!,
    unrestored: waiting[i]!,
    ttrMean: m.serviceTtr[i]!.count ? m.serviceTtr[i]!.mean : NaN,
    ttrP95: serviceTtr[i]!.p95,
    ttrReach: serviceTtr[i]!.reach,
    detectMean: m.serviceDetect[i]!.count ? m.serviceDetect[i]!.mean : NaN,
    waitMean: m.serviceWait[i]!.count ? m.serviceWait[i]!.mean : NaN,
    repairMean: m.serviceRepair[i]!.count ? m.serviceRepair[i]!.mean : NaN,
    waitedForAbsent: m.serviceWaitedForAbsent[i]!,
    completed: m.serviceLead[i]!.count,
    leadTimeMean: m.serviceLead[i]!.count ? m.serviceLead[i]!.mean : NaN,
    busFactor: busFactor(s, i, s.knowledge, s.vacant),
    busFactorStart: busFactor(s, i, startKnowledge(s), null),
    knowledgeFromWork: s.learnedByWork[i]!,
    knowledgeFromPairing: s.learnedByPairing[i]!,
  }));

  const completed = m.leadTimeStats.count;
  const wipSummary = m.wip.summary(end);
  const L = wipSummary.mean;
  const lambda = window > 0 ? m.arrivals / window : 0;
  const W = completed > 0 ? m.leadTimeStats.mean : 0;
  return {
    replication: index,
    seed,
    events,
    stoppedEarly,
    windowHours: window,
    hoursPerWeek: model.input.calendar.hoursPerDay * model.input.calendar.daysPerWeek,
    arrivals: m.arrivals,
    completed,
    wipAtEnd: m.wip.value,
    unfinished: m.openItems.size,
    throughputPerWeek: window > 0 ? (completed / window) * model.input.calendar.hoursPerDay * model.input.calendar.daysPerWeek : 0,
    leadTime,
    leadTimeHistogram: m.leadTime.snapshot(),
    timeToRestore,
    ttrHistogram: m.ttr.snapshot(),
    detectMean: m.detect.count ? m.detect.mean : NaN,
    waitMean: m.wait.count ? m.wait.mean : NaN,
    repairMean: m.repair.count ? m.repair.mean : NaN,
    incidents: m.incidents,
    unrestored: waiting.reduce((a, b) => a + b, 0),
    incidentsWaitedForAbsent: m.waitedForAbsent,
    handoffsPerItem: m.handoffs.count ? m.handoffs.mean : NaN,
    reworkPerItem: m.reworks.count ? m.reworks.mean : NaN,
    peoplePerItem: m.peoplePerItem.count ? m.peoplePerItem.mean : NaN,
    flowEfficiency: m.flowEfficiency.count ? m.flowEfficiency.mean : NaN,
    wip: wipSummary,
    queuesBySkill: model.skills.map((sk, i) => ({ id: sk.id, name: sk.name, queue: m.skillQueues[i]!.summary(end) })),
    people,
    services,
    flow: {
      states: flowStates(model.skills),
      counts: m.flow.map((c) => plainArray(c.finish(end))),
      done: plainArray(m.flowDone.finish(end)),
    },
    warmupGap: warmupGap(wipSummary.series),
    littlesLaw: { L, lambda, W, relativeError: L > 0 ? Math.abs(L - lambda * W) / L : 0 },
    ...(s.replayed ? { replayed: s.replayed.slice() } : {}),
  };
}

/**
 * The service's bus factor (see busFactor.ts) from `knowledge` (by person,
 * then service), not counting vacant seats (`vacant`, or none).
 */
function busFactor(s: RunState, service: number, knowledge: Float64Array, vacant: Uint8Array | null): number {
  const svc = s.model.services[service]!;
  const structure = s.model.input.structure;
  let n = 0;
  for (const p of svc.responders) {
    if (vacant?.[p] === 1) continue;
    if (countsTowardBusFactor(structure, knowledge[p * s.nServices + service]!, svc.ownerSet[p] === 1, true)) n++;
  }
  return n;
}

/** Everyone's knowledge as the scenario gives it, before the run (built once per model). */
const startKnowledgeOf = new WeakMap<RunState['model'], Float64Array>();
function startKnowledge(s: RunState): Float64Array {
  let k = startKnowledgeOf.get(s.model);
  if (!k) {
    k = new Float64Array(s.model.people.length * s.nServices);
    s.model.people.forEach((p, i) => k!.set(p.knowledge, i * s.nServices));
    startKnowledgeOf.set(s.model, k);
  }
  return k;
}

/** Mean of the first tenth of a series minus the mean of its second half (NaN points left out). */
export function warmupGap(series: readonly number[]): number {
  const mean = (from: number, to: number) => {
    let sum = 0;
    let n = 0;
    for (let i = from; i < to; i++) {
      if (!Number.isFinite(series[i])) continue;
      sum += series[i]!;
      n++;
    }
    return n > 0 ? sum / n : NaN;
  };
  const k = series.length;
  return mean(0, Math.max(1, Math.round(k / 10))) - mean(Math.floor(k / 2), k);
}

const LEVELS = [0.5, 0.85, 0.95] as const;
const quantiles: number[] = [];

/**
 * What metrics.summarize gives (the same numbers): count, mean and max of the
 * finished durations, Kaplan-Meier p50, p85 and p95 counting the `censored`
 * ones, and the curve's reach, read from the histograms directly rather than
 * from snapshots of them (this runs several times per replication).
 */
function distribution(hist: LogHistogram, stats: Welford, censored: LogHistogram): DistributionSummary {
  const reach = histogramQuantiles(hist, censored, LEVELS, quantiles);
  const [p50, p85, p95] = quantiles as [number, number, number];
  const n = censored.count;
  if (stats.count === 0) return { count: 0, mean: NaN, p50, p85, p95, max: NaN, censored: n, reach };
  return { count: stats.count, mean: stats.mean, p50, p85, p95, max: stats.max, censored: n, reach };
}

/** A typed array's values as a plain array (without Array.from's iterator). */
function plainArray(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}
