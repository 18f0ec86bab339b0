import { useModel } from '../editor/useModel';
import { useSessionStore } from '../state/sessionStore';

/** Each section, and the canvas node kind its items select (skills have no node: they open the skills matrix). */
const SECTIONS = [
  { key: 'people', title: 'People', empty: 'Who is on the team, and what each can do.', node: 'person' },
  { key: 'teams', title: 'Teams', empty: 'Groups of people, with their Team Topologies type.', node: 'team' },
  { key: 'services', title: 'Services', empty: 'What runs in production, and who knows it.', node: 'service' },
  { key: 'skills', title: 'Skills', empty: 'Data science, ML engineering, backend, operations...', node: null },
] as const;

/** The model outline: people, teams, services and skills of the scenario or variant shown; clicking one selects it. */
export function LeftPanel() {
  const doc = useModel();
  const selection = useSessionStore((s) => s.selection);
  const pick = (node: string | null, id: string) => {
    const session = useSessionStore.getState();
    if (node === null) session.setView('skills');
    else {
      session.setSelection([`${node}:${id}`]);
      session.focusOn(`${node}:${id}`);
    }
  };
  return (
    <aside className="panel panel-left" aria-label="Model" data-testid="left-panel">
      <div className="panel-header">Model</div>
      {doc ? (
        SECTIONS.map((section) => {
          const items = doc[section.key];
          return (
            <section key={section.key} className="panel-section" data-testid={`section-${section.key}`}>
              <div className="panel-section-title">
                <span>{section.title}</span>
                <span className="count-badge" data-testid={`count-${section.key}`}>
                  {items.length}
                </span>
              </div>
              {items.length === 0 ? (
                <p className="empty-hint">{section.empty}</p>
              ) : (
                <ul className="outline-list">
                  {items.slice(0, 50).map((x) => (
                    <li key={x.id}>
                      <button
                        type="button"
                        className="outline-item"
                        title={section.node ? `Select ${x.name}` : `${x.name}: open the skills matrix`}
                        aria-current={section.node !== null && selection.includes(`${section.node}:${x.id}`)}
                        data-testid={`outline-${section.key}-${x.id}`}
                        onClick={() => pick(section.node, x.id)}
                      >
                        {x.name}
                      </button>
                    </li>
                  ))}
                  {items.length > 50 && <li className="outline-item outline-more">and {items.length - 50} more</li>}
                </ul>
              )}
            </section>
          );
        })
      ) : (
        <div className="panel-section">
          <p className="empty-hint">Open or create a scenario to see its people, teams and services here.</p>
        </div>
      )}
    </aside>
  );
}
