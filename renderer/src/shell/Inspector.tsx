import { parseKey } from '../../../simulation/scenario/layout';
import { useModel } from '../editor/useModel';
import { PersonInspector } from '../inspector/PersonInspector';
import { ScenarioInspector } from '../inspector/ScenarioInspector';
import { ServiceInspector } from '../inspector/ServiceInspector';
import { TeamInspector } from '../inspector/TeamInspector';
import { useSessionStore } from '../state/sessionStore';

const TITLE = { person: 'Person', service: 'Service', team: 'Team' } as const;

/** Properties of the selection; with nothing selected, of the scenario itself. */
export function Inspector() {
  const model = useModel();
  const selection = useSessionStore((s) => s.selection);
  const only = selection.length === 1 ? parseKey(selection[0]!) : null;
  let title = 'Inspector';
  let body = (
    <div className="inspector-body">
      <p className="empty-hint">Select a person, team or service to see and edit its properties.</p>
    </div>
  );
  if (model && selection.length > 1) {
    title = 'Selection';
    body = (
      <div className="inspector-body">
        <p>{selection.length} items selected. Press Delete to delete them, Ctrl+D to duplicate.</p>
      </div>
    );
  } else if (model && only) {
    title = TITLE[only.kind];
    if (only.kind === 'person') body = <PersonInspector key={only.id} model={model} id={only.id} />;
    if (only.kind === 'service') body = <ServiceInspector model={model} id={only.id} />;
    if (only.kind === 'team') body = <TeamInspector model={model} id={only.id} />;
  } else if (model) {
    title = 'Scenario';
    body = <ScenarioInspector model={model} />;
  }
  return (
    <aside className="panel panel-right" aria-label="Inspector" data-testid="inspector">
      <div className="panel-header">{title}</div>
      {body}
    </aside>
  );
}
