import { ChartMenu } from '../charts/ChartMenu';
import { useMemo } from 'react';
import { calibrate, MIN_FIT, type ServiceCalibration } from '../../../simulation/replay/calibration';
import { proposeCalibration, type CalibrationProposal } from '../../../simulation/replay/calibrationProposal';
import { distributionMean } from '../../../simulation/random/distribution';
import type { IncidentLog, Scenario } from '../../../simulation/scenario/schema';
import { formatHours } from '../../../simulation/report/format';
import { seriesColor } from '../../../simulation/report/palette';
import { useChart } from '../charts/useChart';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { calibrationCommand } from './calibrationCommand';
import { fitChart, type FitData } from './fitChart';
import { replayLog } from './replayJob';

/**
 * Calibrate the model to the log in one step: who knows which service and
 * who responds to it (from who resolved its incidents, and how fast), its
 * detection and repair times, incident rates, and an on-call rotation where
 * the log shows incidents answered at night; previewed, then applied as one
 * undoable change, after which the fit is checked again. Below, each
 * service's repair times against the fitted lognormal.
 */
export function CalibrationPanel({ doc, log }: { doc: Scenario; log: IncidentLog }) {
  const services = useMemo(() => doc.services.filter((s) => log.incidents.some((i) => i.service === s.id)), [doc.services, log]);
  const fitted = useMemo(() => calibrate(log, services.map((s) => s.id), doc.calendar), [log, services, doc.calendar]);
  const proposal = useMemo(() => proposeCalibration(doc, log), [doc, log]);
  const hoursPerWeek = doc.calendar.hoursPerDay * doc.calendar.daysPerWeek;

  const apply = () => {
    const command = calibrationCommand(doc, proposal, log.name, new Date().toISOString());
    useDocumentStore.getState().apply(command);
    useSessionStore.getState().notify({ kind: 'success', title: `Model calibrated to ${log.name}`, details: ['Undo puts the model back as it was.', 'The fit is being checked again.'] });
    const next = useDocumentStore.getState().doc;
    if (next) void replayLog(next, next.incidentLogs.find((l) => l.id === log.id) ?? log, []);
  };

  return (
    <section className="card" data-testid="calibration-panel">
      <h2 className="card-title">Calibrate the model to this log</h2>
      <p className="field-hint">
        One step, undoable: each service&apos;s knowers and responders from who resolved its incidents (the fastest regular resolver knows it fully;
        others in proportion to their speed; anyone named on an incident at least 0.2), its detection (acknowledged after start, from incidents in working
        hours) and repair time for someone who knows it fully (lognormal, maximum likelihood), its incident rate, and an on-call rotation of those who
        answered at night if the log shows night incidents answered within two hours.
      </p>
      <ProposalTable doc={doc} proposal={proposal} />
      <div>
        <button type="button" className="btn btn-primary" data-testid="calibration-apply" disabled={proposal.services.length === 0} onClick={apply}>
          Calibrate to this log
        </button>
      </div>
      <details className="calibration-details">
        <summary>Repair times against the fitted lognormal, per service</summary>
        <div className="calibration-grid">
          {fitted.map((c, i) => (
            <ServiceFit key={c.serviceId} c={c} name={services[i]!.name} current={services[i]!} color={seriesColor(i)} hoursPerWeek={hoursPerWeek} />
          ))}
        </div>
      </details>
    </section>
  );
}

const mean = (d: Parameters<typeof distributionMean>[0] | null) => (d ? formatHours(distributionMean(d)) : 'kept');

function ProposalTable({ doc, proposal }: { doc: Scenario; proposal: CalibrationProposal }) {
  const personName = (id: string) => doc.people.find((p) => p.id === id)?.name ?? id;
  return (
    <div className="bad-rows">
      <table className="data-table" data-testid="calibration-preview">
        <caption>What calibrating changes</caption>
        <thead>
          <tr>
            <th>Service</th>
            <th>Detection, mean</th>
            <th>Repair (knows it fully), mean</th>
            <th>Who knows it (resolved)</th>
            <th>Responders</th>
          </tr>
        </thead>
        <tbody>
          {proposal.services.map((p) => {
            const svc = doc.services.find((s) => s.id === p.serviceId)!;
            return (
              <tr key={p.serviceId} data-testid={`calibration-row-${p.serviceId}`}>
                <th scope="row">{svc.name}</th>
                <td>
                  {formatHours(distributionMean(svc.detection))} → {mean(p.detection)}
                </td>
                <td>
                  {formatHours(distributionMean(svc.incidents.repairHours))} → {mean(p.repair)}
                </td>
                <td>
                  {p.knowledge.map((k) => `${personName(k.personId)} ${(svc.knowledge[k.personId] ?? 0).toFixed(2)} → ${k.knowledge.toFixed(2)} (${k.resolved})`).join('; ') || '–'}
                </td>
                <td>{p.owners.map((o) => (svc.owners.includes(o) ? personName(o) : `+ ${personName(o)}`)).join(', ') || '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="field-hint" data-testid="calibration-on-call">
        {proposal.outOfHours.incidents} incidents started outside working hours, {proposal.outOfHours.answered} answered within two hours.{' '}
        {proposal.onCall
          ? `Adds an on-call rotation of ${proposal.onCall.rotation.map(personName).join(', ')} (a week each).`
          : doc.structure.onCall.enabled
            ? 'The on-call rotation is kept as it is.'
            : 'No on-call rotation is proposed.'}
        {proposal.pageHours !== null && ` Paging delay from the log: ${formatHours(proposal.pageHours)}.`}
      </p>
    </div>
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
        <Row label="Incidents in the log" value={`${c.incidents}${c.zeroDurations ? ` (${c.zeroDurations} with no repair time)` : ''}`} />
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
