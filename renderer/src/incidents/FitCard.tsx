import { useEffect, useState } from 'react';
import { baselineFit, FIT_BOUNDS } from '../../../simulation/replay/replayFit';
import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { sha256Hex } from '../../../simulation/report/embed';
import { formatElapsed } from '../../../simulation/replay/elapsed';
import { serializeScenario } from '../../../simulation/scenario/serialize';
import { useIncidentsStore } from './incidentsStore';
import { replayLog } from './replayJob';

const ratio = (x: number) => (Number.isFinite(x) ? `${x >= 10 ? Math.round(x) : x.toFixed(2)}x` : '–');
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–');

/**
 * Does the structure as drawn reproduce the log? Shown before any what-if:
 * the replayed baseline against the record (totals, per-incident median
 * ratio, share within 2x), a plain verdict and the likely causes. Checked
 * when the log is first shown and after every calibration.
 */
export function FitCard({ doc, log }: { doc: Scenario; log: IncidentLog }) {
  const replay = useIncidentsStore((s) => s.replays[log.id]);
  const hash = useIncidentsStore((s) => s.replayHashes[log.id]);
  const progress = useIncidentsStore((s) => s.progress);
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void sha256Hex(serializeScenario(doc)).then((h) => live && setCurrent(h));
    return () => {
      live = false;
    };
  }, [doc]);
  const running = progress.kind === 'running';
  // First time a log is shown, its fit is checked at once: a what-if means little on a model that does not fit.
  useEffect(() => {
    if (!replay && useIncidentsStore.getState().progress.kind === 'idle') void replayLog(doc, log, []);
    // Only when another log is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [log.id]);
  const fit = replay ? baselineFit(replay) : null;
  const stale = replay && current !== null && hash !== current;

  return (
    <section className="card fit-card" data-testid="fit-card" aria-labelledby="fit-title">
      <h2 className="card-title" id="fit-title">
        Does the model reproduce this log?
      </h2>
      <p className="field-hint">
        The log replayed under the structure as drawn, against what was recorded. A fit within {Math.round((FIT_BOUNDS.total[1] - 1) * 100)}% in total
        and a median incident within {FIT_BOUNDS.median[0]}x to {FIT_BOUNDS.median[1]}x means what-ifs on it can be read as the effect of the structure.
      </p>
      {fit ? (
        <>
          <p className="fit-verdict" data-testid="fit-verdict" data-tone={fit.good ? 'better' : 'worse'}>
            {fit.verdict}
          </p>
          <dl className="fit-figures">
            <div>
              <dt>Recorded outage</dt>
              <dd data-testid="fit-recorded">{formatElapsed(fit.recordedHours)}</dd>
            </div>
            <div>
              <dt>Replayed as drawn (mean)</dt>
              <dd data-testid="fit-replayed">{formatElapsed(fit.replayedHours)}</dd>
            </div>
            <div>
              <dt>Total ratio</dt>
              <dd data-testid="fit-total-ratio" data-value={fit.totalRatio}>
                {ratio(fit.totalRatio)}
              </dd>
            </div>
            <div>
              <dt>Median ratio per incident</dt>
              <dd data-testid="fit-median-ratio" data-value={fit.medianRatio}>
                {ratio(fit.medianRatio)}
              </dd>
            </div>
            <div>
              <dt>Incidents within 2x</dt>
              <dd data-testid="fit-within-2x" data-value={fit.within2x}>
                {pct(fit.within2x)}
              </dd>
            </div>
            <div>
              <dt>Not restorable</dt>
              <dd data-testid="fit-unrestored">{fit.unrestored}</dd>
            </div>
          </dl>
          {fit.causes.length > 0 && (
            <ul className="fit-causes" data-testid="fit-causes" aria-label="Likely causes">
              {fit.causes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
          {stale && <p className="field-hint">The scenario has changed since this check.</p>}
        </>
      ) : (
        <p className="field-hint">{running ? 'Checking...' : 'Not checked yet.'}</p>
      )}
      <div>
        <button type="button" className="btn" data-testid="fit-check" disabled={running} onClick={() => void replayLog(doc, log, [])}>
          {fit ? 'Check again' : 'Check the fit'}
        </button>
      </div>
    </section>
  );
}
