import { ChartMenu } from '../charts/ChartMenu';
import { useMemo } from 'react';
import { applyCalibration, calibrate, MIN_FIT, type ServiceCalibration } from '../../../simulation/replay/calibration';
import { distributionMean } from '../../../simulation/random/distribution';
import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { formatHours } from '../../../simulation/report/format';
import { seriesColor } from '../../../simulation/report/palette';
import { useChart } from '../charts/useChart';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { fitChart, type FitData } from './fitChart';

/**
 * What the log says each service's failure rate and repair time are, the
 * fit drawn against the data, and "Apply to scenario" as one undoable step.
 */
export function CalibrationPanel({ doc, log }: { doc: Scenario; log: IncidentLog }) {
  const services = useMemo(() => doc.services.filter((s) => log.incidents.some((i) => i.service === s.id)), [doc.services, log]);
  const fitted = useMemo(() => calibrate(log, services.map((s) => s.id)), [log, services]);
  const hoursPerWeek = doc.calendar.hoursPerDay * doc.calendar.daysPerWeek;

  const apply = () => {
    const commands = fitted.flatMap((c) => {
      const svc = doc.services.find((s) => s.id === c.serviceId);
      return svc ? [{ type: 'service.update' as const, variant: null, id: svc.id, patch: { incidents: applyCalibration(svc, c).incidents } }] : [];
    });
    useDocumentStore.getState().apply({ type: 'batch', label: 'apply calibration', commands });
    useSessionStore.getState().notify({ kind: 'success', title: `Incident rates and repair times of ${commands.length} services set from ${log.name}`, details: ['Undo puts the old figures back.'] });
  };

  return (
    <section className="card" data-testid="calibration-panel">
      <h2 className="card-title">Calibrate the model from the log</h2>
      <p className="field-hint">
        Per service: incidents per working week over the log&apos;s span, and the repair time (acknowledged to resolved, in working hours) as a
        lognormal fitted by maximum likelihood. The fit is good when the Kolmogorov-Smirnov distance is below its 5% critical value (Lilliefors).
        Incidents that took no working time (handled at night) are left out of the fit.
      </p>
      <div className="calibration-grid">
        {fitted.map((c, i) => (
          <ServiceFit key={c.serviceId} c={c} name={services[i]!.name} current={services[i]!} color={seriesColor(i)} hoursPerWeek={hoursPerWeek} />
        ))}
      </div>
      <div>
        <button type="button" className="btn btn-primary" data-testid="calibration-apply" disabled={fitted.length === 0} onClick={apply}>
          Apply to scenario
        </button>
      </div>
    </section>
  );
}

function ServiceFit({ c, name, current, color, hoursPerWeek }: { c: ServiceCalibration; name: string; current: Scenario['services'][number]; color: string; hoursPerWeek: number }) {
  const data = useMemo<FitData | null>(() => (c.fit ? { durations: c.durations, fit: c.fit, color } : null), [c, color]);
  return (
    <div className="chart-card" data-testid={`calibration-${c.serviceId}`}>
      <header className="chart-head">
        <h3>{name}</h3>
        {data && <ChartMenu title={`${name}: repair times against the fitted lognormal`} name={`calibration-${c.serviceId}`} />}
      </header>
      <dl className="summary-list">
        <Row label="Incidents in the log" value={`${c.incidents}${c.zeroDurations ? ` (${c.zeroDurations} with no working time)` : ''}`} />
        <Row label="Per working week: log / model" value={`${c.ratePerHour === null ? '–' : (c.ratePerHour * hoursPerWeek).toFixed(2)} / ${(current.incidents.ratePerHour * hoursPerWeek).toFixed(2)}`} />
        <Row label="Repair, mean: fit / model" value={`${c.fit ? formatHours(c.fit.mean) : '–'} / ${formatHours(distributionMean(current.incidents.repairHours))}`} />
        <Row label="Lognormal sigma" value={c.fit ? c.fit.sigma.toFixed(2) : `needs ${MIN_FIT} repair times`} />
        {c.ks && <Row label="Fit (KS distance / 5% critical)" value={`${c.ks.distance.toFixed(3)} / ${c.ks.critical.toFixed(3)} ${c.ks.distance < c.ks.critical ? 'good' : 'poor'}`} />}
      </dl>
      {data && <FitChart data={data} label={`${name}: repair times against the fitted lognormal`} />}
    </div>
  );
}

function FitChart({ data, label }: { data: FitData; label: string }) {
  const ref = useChart(fitChart, data);
  return <div className="chart fit-chart" ref={ref} aria-label={label} />;
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="summary-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
