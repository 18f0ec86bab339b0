/**
 * A synthetic but realistic PagerDuty incident export for the walled data
 * team example: about 300 incidents over 2026 on its three services, in
 * Europe/Berlin time with offsets (winter +01:00, summer +02:00), as the
 * Incidents report's CSV download lays them out. Written to
 * examples/incidents/sample-pagerduty.csv by simulation/cli/writeSampleIncidents.ts;
 * a test checks the file is what this makes.
 *
 * What it contains, on purpose:
 * - The nine-hour outage: on Friday 26 June 2026 the core platform
 *   prediction module fails at 13:00 while Sam, the only person who knows
 *   it, is on the last day of ten weeks' leave (the example's planned
 *   absence, working hours 600-1000); Mel cannot fix it, Sam restores it on
 *   Monday at 14:00: 9 working hours. No other incident of that service
 *   happens during the leave.
 * - A few rows whose service is written "prediction-api (prod)", and two of
 *   a "Billing API" the model does not have, so the mapping step has work;
 *   a responder ("Alex Kim") who is not in the model.
 * - Bad rows: two still open (no resolved time), two resolved before they
 *   started, one with "n/a" for seconds to first acknowledgement.
 * - Descriptions with commas (quoted), a few incidents at night or at the
 *   weekend, and a few times written in UTC ("Z").
 */
import Papa from 'papaparse';
import { RandomStreams } from '../random/randomStreams';
import { sample } from '../random/sample';
import type { Calendar } from '../scenario/schema';
import { formatInZone, toInstant } from '../replay/dates';
import { workingHoursToDate } from '../replay/workingTime';

export const SAMPLE_TIME_ZONE = 'Europe/Berlin';
const SEED = 20260626;
const CALENDAR: Calendar = { startDate: '2026-01-05', hoursPerDay: 8, daysPerWeek: 5, weeksPerYear: 50 };
/** Working hours in the log: 2026-01-05 to the end of December. */
const SPAN = 51 * 40 + 3 * 8;
const SAM_LEAVE: readonly [number, number] = [600, 1000];

interface ServiceSpec {
  id: string;
  logName: string;
  perHour: number;
  /** Repair time in working hours: lognormal mean and sigma. */
  repair: { mean: number; sigma: number };
  owner: string;
  helpers: string[];
  problems: string[];
}

const SERVICES: ServiceSpec[] = [
  {
    id: 'PRECS01',
    logName: 'Recommendation service',
    perHour: 105 / SPAN,
    repair: { mean: 2.5, sigma: 0.9 },
    owner: 'Mel',
    helpers: ['Dana'],
    problems: ['Stale recommendations, model not refreshed since {d}', 'Recommendations empty for segment {n}, fallback served', 'Feature store lag, {n} h behind', 'CTR dropped {n}%, ranking looks random', 'Batch scoring job failed, OOM on worker {n}'],
  },
  {
    id: 'PPRED02',
    logName: 'Prediction API',
    perHour: 165 / SPAN,
    repair: { mean: 1.5, sigma: 0.8 },
    owner: 'Mel',
    helpers: ['Sam', 'Dana'],
    problems: ['Latency high, p99 > {n}00 ms', 'HTTP 5xx rate {n}% on /predict', 'Model server restarting, liveness probe failing', 'Timeouts from checkout, retries exhausted', 'Memory leak in scorer, pod {n} evicted'],
  },
  {
    id: 'PCORE03',
    logName: 'Core platform prediction module',
    perHour: 28 / SPAN,
    repair: { mean: 3, sigma: 0.9 },
    owner: 'Sam',
    helpers: ['Mel'],
    problems: ['Prediction module returns defaults, Scala client misconfigured', 'Deploy of core module rolled back, health check red', 'Thread pool exhausted in prediction module, {n} requests queued'],
  },
];

const HEADER = [
  'incident_number',
  'id',
  'description',
  'service_id',
  'service_name',
  'urgency',
  'created_on',
  'resolved_on',
  'seconds_to_first_ack',
  'seconds_to_resolve',
  'auto_resolved',
  'escalation_count',
  'reassignment_count',
  'assigned_to_user_names',
  'resolved_by_user_name',
] as const;

type Row = Record<(typeof HEADER)[number], string>;

/** An instant at working hour `h` (Berlin), plus `extraMinutes` of wall-clock time (for nights). */
function instantAt(h: number, extraMinutes = 0): number {
  const d = workingHoursToDate(h, CALENDAR);
  const [y, m, day] = d.date.split('-').map(Number) as [number, number, number];
  return toInstant({ year: y, month: m, day, hour: 0, minute: 0, second: 0, millisecond: 0, offsetMinutes: null }, SAMPLE_TIME_ZONE) + (d.minutes + extraMinutes) * 60_000;
}

/** The sample export's rows, in the order PagerDuty lists them (by creation). */
export function sampleIncidentRows(): Row[] {
  const streams = new RandomStreams(SEED);
  const rows: { at: number; row: Row }[] = [];
  let number = 1000;
  for (const svc of SERVICES) {
    const rng = streams.stream(`incidents:${svc.id}`);
    for (let t = -Math.log(1 - rng.next()) / svc.perHour; t < SPAN; t += -Math.log(1 - rng.next()) / svc.perHour) {
      if (svc.owner === 'Sam' && t >= SAM_LEAVE[0] && t < SAM_LEAVE[1]) continue;
      const night = rng.next() < 0.06;
      const repair = sample({ kind: 'lognormal', ...svc.repair }, rng);
      const ackMinutes = 2 + Math.round(-Math.log(1 - rng.next()) * 9);
      const problem = svc.problems[rng.int(svc.problems.length)]!.replace('{n}', String(2 + rng.int(30))).replace('{d}', `${1 + rng.int(27)}.${1 + rng.int(12)}.`);
      const helped = rng.next() < 0.25;
      const helper = svc.helpers[rng.int(svc.helpers.length)]!;
      let created: number;
      let resolved: number;
      if (night) {
        // Out of hours: someone answers the page from home and it is over within the night.
        const day = Math.floor(t / 8) * 8;
        created = instantAt(day, 8 * 60 + 180 + rng.int(180));
        resolved = created + (20 + rng.int(100)) * 60_000;
      } else {
        created = instantAt(t);
        resolved = instantAt(t + ackMinutes / 60 + repair);
      }
      const zulu = rng.next() < 0.03;
      rows.push({
        at: created,
        row: {
          incident_number: '',
          id: `Q${(svc.id.charCodeAt(1) * 7919 + Math.floor(t * 1000)).toString(36).toUpperCase()}`,
          description: problem,
          service_id: svc.id,
          service_name: svc.logName,
          urgency: rng.next() < 0.3 ? 'low' : 'high',
          created_on: zulu ? new Date(created).toISOString().replace('.000Z', 'Z') : formatInZone(created, SAMPLE_TIME_ZONE),
          resolved_on: formatInZone(resolved, SAMPLE_TIME_ZONE),
          seconds_to_first_ack: String(ackMinutes * 60),
          seconds_to_resolve: String(Math.round((resolved - created) / 1000)),
          auto_resolved: night && rng.next() < 0.3 ? 'true' : 'false',
          escalation_count: String(rng.next() < 0.15 ? 1 : 0),
          reassignment_count: String(helped ? 1 : 0),
          assigned_to_user_names: helped ? `${svc.owner}, ${helper}` : svc.owner,
          resolved_by_user_name: svc.owner,
        },
      });
    }
  }

  // The nine-hour outage: Friday 26 June 2026, 13:00, Sam on leave until Monday.
  const outageStart = toInstant({ year: 2026, month: 6, day: 26, hour: 13, minute: 0, second: 0, millisecond: 0, offsetMinutes: null }, SAMPLE_TIME_ZONE);
  const outageEnd = toInstant({ year: 2026, month: 6, day: 29, hour: 14, minute: 0, second: 0, millisecond: 0, offsetMinutes: null }, SAMPLE_TIME_ZONE);
  rows.push({
    at: outageStart,
    row: {
      incident_number: '',
      id: 'Q9HOURS',
      description: 'Core platform prediction module down, checkout shows no predictions; only Sam knows the module (on leave)',
      service_id: 'PCORE03',
      service_name: 'Core platform prediction module',
      urgency: 'high',
      created_on: formatInZone(outageStart, SAMPLE_TIME_ZONE),
      resolved_on: formatInZone(outageEnd, SAMPLE_TIME_ZONE),
      seconds_to_first_ack: '540',
      seconds_to_resolve: String(Math.round((outageEnd - outageStart) / 1000)),
      auto_resolved: 'false',
      escalation_count: '3',
      reassignment_count: '2',
      assigned_to_user_names: 'Mel, Alex Kim, Sam',
      resolved_by_user_name: 'Sam',
    },
  });

  rows.sort((a, b) => a.at - b.at);
  const out = rows.map((r) => r.row);
  out.forEach((r) => (r.incident_number = String(++number)));

  // Rows for the mapping step and the bad-row report, spread through the year.
  const rng = streams.stream('quirks');
  const pick = (predicate: (r: Row) => boolean) => {
    const candidates = out.filter(predicate);
    return candidates[rng.int(candidates.length)]!;
  };
  const plain = (r: Row) => r.service_name !== 'Core platform prediction module' && r.id !== 'Q9HOURS';
  for (let i = 0; i < 7; i++) pick((r) => r.service_name === 'Prediction API').service_name = 'prediction-api (prod)';
  for (let i = 0; i < 2; i++) Object.assign(pick(plain), { service_name: 'Billing API', service_id: 'PBILL09', description: 'Invoice export failing, "duplicate key" on batch insert' });
  for (let i = 0; i < 3; i++) pick(plain).assigned_to_user_names += ', Alex Kim';
  for (let i = 0; i < 2; i++) Object.assign(pick(plain), { resolved_on: '', seconds_to_resolve: '' });
  for (let i = 0; i < 2; i++) {
    const r = pick(plain);
    // Clock skew in an integration: resolved stamped an hour before it was created.
    const created = Date.parse(r.created_on);
    Object.assign(r, { resolved_on: formatInZone(created - 3_600_000, SAMPLE_TIME_ZONE), seconds_to_resolve: '-3600' });
  }
  pick(plain).seconds_to_first_ack = 'n/a';
  return out;
}

/** The sample export as CSV text (Papa Parse quotes what needs quoting). */
export function sampleIncidentCsv(): string {
  return Papa.unparse({ fields: [...HEADER], data: sampleIncidentRows().map((r) => HEADER.map((h) => r[h])) }, { newline: '\n' }) + '\n';
}
