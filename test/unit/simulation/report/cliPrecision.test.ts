import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, UsageError } from '../../../../simulation/cli/main';
import { describeStopping } from '../../../../simulation/cli/formatSummary';

const example = path.resolve(import.meta.dirname, '../../../../simulation/examples/walled-data-team.handoff.json');

describe('simulate: run until precise or a fixed count', () => {
  it('runs until precise by default and with --precision, and a fixed count with --reps', { timeout: 120_000 }, async () => {
    const loose = await main([example, '--precision', '10', '--seed', '9', '--workers', '1', '--quiet']);
    expect(loose.stopping?.mode).toBe('precision');
    expect(loose.stopping?.reason).toBe('precise');
    expect(loose.stopping?.target).toMatchObject({ leadTimePct: 10, timeToRestorePct: 10 });
    expect(loose.replications).toBeGreaterThanOrEqual(30);
    expect(loose.replications).toBeLessThan(200);
    expect(describeStopping(loose)).toMatch(/^run until precise \(\+-10 points\): stopped at \d+ replications, every headline figure precise/);
    // The same count, fixed, gives the same figures: a precise run is reproduced with --reps N.
    const fixed = await main([example, '--reps', String(loose.replications), '--seed', '9', '--workers', '1', '--quiet']);
    expect(fixed.stopping).toEqual({ mode: 'fixed', replications: loose.replications, reason: 'fixed' });
    expect(fixed.variants).toStrictEqual(loose.variants);
    // --reps with --precision bounds the run; a target it cannot reach says so in a warning line.
    const capped = await main([example, '--precision', '0.5', '--reps', '40', '--seed', '9', '--workers', '1', '--quiet']);
    expect(capped.replications).toBe(40);
    expect(describeStopping(capped)).toMatch(/^warning: run until precise \(\+-0.5 points\) stopped at its maximum, 40 replications/);
  });

  it('refuses a precision that means nothing in one line', async () => {
    for (const bad of ['0', '-2', 'x', '101', '']) {
      const err = await main([example, `--precision=${bad}`, '--quiet']).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UsageError);
      expect((err as Error).message).toMatch(/^--precision must be a number of percentage points above 0 and at most 100/);
    }
  });
});
