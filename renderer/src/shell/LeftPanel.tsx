import { useState } from 'react';
import { canvasView } from '../editor/canvasView';
import { useModel } from '../editor/useModel';
import { useSessionStore } from '../state/sessionStore';

/** Each section, and the canvas node kind its items select (skills have no node: they open the skills matrix). */
const SECTIONS = [
  { key: 'people', title: 'People', empty: 'Who is on the team, and what each can do.', node: 'person' },
  { key: 'teams', title: 'Teams', empty: 'Groups of people, with their Team Topologies type.', node: 'team' },
  { key: 'services', title: 'Services', empty: 'What runs in production, and who knows it.', node: 'service' },
  { key: 'skills', title: 'Skills', empty: 'Data science, ML engineering, backend, operations...', node: null },
] as const;

/** Level from which someone counts as having a skill when finding by skill. */
const HAS_SKILL = 0.01;

/**
 * The model outline: people, teams, services and skills of the scenario or
 * variant shown; clicking one selects it and brings it into view. The find
 * field (Ctrl+F) filters every section by name, a person also by the skills
 * they have; Enter selects the first match and brings it into view.
 */
export function LeftPanel() {
  const doc = useModel();
  const selection = useSessionStore((s) => s.selection);
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const skillName = new Map((doc?.skills ?? []).map((k) => [k.id, k.name.toLowerCase()]));
  const matches = (section: (typeof SECTIONS)[number]['key'], x: { name: string; skills?: Record<string, number> }) =>
    q === '' || x.name.toLowerCase().includes(q) || (section === 'people' && Object.entries(x.skills ?? {}).some(([id, level]) => level >= HAS_SKILL && skillName.get(id)?.includes(q)));

  const show = (keys: string[]) => {
    const session = useSessionStore.getState();
    session.setSelection(keys);
    if (session.view !== 'canvas') session.setView('canvas');
    requestAnimationFrame(() => canvasView.commands()?.show(keys));
  };
  const pick = (node: string | null, id: string) => {
    const session = useSessionStore.getState();
    if (node !== null) {
      if (q !== '') return show([`${node}:${id}`]);
      session.setSelection([`${node}:${id}`]);
      return session.focusOn(`${node}:${id}`);
    }
    session.setView('skills');
  };
  const first = () => {
    for (const section of SECTIONS) {
      const hit = doc?.[section.key].find((x) => matches(section.key, x));
      if (hit) return pick(section.node, hit.id);
    }
  };
  return (
    <aside className="panel panel-left" aria-label="Model" data-testid="left-panel">
      <div className="panel-header">Model</div>
      {doc && (
        <div className="outline-find">
          <input
            type="search"
            className="input"
            placeholder="Find people, services, skills"
            aria-label="Find people, services, teams and skills"
            data-testid="outline-filter"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') first();
              if (e.key === 'Escape') setQuery('');
            }}
          />
        </div>
      )}
      {doc ? (
        SECTIONS.map((section) => {
          const all = doc[section.key] as readonly { id: string; name: string; skills?: Record<string, number> }[];
          const items = all.filter((x) => matches(section.key, x));
          if (q !== '' && items.length === 0) return null;
          return (
            <section key={section.key} className="panel-section" data-testid={`section-${section.key}`}>
              <div className="panel-section-title">
                <span>{section.title}</span>
                <span className="count-badge" data-testid={`count-${section.key}`}>
                  {q === '' ? all.length : `${items.length} of ${all.length}`}
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
                  {items.length > 50 && <li className="outline-item outline-more">and {items.length - 50} more: type to find them</li>}
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
      {doc && q !== '' && SECTIONS.every((section) => !(doc[section.key] as readonly { name: string; skills?: Record<string, number> }[]).some((x) => matches(section.key, x))) && (
        <p className="empty-hint" data-testid="outline-no-match" role="status">
          Nothing matches “{query.trim()}”.
        </p>
      )}
    </aside>
  );
}
