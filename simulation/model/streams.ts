import type { RandomStream } from '../random/randomStream';
import type { RunState } from './runState';

/**
 * The named random streams the model draws from per event, fetched from
 * `RunState.streams` on first use in a replication and kept in arrays, so an
 * event does not look a name up. The names (built once by compileModel, in
 * `streamNames`) are part of the reproducibility contract: they fix the
 * numbers, and let structures share them. Per service: `arrivals:`,
 * `incidents:`, `work:`, `detect:`, `repair:` + its id; per person:
 * `vacation:`, `sickness:`, `departure:`, `hire:` + their id.
 */
export function workStream(s: RunState, service: number): RandomStream {
  return (s.workStreams[service] ??= s.streams.stream(s.model.services[service]!.streamNames.work));
}

export function detectStream(s: RunState, service: number): RandomStream {
  return (s.detectStreams[service] ??= s.streams.stream(s.model.services[service]!.streamNames.detect));
}

export function repairStream(s: RunState, service: number): RandomStream {
  return (s.repairStreams[service] ??= s.streams.stream(s.model.services[service]!.streamNames.repair));
}

export function hireStream(s: RunState, person: number): RandomStream {
  return (s.hireStreams[person] ??= s.streams.stream(s.model.people[person]!.streamNames.hire));
}
