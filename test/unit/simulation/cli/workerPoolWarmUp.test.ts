import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../simulation/cli/workerPool';
import { runScenario } from '../../../../simulation/run/runScenario';
import { scenarioSchema } from '../../../../simulation/scenario/schema';

const scenario = scenarioSchema.parse(JSON.parse(readFileSync(new URL('../../../../simulation/examples/walled-data-team.handoff.json', import.meta.url), 'utf8')));

describe('a CLI pool warmed as the app warms its own', () => {
  it('resolves once every worker has run its warm-up, and gives the same results after it', { timeout: 60_000 }, async () => {
    const pool = new WorkerPool(2);
    try {
      await pool.warmUp(scenario, 5_000);
      // A run after it gives the figures of a run in one thread.
      const variants = [{ kind: 'preset' as const, preset: 'walled' as const }, { kind: 'preset' as const, preset: 'cross-functional' as const }];
      const onWorkers = await pool.run(scenario, { replications: 12, seed: 5, variants });
      const inThread = runScenario(scenario, { replications: 12, seed: 5, variants });
      expect(onWorkers.comparisons).toStrictEqual(inThread.comparisons);
    } finally {
      await pool.close();
    }
  });
});
