import type { EventHandle, EventHandler, Simulation } from '../kernel/simulation';
import type { RandomStream } from '../random/randomStream';
import type { Xoshiro128StarStar } from '../random/xoshiro128';
import type { OpenLinks } from './openList';
import type { RandomStreams } from '../random/randomStreams';
import type { CompiledModel } from './compile';
import type { Metrics } from './metrics';
import type { WeeklySeries } from './weeklySeries';
import type { Distribution } from '../random/distribution';

/** A feature or change moving through its service's stages. */
export interface Item extends OpenLinks<Item> {
  id: number;
  service: number;
  arrival: number;
  /** Effort (hours at level 1) of each stage, then of the review, sampled on arrival. */
  efforts: number[];
  /** Who last worked on it (-1: nobody yet) and in which skill. */
  lastWorker: number;
  lastSkill: number;
  handoffs: number;
  reworks: number;
  /** Hands-on hours (stage work, rework, review; not handoffs or waiting). */
  touch: number;
  /** Distinct people who worked on it: the first `peopleCount` entries (small; a plain list, reused with the item). */
  people: number[];
  peopleCount: number;
  /** Its own random numbers (rework, pairing), so one item's luck does not shift another's across structures. */
  rng: Xoshiro128StarStar;
  counted: boolean;
  /** Where it is for the cumulative flow diagram (index in Metrics.flow; -1: not yet anywhere). */
  flowState: number;
}

export type TaskKind = 'stage' | 'rework' | 'redo' | 'review';

/** One piece of work on an item that one person (or a pair) does. */
export interface Task {
  item: Item;
  kind: TaskKind;
  stage: number;
  /** Skill index (-1 for review, which needs knowledge of the service). */
  skill: number;
  effortLeft: number;
  handoffLeft: number;
  /** Knowledge gap of the handoff into this task (-1: none), for the rework decision. */
  gap: number;
  selfService: boolean;
  candidates: readonly number[];
  /** 1 for each person in `candidates` (null when there is a single candidate). */
  candidateSet: Uint8Array | null;
  readyAt: number;
  seq: number;
}

/** A failure of a service, from failure to restore. */
export interface Incident extends OpenLinks<Incident> {
  service: number;
  failedAt: number;
  detectedAt: number;
  /** Repair effort left (hours for someone who knows the service fully). */
  effortLeft: number;
  startedAt: number;
  /** Hours someone has worked on it so far (its repair time, however often it was interrupted). */
  workedHours: number;
  waitedForAbsent: boolean;
  counted: boolean;
  /** Its index in the replayed incidents, -1 for a random failure. */
  replay: number;
  /**
   * While it waits: the person (busy with another incident) it waits for
   * because they would restore it sooner than anyone free could (-1: nobody
   * in particular).
   */
  waitsFor: number;
  /** The expected repair hours it added to `RunState.awaitedHours` of the person it waits for. */
  awaitedHours: number;
}

/** What a person is doing now. */
export const Busy = {
  Idle: 0,
  Task: 1,
  Incident: 2,
  /** Helping another person as the second of a pair. */
  Partner: 3,
} as const;

/** Categories of busy time, per person. */
export const TimeUse = {
  Work: 0,
  Handoff: 1,
  Rework: 2,
  Review: 3,
  Incident: 4,
  Pairing: 5,
} as const;
export const TIME_USE_COUNT = 6;
export const TIME_USE_NAMES = ['work', 'handoff', 'rework', 'review', 'incident', 'pairing'] as const;

/** Everything that changes during one replication. */
export interface RunState {
  model: CompiledModel;
  sim: Simulation;
  streams: RandomStreams;
  horizon: number;
  warmup: number;
  nSkills: number;
  nServices: number;
  seq: number;
  // people, by index
  present: Uint8Array;
  vacant: Uint8Array;
  absentCount: Int32Array;
  busy: Uint8Array;
  task: (Task | null)[];
  incident: (Incident | null)[];
  /** The task put aside for an incident, resumed after it. */
  paused: (Task | null)[];
  partner: Int32Array;
  /** For a partner: the person they pair with. */
  pairedWith: Int32Array;
  segmentStart: Float64Array;
  segmentSpeed: Float64Array;
  done: (EventHandle | null)[];
  freeSince: Float64Array;
  skill: Float64Array;
  knowledge: Float64Array;
  rampStart: Float64Array;
  rampEnd: Float64Array;
  /** Tasks that only this person may do, oldest first. */
  personalQueue: Task[][];
  /** Tasks any of several people may do, per team (last: services without a team). */
  teamQueue: Task[][];
  /** Items waiting for the team's WIP limit, per team. */
  admission: Item[][];
  teamWip: Int32Array;
  incidentQueue: Incident[];
  /** Per person: expected repair hours of the incidents waiting for them (see Incident.waitsFor). */
  awaitedHours: Float64Array;
  /** Per person: how many incidents wait for them. */
  awaitedCount: Int32Array;
  /** Tasks nobody may ever take (a stage no one is qualified for). */
  stuck: number;
  /** People freed while state was being changed, to be offered work afterwards. */
  wake: number[];
  absentSince: Float64Array;
  /** Knowledge gained per service, summed over people: by own work on it, and by pairing (see learnService). */
  learnedByWork: Float64Array;
  learnedByPairing: Float64Array;
  metrics: Metrics;
  /**
   * When recorded incidents are replayed: for each, in replay-list order,
   * time to restore, detect, wait and repair (NaN until it is restored).
   */
  replayed: Float64Array | null;
  /** Per-week lead time and time to restore, when asked for (see ReplicationOptions.weekly). */
  weekly: WeeklySeries | null;
  /** Streams by service or person, filled on first use (see streams.ts). */
  workStreams: (RandomStream | undefined)[];
  detectStreams: (RandomStream | undefined)[];
  repairStreams: (RandomStream | undefined)[];
  hireStreams: (RandomStream | undefined)[];
  /** Event handlers per person, made on first use and kept while the state is reused. */
  onTaskDone: (EventHandler | undefined)[];
  onIncidentDone: (EventHandler | undefined)[];
  onAbsenceEnd: (EventHandler | undefined)[];
  /**
   * Finished items and tasks, reused by the next ones (in this replication
   * and the next ones of the same state) instead of allocated: nothing refers
   * to an item once it is done, or to a task once it is finished.
   */
  itemPool: Item[];
  taskPool: Task[];
  /** `[p]` for each person p: the candidates of self-service work handed back to p. */
  solo: (readonly number[])[];
  /**
   * While a run is to be copied at some time (see fork.ts): how to make each
   * pending event's handler again for the copy. Null otherwise (nothing is noted).
   */
  recipes: Map<EventHandler, EventRecipe> | null;
  /**
   * While a run is to be copied: for each person, how many events had been
   * scheduled before each of their planned absences, then after the last
   * (see fork.ts). Null otherwise.
   */
  absenceMarks: number[][] | null;
}

/**
 * What an event does, as data, for a copy of the run (see fork.ts): the
 * handler made for the copy does the same to the copy's state.
 */
export type EventRecipe =
  | { kind: 'taskDone' | 'incidentDone' | 'absenceEnd' | 'depart' | 'hire'; p: number }
  | { kind: 'planned'; p: number; end: number }
  | { kind: 'offDuty'; p: number; end: number; latest: number }
  | { kind: 'randomAbsence'; p: number; name: string; rate: number; hours: Distribution; duration: number }
  | { kind: 'arrive' | 'arriveAt' | 'fail'; service: number }
  | { kind: 'detect'; incident: Incident }
  | { kind: 'shift' }
  | { kind: 'restart'; at: number };

/** Index of a team's queue for a service's team (-1: the shared one at the end). */
export const queueOfTeam = (s: RunState, team: number): number => (team >= 0 ? team : s.teamQueue.length - 1);
