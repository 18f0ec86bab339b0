import { Simulation } from '../kernel/simulation';
import { RandomStreams } from '../random/randomStreams';

/**
 * A lower bound for the organisation benchmark: the same organisation (50
 * people, 20 services, features at 0.025 per hour per service through three
 * lognormal stages of 8, 6 and 16 hours, incidents at 0.005 per hour per
 * service, vacations and sick days, 2,000 hours) reduced to the fewest
 * operations that still produce its events, on the same kernel and random
 * streams: walled, each stage of a service done by one named person from a
 * first-come first-served queue, incidents handled first by the service's
 * first specialist, absences that only stop people starting work. No
 * handoffs, learning, review, WIP limits, pairing, dispatch policy or
 * statistics beyond a lead-time sum.
 *
 * It is not the model and its numbers mean nothing; its time per model run
 * says how fast any faithful model of this organisation could be on this
 * machine with this kernel, so the real model's time can be read against it.
 */
export function runOrgSkeleton(seed: number): { events: number; meanLeadTime: number } {
  const horizon = 2000;
  const people = 50;
  const services = 20;
  const stageHours = [8, 6, 16];
  const sim = new Simulation();
  const streams = new RandomStreams(seed);
  const busy = new Uint8Array(people);
  const present = new Uint8Array(people).fill(1);
  // A queue entry is an item's arrival time and its stage, or an incident (stage -1); kept as parallel FIFO arrays.
  const queueArrival: number[][] = Array.from({ length: people }, () => []);
  const queueStage: number[][] = Array.from({ length: people }, () => []);
  const queueService: number[][] = Array.from({ length: people }, () => []);
  const current = new Int32Array(people * 3);
  const currentArrival = new Float64Array(people);
  let leadSum = 0;
  let finished = 0;
  const work = streams.stream('work');
  const lognormal = (mean: number): number => {
    const z = Math.sqrt(-2 * Math.log(1 - work.next())) * Math.cos(2 * Math.PI * work.next());
    return Math.exp(Math.log(mean) - 0.125 + 0.5 * z);
  };
  const specialist = (service: number, stage: number): number => (service * 5 + Math.max(0, stage) * 17) % people;

  const start = (p: number): void => {
    const stage = queueStage[p]!.shift()!;
    current[p * 3] = stage;
    current[p * 3 + 1] = queueService[p]!.shift()!;
    currentArrival[p] = queueArrival[p]!.shift()!;
    busy[p] = 1;
    sim.schedule(stage < 0 ? -3 * Math.log(1 - work.next()) : lognormal(stageHours[stage]!), finish[p]!);
  };
  const ready = (arrival: number, stage: number, service: number): void => {
    const p = specialist(service, stage);
    if (stage < 0) {
      queueArrival[p]!.unshift(arrival);
      queueStage[p]!.unshift(stage);
      queueService[p]!.unshift(service);
    } else {
      queueArrival[p]!.push(arrival);
      queueStage[p]!.push(stage);
      queueService[p]!.push(service);
    }
    if (busy[p] === 0 && present[p] === 1) start(p);
  };
  const finish = Array.from({ length: people }, (_, p) => () => {
    busy[p] = 0;
    const stage = current[p * 3]!;
    if (stage >= 0 && stage < 2) ready(currentArrival[p]!, stage + 1, current[p * 3 + 1]!);
    else if (stage === 2) {
      leadSum += sim.now - currentArrival[p]!;
      finished++;
    }
    if (present[p] === 1 && queueStage[p]!.length > 0) start(p);
  });

  const poisson = (name: string, rate: number, event: () => void): void => {
    const stream = streams.stream(name);
    const next = (): void => {
      const gap = -Math.log(1 - stream.next()) / rate;
      if (sim.now + gap < horizon) sim.schedule(gap, fire);
    };
    const fire = (): void => {
      event();
      next();
    };
    next();
  };
  for (let service = 0; service < services; service++) {
    poisson(`arrivals:${service}`, 0.025, () => ready(sim.now, 0, service));
    poisson(`incidents:${service}`, 0.005, () => ready(sim.now, -1, service));
  }
  for (let p = 0; p < people; p++) {
    const back = (): void => {
      present[p] = 1;
      if (busy[p] === 0 && queueStage[p]!.length > 0) start(p);
    };
    const vacation = streams.stream(`vacation-hours:${p}`);
    poisson(`vacation:${p}`, 4 / horizon, () => {
      present[p] = 0;
      sim.schedule(20 + 60 * vacation.next(), back);
    });
    poisson(`sickness:${p}`, 6 / horizon, () => {
      present[p] = 0;
      sim.schedule(8, back);
    });
  }
  const outcome = sim.run({ until: horizon });
  return { events: outcome.eventsProcessed, meanLeadTime: leadSum / finished };
}

/** `modelRuns` runs of the skeleton in this thread. */
export function benchOrgSkeleton(modelRuns = 300): Record<string, number> {
  let events = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < modelRuns; i++) events += runOrgSkeleton(i + 1).events;
  const wallSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    modelRuns,
    wallSeconds,
    msPerModelRun: (wallSeconds * 1000) / modelRuns,
    eventsPerModelRun: events / modelRuns,
    nsPerEvent: (wallSeconds * 1e9) / events,
    // 2,000 model runs on 2 workers at this speed, with no overhead at all.
    orgCaseFloorSeconds: (wallSeconds / modelRuns) * 1000,
  };
}
