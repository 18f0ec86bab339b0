import { formatElapsed } from '../../replay/elapsed';
import { baselineFit } from '../../replay/replayFit';
import { esc, section, table } from '../html';
import type { ReplayComparison } from '../types';

/** Most incidents listed by name in the report (the costliest); the CSV has them all. */
const LISTED = 10;

/**
 * A replayed incident log, summarised: does the model as drawn reproduce the
 * record (the fit and its verdict), the totals per structure with the
 * incidents each could not restore, the ten costliest incidents, the
 * distribution of times to restore, and where the log came from (rows
 * skipped or fixed at import).
 */
export function replaySection(replay: ReplayComparison): string {
  const fit = baselineFit(replay);
  const signed = (h: number) => `${h > 0 ? '+' : h < 0 ? '−' : ''}${formatElapsed(Math.abs(h))}`;
  const baseline = replay.variants[0]?.name ?? 'the baseline';
  const fitHtml = fit
    ? `<p class="${fit.good ? '' : 'warning'}" data-testid="report-replay-fit"><strong>${esc(fit.verdict)}</strong> Recorded ${formatElapsed(fit.recordedHours)}, replayed as drawn ${formatElapsed(fit.replayedHours)} (ratio ${fit.totalRatio.toFixed(2)}); per incident, median ratio ${fit.medianRatio.toFixed(2)}, ${Math.round(fit.within2x * 100)}% within 2x.</p>${fit.causes.length ? `<ul>${fit.causes.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>` : ''}`
    : '';
  const totals = table({
    head: ['Structure', 'Recorded total', 'Replayed total, mean', '95% interval', `Against ${esc(baseline)}, same luck (95% interval)`, 'Not restorable'],
    rows: replay.variants.map((v) => {
      const t = replay.totals.find((x) => x.variantId === v.id);
      const d = t?.vsBaseline;
      return [
        esc(v.name),
        t ? formatElapsed(t.actualHours) : '–',
        t ? formatElapsed(t.simulatedMean) : '–',
        t ? `${formatElapsed(t.low)} – ${formatElapsed(t.high)}` : '–',
        d ? `${signed(d.mean)} <span class="muted">(${signed(d.low)} to ${signed(d.high)})</span>` : '<span class="muted">baseline</span>',
        (t?.unrestored ?? []).map((u) => esc(`${u.incidents} incidents: ${u.reason === 'nobody can restore' ? `nobody in this structure can restore ${u.serviceName}` : u.reason === 'not in the model' ? `${u.serviceName} is not in this model` : `${u.serviceName} not restored by the end`}`)).join('<br>') || '0',
      ];
    }),
    testId: 'report-replay-totals',
  });
  const sim = (s: { mean: number; p10: number; p90: number; p50: number } | undefined) => (s && Number.isFinite(s.p50) ? `${formatElapsed(s.p50)} <span class="muted">(${formatElapsed(s.p10)}–${formatElapsed(s.p90)})</span>` : 'not restored');
  const costliest = [...replay.incidents].sort((a, b) => b.actualHours - a.actualHours).slice(0, LISTED);
  const incidents = table({
    head: ['Incident', 'Service', 'Started (UTC)', 'Recorded', ...replay.variants.map((v, i) => `${esc(v.name)}${i === 0 ? ' <span class="muted">(baseline)</span>' : ''}`)],
    rows: costliest.map((inc) => [esc(inc.title || inc.id), esc(inc.serviceName), esc(typeof inc.start === 'string' ? inc.start.replace('T', ' ').replace('Z', '') : String(inc.start)), formatElapsed(inc.actualHours), ...replay.variants.map((v) => sim(inc.simulated.find((s) => s.variantId === v.id)))]),
    testId: 'report-replay-incidents',
    className: 'data small',
  });
  const q = (xs: number[], p: number) => {
    const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN;
  };
  const distribution = table({
    head: ['', 'p50', 'p85', 'p95', 'longest'],
    rows: [
      ['Recorded', ...[0.5, 0.85, 0.95, 1].map((p) => formatElapsed(q(replay.incidents.map((i) => i.actualHours), p)))],
      ...replay.variants.map((v, k) => [`${esc(v.name)} (medians)`, ...[0.5, 0.85, 0.95, 1].map((p) => formatElapsed(q(replay.incidents.map((i) => i.simulated[k]?.p50 ?? NaN), p)))]),
    ],
    testId: 'report-replay-distribution',
  });
  const prov = replay.provenance;
  const provenance = prov
    ? `<p class="muted" data-testid="report-replay-provenance">From ${prov.rowsRead} rows of the source: ${prov.skipped} skipped at import, ${prov.fixed} fixed by hand, ${prov.acknowledgementsDropped} imported without an acknowledgement that was outside the incident${prov.unmappedPeople.length ? `; responders not in the model: ${esc(prov.unmappedPeople.map((p) => `${p.name} (${p.rows})`).join(', '))}` : ''}.</p>`
    : '';
  const scope = replay.scope ?? 'not recorded';
  const chosen = `<p data-testid="report-replay-which">This report shows the replay of <strong>${esc(replay.logName)}</strong>, scope: ${esc(scope)} (${replay.incidents.length} incidents), as chosen when the report was exported.</p>`;
  const cal = replay.calibration;
  const calibration =
    cal === undefined
      ? `<p class="warning" data-testid="report-replay-calibration">Calibration status not recorded (replay from an earlier version).</p>`
      : cal === null
        ? `<p class="warning" data-testid="report-replay-calibration">The model is <strong>not calibrated</strong> to this log: its detection, repair, knowledge and on-call are as drawn.</p>`
        : `<p data-testid="report-replay-calibration">The model was calibrated to this log on ${esc(cal.at.slice(0, 10))} with ${cal.incidents} incidents (Calibrate to this log); the figures below are after that step.</p>`;
  const src = replay.source;
  const mapping = src?.mapping
    ? Object.entries(src.mapping)
        .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => `${esc(k)} = ${esc(Array.isArray(v) ? v.join(' + ') : String(v))}`)
        .join('; ')
    : null;
  const recipe = `<ul data-testid="report-replay-recipe"><li>Source: ${src ? esc(src.fileName || 'not recorded') : 'not recorded'}${src?.sha256 ? `, SHA-256 <code>${src.sha256}</code>` : ', hash not recorded (imported before it was kept)'}</li><li>Mapping: ${mapping ?? 'not recorded'}${replay.timeZone ? `; time zone ${esc(replay.timeZone)}` : ''}</li><li>Scope: ${esc(scope)}</li><li>Seed ${replay.seed}, ${replay.replications} replications; detection: ${esc(replay.detection ?? 'model')}; absences: ${esc(replay.absences ?? 'planned')}${replay.outOfHours ? `; paging delay ${formatElapsed(replay.outOfHours.pageHours)}` : ''}</li><li>Structures: ${replay.variants.map((v) => esc(v.name)).join(', ')}</li></ul>`;
  const how = `<p>${replay.incidents.length} recorded incidents replayed at their real times${replay.timeZone ? ` (${esc(replay.timeZone)})` : ''}, ${replay.replications} replications (seed ${replay.seed}), ${replay.absences === 'random' ? 'with random vacation, sickness and departures on top of the planned absences' : 'with only the absences planned in the scenario'}; people respond in their working hours and, outside them, ${replay.outOfHours?.baselineOnCall ? 'the person on call' : 'nobody until the next working day (no on-call rotation as drawn)'}. A structure's effect is its difference to ${esc(baseline)} on the same luck; the gap between any replayed total and the recorded one also holds the model's own error. Days here are days of 24 hours.</p>`;
  return section(
    'replay',
    `Replay of ${replay.logName}`,
    `${chosen}${how}${calibration}<h3>Does the model reproduce the log?</h3>${fitHtml}<h3>Time to restore over the whole log</h3>${totals}<h3>The ${Math.min(LISTED, replay.incidents.length)} costliest incidents as recorded</h3>${incidents}<h3>Distribution of times to restore</h3>${distribution}${provenance}<p class="muted">Every incident, with each structure's figures, is in the replay's CSV (Incidents, Download CSV).</p><h3>To reproduce this replay</h3>${recipe}`,
  );
}
