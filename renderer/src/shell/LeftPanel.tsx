import { useDocumentStore } from '../state/documentStore';

const SECTIONS = [
  { key: 'people', title: 'People', empty: 'Who is on the team, and what each can do.' },
  { key: 'teams', title: 'Teams', empty: 'Groups of people, with their Team Topologies type.' },
  { key: 'services', title: 'Services', empty: 'What runs in production, and who knows it.' },
  { key: 'skills', title: 'Skills', empty: 'Data science, ML engineering, backend, operations...' },
] as const;

/** The model outline: people, teams, services and skills of the open scenario. */
export function LeftPanel() {
  const doc = useDocumentStore((s) => s.doc);
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
                    <li key={x.id} className="outline-item" title={x.id}>
                      {x.name}
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
