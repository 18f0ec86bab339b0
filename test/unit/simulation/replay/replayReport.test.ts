/** The replay in the report and as CSV (issue 15, item 10). */
import { describe, expect, it } from 'vitest';
import { replaySection } from '../../../../simulation/report/sections/replaySection';
import { runReplay } from '../../../../simulation/replay/replayComparison';
import { replayCsv } from '../../../../simulation/replay/replayCsv';
import { incident, logOf } from './logAt';
import { service, tinyTeam } from './tinyTeam';

// 30 incidents of the API on weekday mornings, the n-th lasting n/10 hours, and two of a service nobody owns.
const incidents = Array.from({ length: 30 }, (_, n) => incident(`INC-${n}`, 'api', Math.floor(n / 5) * 24 + 9 + (n % 5), null, Math.floor(n / 5) * 24 + 9 + (n % 5) + (n + 1) / 10, ['ann']));
const log = { ...logOf([...incidents, incident('B1', 'billing', 10, null, 11), incident('B2', 'billing', 11, null, 12)]), provenance: { rowsRead: 40, skipped: 6, fixed: 2, acknowledgementsDropped: 1, unmappedPeople: [{ name: 'Alex Kim', rows: 3 }] } };
const scenario = tinyTeam(['ann'], [service('api', ['ann'], ['ann'], 1, 0), service('billing', [], [], 1, 0)], log);
const replay = runReplay(scenario, log, { variants: [{ kind: 'base' }], replications: 3, seed: 1, detection: 'model' });

describe('the report’s replay section', () => {
  const html = replaySection(replay);

  it('summarises instead of listing every incident: the fit first, the totals, the ten costliest, the distribution', () => {
    expect(html.indexOf('Does the model reproduce the log?')).toBeLessThan(html.indexOf('Time to restore over the whole log'));
    expect(html).toContain('reproduces this log poorly');
    const listed = html.slice(html.indexOf('data-testid="report-replay-incidents"'));
    expect((listed.slice(0, listed.indexOf('</table>')).match(/<tr>/g) ?? []).length).toBe(11);
    // The costliest is the longest as recorded: INC-29 (3 h); INC-0 (6 min) is not listed.
    expect(listed).toContain('INC-29');
    expect(html).not.toContain('>INC-0<');
    expect(html).toContain('data-testid="report-replay-distribution"');
  });

  it('names what could not be restored, and where the log came from', () => {
    expect(html).toContain('2 incidents: nobody in this structure can restore billing');
    expect(html).toContain('From 40 rows of the source: 6 skipped at import, 2 fixed by hand, 1 imported without an acknowledgement');
    expect(html).toContain('Alex Kim (3)');
  });
});

describe('the replay as CSV', () => {
  it('has a row per incident with the recorded and replayed times, and the replications that did not restore it', () => {
    const lines = replayCsv(replay).trimEnd().split('\r\n');
    expect(lines).toHaveLength(33);
    expect(lines[0]).toBe('incident,title,service,urgency,start_utc,recorded_hours,Tiny team (as drawn): median (hours),Tiny team (as drawn): p10 (hours),Tiny team (as drawn): p90 (hours),Tiny team (as drawn): mean (hours),Tiny team (as drawn): not_restored (replications)');
    expect(lines[1]).toBe('INC-0,,api,,2026-01-05T09:00:00Z,0.1,1,1,1,1,0');
    expect(lines[32]).toBe('B2,,billing,,2026-01-05T11:00:00Z,1,,,,,3');
  });
});

describe('which replay, its calibration and its recipe', () => {
  const origin = { fileName: 'pd-march.csv', sha256: 'a'.repeat(64), mapping: { start: 'created_at', responders: ['resolved_by_user_name', 'assigned_to_user_names'], acknowledged: null } };

  it('a log never calibrated to says so, and names what it cannot (no file hash) as not recorded', () => {
    const html = replaySection({ ...replay, scope: 'the whole log' });
    expect(html).toContain('scope: the whole log (32 incidents)');
    expect(html).toContain('<strong>not calibrated</strong>');
    expect(html).toContain('hash not recorded');
    expect(html).toContain('Seed 1, 3 replications');
  });

  it('a calibrated log states when and on how many incidents, with the source file, its hash and mapping, and the scope', () => {
    const calibrated = { ...log, origin, calibration: { at: '2026-03-02T10:11:12.000Z', incidents: 32 } };
    const r = { ...runReplay(scenario, calibrated, { variants: [{ kind: 'base' }], replications: 3, seed: 7, detection: 'model' }), scope: 'api, 5 Jan 2026 to 11 Jan 2026' };
    const html = replaySection(r);
    expect(html).toContain('calibrated to this log on 2026-03-02 with 32 incidents');
    expect(html).toContain(`pd-march.csv, SHA-256 <code>${'a'.repeat(64)}</code>`);
    expect(html).toContain('start = created_at; responders = resolved_by_user_name + assigned_to_user_names');
    expect(html).not.toContain('acknowledged =');
    expect(html).toContain('Scope: api, 5 Jan 2026 to 11 Jan 2026');
    expect(html).toContain('Seed 7, 3 replications');
  });
});
