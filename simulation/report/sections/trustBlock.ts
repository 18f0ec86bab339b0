import { diagnose } from '../../run/diagnostics';
import type { RunResult } from '../../run/runScenario';
import { num } from '../format';
import { esc, table } from '../html';

const share = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.1 ? 1 : 0)}%`;

/**
 * "Can these figures be trusted?": per variant, whether the run settles (and
 * its bottleneck), how much was still running at the end, and whether the
 * warm-up was long enough; then the warnings in words. Little's law is shown
 * here, explained, as a diagnostic rather than an engine check.
 */
export function trustBlock(result: RunResult): string {
  const rows = result.variants.map((v) => {
    const d = diagnose(v);
    const stability = d.unstable
      ? `<b>Does not settle</b>: work in progress +${num(d.growthPerWeek.mean)} items/week${d.bottleneck ? `; bottleneck: ${esc(d.bottleneck)}` : ''}`
      : d.saturated.length
        ? `Settles only just (${esc(d.saturated.map((s) => `${s.name} busy ${(s.utilisation * 100).toFixed(0)}%`).join(', '))})`
        : `Settles (work in progress ${d.growthPerWeek.mean >= 0 ? '+' : ''}${num(d.growthPerWeek.mean)} items/week late in the run)`;
    const little = v.metrics.littlesLawError.mean;
    return [
      esc(v.name),
      stability,
      `${num(d.unfinished)} items (${share(d.unfinishedShare)}), ${num(d.unrestored)} incidents (${share(d.unrestoredShare)})`,
      d.warmupShort ? 'Looks too short' : 'Adequate',
      Number.isFinite(little) ? share(little) : '–',
    ];
  });
  const warnings = result.variants.flatMap((v) => diagnose(v).warnings);
  return (
    `<h3>Can these figures be trusted?</h3>` +
    table({ head: ['Variant', 'Stability', 'Still running at the end (per replication)', 'Warm-up', "Little's law gap"], rows, testId: 'report-trust' }) +
    (warnings.length ? `<div class="callout" data-testid="report-trust-warnings"><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : '') +
    `<p class="note">A variant that does not settle has work arriving faster than it is done: its queues and lead times grow with the length of the run, so its figures, and any difference to it, describe this run's length rather than a steady state. ` +
    `Percentiles of lead time and time to restore count items and incidents still running at the end as "at least this long" (Kaplan-Meier); where a percentile lies beyond what the run watched it is shown as "more than". ` +
    `The warm-up is adequate when work in progress at the start of the measured period is like that later. Little's law gap: |L − λW| / L with W the mean lead time of finished items; it is near 0 in a settled run and grows with the share of work unfinished at the end, so it measures censoring, not the engine.</p>`
  );
}
