import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../simulation/cli/main';
import { extractScenarioFromReport, sha256Hex } from '../../../../simulation/report/embed';
import { summaryCards } from '../../../../simulation/report/summaryCards';

const example = path.resolve(import.meta.dirname, '../../../../simulation/examples/walled-data-team.handoff.json');

describe('simulate --report', () => {
  it('writes the same report as the app from a small run, with the scenario inside', { timeout: 60_000 }, async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-cli-report-'));
    const out = path.join(dir, 'report.html');
    const result = await main([example, '--reps', '6', '--seed', '9', '--workers', '1', '--quiet', '--report', out, '--title', 'Team review', '--csv', path.join(dir, 'csv')]);
    const html = await fs.readFile(out, 'utf8');
    expect(html).toContain('<title>Team review</title>');
    const extracted = extractScenarioFromReport(html);
    if (!extracted.ok) throw new Error(extracted.error);
    expect(html).toContain(`<code data-testid="report-hash">${await sha256Hex(extracted.text)}</code>`);
    expect(html).toContain('--reps 6 --seed 9 --variant walled --variant cross-functional');
    for (const row of summaryCards(result)[1]!.rows) expect(html).toContain(`<span class="value">${row.value}</span>`);
    expect((await fs.readdir(path.join(dir, 'csv'))).sort()).toEqual(['comparisons.csv', 'cumulative_flow.csv', 'people.csv', 'queues.csv', 'replications.csv', 'services.csv', 'summary.csv']);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
