/**
 * An independent, deliberately plain implementation of push dispatch, to
 * check the engine against (it shares no code with simulation/model/):
 *
 * - work items of each service arrive as a Poisson process and pass through
 *   the service's stages in order, each needing one skill;
 * - when a stage becomes ready it is given to the qualified person (level at
 *   least `minSkillLevel`, and above 0) with the fewest tasks waiting or in
 *   hand; ties go to the higher level in the stage's skill, then the better
 *   knowledge of the service, then whoever has been free longest, then the
 *   smaller id;
 * - each person works through their own queue first come, first served, at
 *   speed `efficiencyAtZero + (1 - efficiencyAtZero) * level`;
 * - no handoff cost, rework, review, incidents, absences or learning.
 *
 * Its own random numbers (mulberry32, Box-Muller), its own event list (an
 * array scanned for the earliest event). Returns the lead times of the items
 * that arrived and finished before the horizon.
 */

export interface RefStage {
  skill: string;
  /** Lognormal by its mean and sigma (as the product's), or a constant when sigma is 0. */
  mean: number;
  sigma: number;
}

export interface RefService {
  id: string;
  ratePerHour: number;
  stages: RefStage[];
  knowledge: Record<string, number>;
}

export interface RefPerson {
  id: string;
  skills: Record<string, number>;
}

export interface RefModel {
  people: RefPerson[];
  services: RefService[];
  minSkillLevel: number;
  efficiencyAtZero: number;
  horizonHours: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Job {
  arrival: number;
  service: RefService;
  stage: number;
  hours: number[];
}

interface Worker {
  person: RefPerson;
  queue: Job[];
  current: Job | null;
  freeSince: number;
}

interface Event {
  time: number;
  order: number;
  run: () => void;
}

export function referencePushLeadTimes(model: RefModel, seed: number): number[] {
  const random = mulberry32(seed);
  const lognormal = (mean: number, sigma: number) => {
    if (sigma === 0) return mean;
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * z);
  };
  const events: Event[] = [];
  let order = 0;
  let now = 0;
  const at = (time: number, run: () => void) => events.push({ time, order: order++, run });
  const leadTimes: number[] = [];
  const workers: Worker[] = model.people.map((person) => ({ person, queue: [], current: null, freeSince: 0 }));
  const level = (w: Worker, skill: string) => w.person.skills[skill] ?? 0;

  const start = (w: Worker) => {
    if (w.current || w.queue.length === 0) return;
    const job = w.queue.shift()!;
    w.current = job;
    const stage = job.service.stages[job.stage]!;
    const speed = model.efficiencyAtZero + (1 - model.efficiencyAtZero) * level(w, stage.skill);
    at(now + job.hours[job.stage]! / speed, () => {
      w.current = null;
      w.freeSince = now;
      job.stage++;
      if (job.stage < job.service.stages.length) ready(job);
      else leadTimes.push(now - job.arrival);
      start(w);
    });
  };

  const ready = (job: Job) => {
    const skill = job.service.stages[job.stage]!.skill;
    const qualified = workers.filter((w) => level(w, skill) > 0 && level(w, skill) >= model.minSkillLevel);
    if (qualified.length === 0) return;
    const load = (w: Worker) => w.queue.length + (w.current ? 1 : 0);
    const knows = (w: Worker) => job.service.knowledge[w.person.id] ?? 0;
    qualified.sort(
      (a, b) =>
        load(a) - load(b) ||
        level(b, skill) - level(a, skill) ||
        knows(b) - knows(a) ||
        a.freeSince - b.freeSince ||
        (a.person.id < b.person.id ? -1 : 1),
    );
    const w = qualified[0]!;
    w.queue.push(job);
    start(w);
  };

  for (const service of model.services) {
    let t = -Math.log(1 - random()) / service.ratePerHour;
    while (t < model.horizonHours) {
      const arrival = t;
      const hours = service.stages.map((s) => lognormal(s.mean, s.sigma));
      at(arrival, () => ready({ arrival, service, stage: 0, hours }));
      t += -Math.log(1 - random()) / service.ratePerHour;
    }
  }

  while (events.length > 0) {
    let next = 0;
    for (let i = 1; i < events.length; i++) {
      const e = events[i]!;
      const best = events[next]!;
      if (e.time < best.time || (e.time === best.time && e.order < best.order)) next = i;
    }
    const event = events.splice(next, 1)[0]!;
    if (event.time > model.horizonHours) break;
    now = event.time;
    event.run();
  }
  return leadTimes;
}
