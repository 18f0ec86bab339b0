import { formatHours } from '../format';
import { esc, section, table } from '../html';
import type { ReplayComparison } from '../types';

/** A replayed incident log: what each incident took, and what the model gives for it under each variant. */
export function replaySection(replay: ReplayComparison): string {
  const sim = (s: { mean: number; p10: number; p90: number } | undefined) => (s ? `${formatHours(s.mean)} <span class="muted">(${formatHours(s.p10)}–${formatHours(s.p90)})</span>` : '–');
  const incidents = table({
    head: ['Incident', 'Service', 'Started (working hour)', 'Actual', ...replay.variants.map((v, i) => `${esc(v.name)}${i === 0 ? ' <span class="muted">(baseline)</span>' : ''}`)],
    rows: replay.incidents.map((inc) => [
      esc(inc.title || inc.id),
      esc(inc.serviceName),
      esc(inc.start),
      formatHours(inc.actualHours),
      ...replay.variants.map((v) => sim(inc.simulated.find((s) => s.variantId === v.id))),
    ]),
    testId: 'report-replay-incidents',
    className: 'data small',
  });
  const signed = (h: number) => `${h > 0 ? '+' : h < 0 ? '−' : ''}${formatHours(Math.abs(h))}`;
  const baseline = replay.variants[0]?.name ?? 'the baseline';
  const totals = table({
    head: ['Variant', 'Recorded total', 'Simulated total, mean', '95% interval', `Against ${esc(baseline)}, same luck (95% interval)`],
    rows: replay.variants.map((v) => {
      const t = replay.totals.find((x) => x.variantId === v.id);
      const d = t?.vsBaseline;
      return [
        esc(v.name),
        t ? formatHours(t.actualHours) : '–',
        t ? formatHours(t.simulatedMean) : '–',
        t ? `${formatHours(t.low)} – ${formatHours(t.high)}` : '–',
        d ? `${signed(d.mean)} <span class="muted">(${signed(d.low)} to ${signed(d.high)})</span>` : '<span class="muted">baseline</span>',
      ];
    }),
    testId: 'report-replay-totals',
  });
  return section(
    'replay',
    `Replay of ${replay.logName}`,
    `<p>${replay.incidents.length} recorded incidents replayed at the times they happened, ${replay.replications} replications (seed ${replay.seed}), ${replay.absences === 'random' ? 'with random vacation, sickness and departures on top of the planned absences' : 'with only the absences planned in the scenario'}. Each simulated time to restore is the mean over the replications, with the 10th to 90th percentile in brackets. A structure's effect is its difference to ${esc(baseline)} on the same luck; the gap between any simulated total and the recorded one also holds the model's own error.</p><h3>Time to restore over the whole log</h3>${totals}<h3>Incident by incident</h3>${incidents}`,
  );
}
