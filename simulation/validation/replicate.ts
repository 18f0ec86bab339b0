/**
 * Runs replications of a scenario the way the product does (replication i
 * gets `replicationSeed(run seed, i)`), so two arms built from the same run
 * seed see common random numbers: the same arrivals, efforts and failures
 * wherever their streams have the same names.
 */
import type { Scenario } from '../scenario/schema';
import { runReplication, replicationSeed } from '../model/replication';
import type { ReplicationResult } from '../model/results';
import { compile } from './scenarioBuilder';

/** Replications 0..n-1 of the scenario's base model, with its run seed (or `n` from its run settings). */
export function replicate(scenario: Scenario, n = scenario.run.replications): ReplicationResult[] {
  const model = compile(scenario);
  const out: ReplicationResult[] = [];
  for (let i = 0; i < n; i++) {
    const result = runReplication(model, i, replicationSeed(scenario.run.seed, i));
    if (result.stoppedEarly) throw new Error(`replication ${i} hit the event cap`);
    out.push(result);
  }
  return out;
}

/** One replication with the run seed itself (for hand-computed cases, where luck plays no part). */
export function runOnce(scenario: Scenario): ReplicationResult {
  return runReplication(compile(scenario), 0, scenario.run.seed);
}

/** A service's result by id (throws if missing, so a typo cannot pass silently). */
export function serviceOf(result: ReplicationResult, id: string): ReplicationResult['services'][number] {
  const svc = result.services.find((s) => s.id === id);
  if (!svc) throw new Error(`no service ${id}`);
  return svc;
}

/** A person's result by id. */
export function personOf(result: ReplicationResult, id: string): ReplicationResult['people'][number] {
  const person = result.people.find((p) => p.id === id);
  if (!person) throw new Error(`no person ${id}`);
  return person;
}
