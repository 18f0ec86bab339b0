import { METRIC_INFO } from '../../../simulation/run/metricInfo';
import type { RunResult } from '../../../simulation/run/runScenario';
import type { ScalarMetric } from '../../../simulation/run/variantSummary';
import { num, pct, withCI } from '../../../simulation/report/format';

const CARD_METRICS: ScalarMetric[] = ['leadTimeP50', 'leadTimeP85', 'leadTimeP95', 'ttrP50', 'ttrP95', 'throughputPerWeek', 'incidentsWaitedForAbsent', 'handoffsPerItem', 'reworkPerItem', 'flowEfficiency'];

/**
 * One card per variant: the headline figures with their 95% confidence
 * intervals, and for each variant after the first the paired difference to
 * the first (same seeds, so the interval is of the differences).
 */
export function SummaryCards({ result }: { result: RunResult }) {
  const baseline = result.variants[0]!;
  return (
    <div className="summary-cards" data-testid="summary-cards">
      {result.variants.map((v, i) => {
        const comparison = result.comparisons.find((c) => c.variantId === v.variantId);
        return (
          <section key={v.variantId} className="summary-card" data-testid={`summary-${v.variantId}`}>
            <h3 className="summary-title">
              <span className="swatch" data-color={i} aria-hidden="true" />
              {v.name}
              {i === 0 && <span className="chip">baseline</span>}
            </h3>
            <dl className="summary-list">
              {CARD_METRICS.map((m) => {
                const info = METRIC_INFO[m];
                const cmp = comparison?.metrics.find((x) => x.metric === m);
                const rel = cmp?.relative;
                const better = rel && info.lowerIsBetter !== null ? (rel.high < 0) === info.lowerIsBetter && (rel.high < 0 || rel.low > 0) : null;
                const worse = rel && info.lowerIsBetter !== null ? (rel.low > 0) === info.lowerIsBetter && (rel.high < 0 || rel.low > 0) : null;
                return (
                  <div key={m} className="summary-row" data-testid={`card-${v.variantId}-${m}`}>
                    <dt>{info.label}</dt>
                    <dd>
                      <span className="summary-value">{withCI(v.metrics[m], info.unit === 'h' ? 'h' : '')}</span>
                      {rel && Number.isFinite(rel.mean) && (
                        <span className="summary-diff" data-tone={better ? 'better' : worse ? 'worse' : 'same'} title={`Paired difference to ${baseline.name}, 95% interval`}>
                          {pct(rel.mean)} [{pct(rel.low)}, {pct(rel.high)}]
                        </span>
                      )}
                      {!rel && cmp?.difference && <span className="summary-diff">{num(cmp.difference.mean)}</span>}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
      <p className="summary-note">
        {result.replications} replications per variant, seed {result.seed}. All variants ran on the same seeds (common random numbers): each saw the
        same arrivals, incidents and absences, so differences are paired. Brackets: 95% confidence interval of the difference to {baseline.name}.
      </p>
    </div>
  );
}
