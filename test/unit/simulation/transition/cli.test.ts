import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../simulation/cli/main';

const example = path.resolve(import.meta.dirname, '../../../../simulation/examples/reorganisation.handoff.json');

describe('simulate with a variant that has a transition', () => {
  let printed = '';
  beforeEach(() => {
    printed = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints when the reorganisation pays for itself and the dip, writes the weekly table and a report section', { timeout: 120_000 }, async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-cli-transition-'));
    await main([example, '--reps', '12', '--seed', '5', '--workers', '1', '--variant', 'base', '--variant', 'ops-embedded', '--csv', dir, '--report', path.join(dir, 'r.html')]);
    expect(printed).toContain('Transition to "Operations in the stream-aligned teams" on 2026-03-02: the plan against staying as is, on the same luck, 12 replications');
    expect(printed).toMatch(/ {2}Lead time: the reorganisation (pays for itself from week \d+ \[(\d+|beyond the horizon), (\d+|beyond the horizon)\]|does not pay for itself within the horizon)/);
    expect(printed).toMatch(/ {2}Time to restore: the reorganisation .*; (worst in week \d+: \+|never worse)/);

    const csv = Papa.parse<string[]>(await fs.readFile(path.join(dir, 'transition-ops-embedded.csv'), 'utf8'), { skipEmptyLines: true }).data;
    expect(csv[0]!.slice(0, 4)).toEqual(['week_from_reorganisation', 'week_start_date', 'stay_lead_time_p10_h', 'stay_lead_time_p50_h']);
    // 2000 h of 40 h weeks from 2026-01-05; the plan takes effect at the start of week 9 (2026-03-02): 8 weeks before it, 42 after.
    expect(csv.length - 1).toBe(50);
    const week1 = csv.find((row) => row[0] === '1')!;
    expect(week1[1]).toBe('2026-03-02');
    expect(csv.find((row) => row[0] === '-7')![1]).toBe('2026-01-05');
    // Before it takes effect the two arms are the same runs.
    const before = csv.find((row) => row[0] === '0')!;
    const col = (name: string) => csv[0]!.indexOf(name);
    expect(before[col('plan_lead_time_p50_h')]).toBe(before[col('stay_lead_time_p50_h')]);

    const html = await fs.readFile(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('data-section="transition"');
    expect(html).toContain('data-testid="report-chart-transition-lead"');
    expect(html).toMatch(/<ul data-testid="report-transition"><li>Lead time: the reorganisation/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
