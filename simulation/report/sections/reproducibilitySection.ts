import type { RunResult } from '../../run/runScenario';
import { resolveVariantSpec, type VariantSpec } from '../../run/variantSpec';
import type { Scenario } from '../../scenario/schema';
import { esc, section, table } from '../html';
import { formatDateTime } from '../format';

/** Replication seeds listed in full up to this many; beyond, the rule that makes them. */
const MAX_SEEDS_LISTED = 1000;

/** How to name a variant on the command line (`--variant`), or null for one given in full in the app. */
function cliName(spec: VariantSpec): string | null {
  switch (spec.kind) {
    case 'base':
      return 'base';
    case 'preset':
      return spec.preset;
    case 'saved':
      return spec.id;
    case 'inline':
      return null;
  }
}

/** File-name friendly form of the scenario's name. */
export const fileStem = (name: string): string =>
  name
    .replace(/[\\/:*?"<>|\0]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 120) || 'scenario';

/** Everything needed to run the same numbers again: version, scenario hash, seeds, replications, variants. */
export function reproducibilitySection(o: { scenario: Scenario; scenarioHash: string; appVersion: string; createdAt: string; result: RunResult; variants: readonly VariantSpec[] }): string {
  const { result } = o;
  const names = o.variants.map(cliName);
  const command = names.every((n) => n !== null)
    ? `npm run simulate -- "${fileStem(o.scenario.name)}.handoff.json" --reps ${result.replications} --seed ${result.seed} ${names.map((n) => `--variant ${n}`).join(' ')}`
    : null;
  const seeds = result.replicationSeeds.slice(0, MAX_SEEDS_LISTED).join(' ');
  const rows = [
    ['Made with', `Handoff ${esc(o.appVersion)}`],
    ['Report made', esc(formatUtc(o.createdAt))],
    ['Scenario', esc(o.scenario.name)],
    ['Scenario SHA-256', `<code data-testid="report-hash">${esc(o.scenarioHash)}</code>`],
    ['Seed', `<code data-testid="report-seed">${result.seed}</code>`],
    ['Replications per variant', `<span data-testid="report-replications">${result.replications}</span>`],
    ['Variants (first is the baseline)', o.variants.map((v) => esc(resolveVariantSpec(o.scenario, v).name)).join(', ')],
    [
      'Replication seeds',
      `<code class="seeds">${seeds}</code>${result.replicationSeeds.length > MAX_SEEDS_LISTED ? ` … (${result.replicationSeeds.length - MAX_SEEDS_LISTED} more; replication i uses replicationSeed(seed, i))` : ''}`,
    ],
  ];
  return section(
    'reproducibility',
    'Reproducing this report',
    `<p>The scenario is inside this file: open the report in Handoff (File &gt; Open) to get back the exact scenario that was run. The same scenario, seed and replications give the same figures on any machine and with any number of workers.</p>` +
      table({ head: ['', ''], rows, testId: 'report-repro', className: 'data keyvalue' }) +
      (command
        ? `<p>On the command line, after saving the scenario as <code>${esc(fileStem(o.scenario.name))}.handoff.json</code>:</p><pre>${esc(command)}</pre>`
        : '<p>Some variants of this run were made in the app for the run (not saved in the scenario), so it is repeated from the app rather than the command line.</p>'),
  );
}

/** "4 May 2026, 14:03 UTC" from an ISO time: the app's one date format, in UTC so a report reads the same anywhere. */
export const formatUtc = (iso: string): string => formatDateTime(iso, true);
