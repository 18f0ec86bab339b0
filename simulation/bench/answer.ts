import { readFileSync } from 'node:fs';
import { WorkerPool } from '../cli/workerPool';
import { precisionTarget } from '../run/precision';
import { scenarioSchema, type Scenario } from '../scenario/schema';
import { ORG_VARIANTS, organisation } from './org';

/** The walled data team example, as shipped (the bench is built next to nothing, so it is read from the source tree). */
export function walledDataTeam(): Scenario {
  return scenarioSchema.parse(JSON.parse(readFileSync(new URL('../../simulation/examples/walled-data-team.handoff.json', import.meta.url), 'utf8')));
}

/**
 * What a user waits for: walled vs cross-functional run until precise at the
 * default precision (2 points lead time, 5 time to restore, 30 to the
 * scenario's replications), on a new pool of `workers`, timed from starting
 * the pool. `halfWidthPct` is the least precise headline figure's half-width at
 * the stop (percentage points), `precise` 1 when every figure met its target.
 */
export async function benchAnswer(scenario: Scenario, workers: number): Promise<Record<string, number>> {
  const started = process.hrtime.bigint();
  const pool = new WorkerPool(workers);
  let firstCheckpointSeconds = NaN;
  try {
    const result = await pool.run(scenario, {
      replications: scenario.run.replications,
      precision: precisionTarget(scenario.run.replications),
      seed: scenario.run.seed,
      variants: ORG_VARIANTS,
      onCheckpoint: () => {
        if (Number.isNaN(firstCheckpointSeconds)) firstCheckpointSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      },
    });
    const stopping = result.stopping!;
    return {
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      replications: result.replications,
      halfWidthPct: stopping.worst?.halfWidthPct ?? 0,
      precise: stopping.reason === 'precise' ? 1 : 0,
      firstEstimateSeconds: firstCheckpointSeconds,
    };
  } finally {
    await pool.close();
  }
}

export const answerScenarios = { answer: organisation, answerSmall: walledDataTeam } as const;
