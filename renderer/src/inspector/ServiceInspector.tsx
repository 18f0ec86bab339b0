import { distributionMean } from '../../../simulation/random/distribution';
import { MAX_RATE_PER_HOUR, type Service } from '../../../simulation/scenario/schema';
import type { EditableParts } from '../document/editableParts';
import { useDocumentStore } from '../state/documentStore';
import { DistributionField } from './DistributionField';
import { Field, NumberInput, PercentInput, TeamSelect } from './fields';
import { useApply } from './useApply';
import { levelOf } from '../../../simulation/scenario/idMap';

/** A service: team, owners, who knows it and how well, monitoring, incidents. */
export function ServiceInspector({ model, id }: { model: EditableParts; id: string }) {
  const { variant, run, endGesture } = useApply();
  const calendar = useDocumentStore((s) => s.doc?.calendar);
  const hoursPerMonth = calendar ? (calendar.hoursPerDay * calendar.daysPerWeek * calendar.weeksPerYear) / 12 : 2000 / 12;
  const service = model.services.find((s) => s.id === id);
  if (!service) return null;
  const update = (patch: Partial<Omit<Service, 'id' | 'owners' | 'knowledge'>>, key?: string) => run({ type: 'service.update', variant, id, patch }, key);
  const knowers = model.people.filter((p) => levelOf(service.knowledge, p.id) !== undefined || service.owners.includes(p.id));
  const others = model.people.filter((p) => levelOf(service.knowledge, p.id) === undefined && !service.owners.includes(p.id));
  const slowDetection = distributionMean(service.detection) > 24;
  return (
    <div className="inspector-body" data-testid="inspector-service">
      <Field label="Name">
        <input className="input" data-testid="service-name" value={service.name} onBlur={endGesture} onChange={(e) => update({ name: e.target.value }, `name:${id}`)} />
      </Field>
      <div className="field-row">
        <TeamSelect teams={model.teams} value={service.team} onChange={(team) => update({ team })} />
        <Field label="Criticality">
          <select className="input" value={service.criticality} onChange={(e) => update({ criticality: e.target.value as Service['criticality'] })}>
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </select>
        </Field>
      </div>
      <div className="inspector-section">
        <div className="inspector-section-title">Who knows it (owner, knowledge in %)</div>
        {knowers.length === 0 && <p className="field-error">Nobody knows this service: an incident here waits for someone to learn it.</p>}
        {knowers.map((p) => (
          <div className="level-row" key={p.id}>
            <label className="owner-toggle" title={`${p.name} owns it`}>
              <input type="checkbox" aria-label={`${p.name} owns ${service.name}`} data-testid={`owner-${p.id}`} checked={service.owners.includes(p.id)} onChange={(e) => run({ type: 'owner.set', variant, personId: p.id, serviceId: id, owner: e.target.checked })} />
            </label>
            <span className="level-name">{p.name}</span>
            <PercentInput value={levelOf(service.knowledge, p.id) ?? 0} ariaLabel={`${p.name}'s knowledge of ${service.name}, percent`} testId={`knowledge-${p.id}`} onBlur={endGesture} onChange={(v) => run({ type: 'knowledge.set', variant, personId: p.id, serviceId: id, level: v }, `know:${p.id}:${id}`)} />
            <button type="button" className="btn btn-ghost icon-btn" aria-label={`${p.name} does not know it`} onClick={() => run({ type: 'batch', label: 'remove knower', commands: [{ type: 'knowledge.set', variant, personId: p.id, serviceId: id, level: null }, { type: 'owner.set', variant, personId: p.id, serviceId: id, owner: false }] })}>
              ×
            </button>
          </div>
        ))}
        {others.length > 0 && (
          <select className="input" data-testid="service-add-knower" aria-label={`Someone else who knows ${service.name}`} value="" onChange={(e) => e.target.value && run({ type: 'knowledge.set', variant, personId: e.target.value, serviceId: id, level: 0.6 })}>
            <option value="">Someone else knows it...</option>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <Field label="Time to notice a failure (monitoring)" hint={slowDetection ? 'Failures go unnoticed for a long time: this service is effectively unmonitored.' : undefined}>
        <DistributionField testId="service-detection" value={service.detection} onBlur={endGesture} onChange={(d) => update({ detection: d }, `detect:${id}`)} />
      </Field>
      <Field label="Incidents per month">
        <NumberInput value={service.incidents.ratePerHour * hoursPerMonth} min={0} max={MAX_RATE_PER_HOUR * hoursPerMonth} testId="service-incident-rate" onBlur={endGesture} onChange={(v) => update({ incidents: { ...service.incidents, ratePerHour: v / hoursPerMonth } }, `rate:${id}`)} />
      </Field>
      <Field label="Repair time, for someone who knows it well">
        <DistributionField testId="service-repair" value={service.incidents.repairHours} onBlur={endGesture} onChange={(d) => update({ incidents: { ...service.incidents, repairHours: d } }, `repair:${id}`)} />
      </Field>
    </div>
  );
}
