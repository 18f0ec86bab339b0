/**
 * Calibrating to a log in one step (issue 15, item 4): who knows what,
 * inferred from who resolved the incidents and how fast, checked against a
 * synthetic log drawn from known knowledge; and after the step, a log whose
 * responders are all in the model replays to its recorded total within
 * +-50% and a per-incident median ratio within [0.5, 2].
 */
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../../simulation/random/randomStreams';
import { sample } from '../../../../simulation/random/sample';
import { applyServiceProposal, proposeCalibration } from '../../../../simulation/replay/calibrationProposal';
import { efficiency01, inferKnowledge } from '../../../../simulation/replay/knowledge';
import { runReplay } from '../../../../simulation/replay/replayComparison';
import { baselineFit, FIT_BOUNDS } from '../../../../simulation/replay/replayFit';
import type { RecordedIncident, Scenario } from '../../../../simulation/scenario/schema';
import { incident, logOf, OFFICE } from './logAt';
import { service, tinyTeam } from './tinyTeam';

const E0 = 0.25;
/** Ground truth: who knows each service how well, and the repair time (lognormal) for someone who knows it fully. */
const TRUTH = {
  api: { knowledge: { ann: 1, bob: 0.5, cat: 0.2 }, median: 1, sigma: 0.6 },
  db: { knowledge: { bob: 1, ann: 0.6 }, median: 2, sigma: 0.5 },
} as const;

/**
 * A log drawn from TRUTH: incidents at random moments (`hours` of the day
 * they may start), resolved by a random knower, whose repair takes the
 * expert's time divided by their speed (the engine's efficiency).
 */
function draw(seed: number, n: number, startHours: [number, number], dayOfWeek = 5): RecordedIncident[] {
  const rng = new RandomStreams(seed).stream('log');
  const out: RecordedIncident[] = [];
  for (let i = 0; i < n; i++) {
    const svc = rng.next() < 0.6 ? 'api' : 'db';
    const truth = TRUTH[svc];
    const people = Object.keys(truth.knowledge) as (keyof typeof truth.knowledge)[];
    const who = people[rng.int(people.length)]!;
    const day = Math.floor(i / 2);
    const week = Math.floor(day / dayOfWeek);
    const start = (week * 7 + (day % dayOfWeek)) * 24 + startHours[0] + rng.next() * (startHours[1] - startHours[0]);
    const ack = start + sample({ kind: 'lognormal', mean: 0.1, sigma: 0.5 }, rng);
    const expert = Math.exp(Math.log(truth.median) + truth.sigma * Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()));
    const repair = expert / efficiency01(E0, truth.knowledge[who as never] as number);
    out.push(incident(String(i), svc, start, ack, ack + repair, [who], who));
  }
  return out;
}

describe('knowledge inferred from who resolved what', () => {
  // 2,400 incidents in working hours (09:00-11:00), nearly all finished the same day: about 480 repairs per person and
  // service, a standard error of about 0.6 sqrt(2 / 480) = 0.04 on the log speed ratio, so about 0.03 on knowledge.
  const log = logOf(draw(5, 2400, [9, 11]));
  const inferred = inferKnowledge(log, ['api', 'db'], E0, OFFICE);
  const k = (svc: string, p: string) => inferred.find((e) => e.serviceId === svc && e.personId === p)?.knowledge;

  it('recovers each person’s knowledge of each service within 0.1 (three standard errors)', () => {
    for (const [svc, t] of Object.entries(TRUTH)) for (const [p, level] of Object.entries(t.knowledge)) expect(Math.abs(k(svc, p)! - level)).toBeLessThan(0.1);
    // Nobody who never touched a service is said to know it.
    expect(k('db', 'cat')).toBeUndefined();
  });

  it('gives someone only named on an incident the floor, and says so', () => {
    const named = logOf([...log.incidents, { ...incident('x', 'db', 10, 10.1, 11, ['bob', 'cat'], 'bob') }]);
    const e = inferKnowledge(named, ['db'], E0, OFFICE).find((x) => x.personId === 'cat')!;
    expect(e).toMatchObject({ knowledge: 0.2, basis: 'named', resolved: 0, involved: 1 });
  });
});

describe('calibrating to a log whose responders are all in the model', () => {
  // 400 incidents round the clock (any hour, any day), answered at night as by day: the record of a team with an on-call rotation.
  const log = logOf(draw(9, 400, [0, 24], 7));
  // The model as first drawn: each service owned by one person who knows it, default times, no on-call.
  const drawn: Scenario = tinyTeam(['ann', 'bob', 'cat'], [service('api', ['ann'], ['ann'], 4, 0.5), service('db', ['bob'], ['bob'], 4, 0.5)], log);
  const options = { variants: [{ kind: 'base' as const }], replications: 40, seed: 2, detection: 'model' as const };

  it('fits poorly as first drawn, and within the bounds after one calibration step', () => {
    const before = baselineFit(runReplay(drawn, log, options))!;
    expect(before.good).toBe(false);
    expect(before.causes.some((c) => c.includes('no on-call rotation'))).toBe(true);

    const proposal = proposeCalibration(drawn, log);
    expect(proposal.onCall).toMatchObject({ enabled: true });
    expect(new Set(proposal.onCall!.rotation)).toEqual(new Set(['ann', 'bob', 'cat']));
    const calibrated: Scenario = {
      ...drawn,
      services: drawn.services.map((s) => applyServiceProposal(s, proposal.services.find((p) => p.serviceId === s.id)!)),
      structure: { ...drawn.structure, onCall: proposal.onCall! },
    };
    // Everyone who resolved a fair share responds.
    expect(calibrated.services.find((s) => s.id === 'api')!.owners.sort()).toEqual(['ann', 'bob', 'cat']);
    const after = baselineFit(runReplay(calibrated, log, { ...options, pageHours: proposal.pageHours ?? 0 }))!;
    expect(after.totalRatio).toBeGreaterThanOrEqual(FIT_BOUNDS.total[0]);
    expect(after.totalRatio).toBeLessThanOrEqual(FIT_BOUNDS.total[1]);
    expect(after.medianRatio).toBeGreaterThanOrEqual(FIT_BOUNDS.median[0]);
    expect(after.medianRatio).toBeLessThanOrEqual(FIT_BOUNDS.median[1]);
    expect(after.good).toBe(true);
  });
});
