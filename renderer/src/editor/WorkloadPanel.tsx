import { useDocumentStore } from '../state/documentStore';
import { AssumptionSettings } from './AssumptionSettings';
import { ServiceWorkload } from './ServiceWorkload';
import { StructureSettings } from './StructureSettings';
import { useModel } from './useModel';

/** The work each service receives, the structure policy it is done under, and the calendar and assumptions of the model. */
export function WorkloadPanel() {
  const model = useModel();
  const calendar = useDocumentStore((s) => s.doc?.calendar);
  if (!model || !calendar) return null;
  const hoursPerWeek = calendar.hoursPerDay * calendar.daysPerWeek;
  return (
    <div className="workload-view" data-testid="workload-panel">
      <section className="card">
        <h2 className="card-title">Structure</h2>
        <StructureSettings model={model} />
      </section>
      <section className="card">
        <h2 className="card-title">Work per service</h2>
        {model.services.length === 0 && <p className="empty-hint">Add services on the canvas; each receives work that passes through stages needing skills.</p>}
        {model.services.map((s) => (
          <ServiceWorkload key={s.id} model={model} service={s} hoursPerWeek={hoursPerWeek} />
        ))}
      </section>
      <AssumptionSettings model={model} calendar={calendar} />
    </div>
  );
}
