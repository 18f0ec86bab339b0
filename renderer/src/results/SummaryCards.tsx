import type { RunResult } from '../../../simulation/run/runScenario';
import { BRACKETS_HELP, type WorkingTime } from '../../../simulation/report/format';
import { cardsNote, summaryCards } from '../../../simulation/report/summaryCards';
import { NotSteadyMark, TrustWarnings } from './TrustWarnings';

/**
 * One card per variant: the headline figures (means and percentiles) with
 * their 95% confidence intervals, and for each variant after the first the
 * paired difference to the first (same seeds, so the interval is of the
 * differences) with what it says. The text comes from simulation/report, so
 * a report prints the same figures.
 */
export function SummaryCards({ result, time, structural }: { result: RunResult; time: WorkingTime; structural?: ReadonlyMap<string, readonly string[]> }) {
  const baseline = result.variants[0]!;
  return (
    <div className="summary-cards" data-testid="summary-cards">
      {summaryCards(result, undefined, time, structural).map((card, i) => (
        <section key={card.variantId} className="summary-card" data-testid={`summary-${card.variantId}`}>
          <h3 className="summary-title">
            <span className="swatch" data-color={i} aria-hidden="true" />
            {card.name}
            {card.baseline && <span className="chip">baseline</span>}
          </h3>
          <dl className="summary-list">
            {card.rows.map((row) => (
              <div key={row.metric} className="summary-row" data-testid={`card-${card.variantId}-${row.metric}`}>
                <dt>{row.label}</dt>
                <dd>
                  <span className="summary-value" title={row.help}>
                    {row.value}
                  </span>
                  {row.diff !== null && (
                    <span className="summary-diff" data-tone={row.tone} title={`Paired difference to ${baseline.name}, relative to its value. ${BRACKETS_HELP}`}>
                      {row.diff}
                    </span>
                  )}
                  {row.verdict && (
                    <span className="verdict" data-tone={row.tone} data-testid="verdict">
                      {row.verdict}
                    </span>
                  )}
                  <NotSteadyMark caveat={row.caveat} />
                </dd>
              </div>
            ))}
          </dl>
          <TrustWarnings warnings={card.warnings} testId={`summary-${card.variantId}-warnings`} />
        </section>
      ))}
      <p className="summary-note">{cardsNote(result, time)}</p>
    </div>
  );
}
