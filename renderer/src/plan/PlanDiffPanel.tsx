import { useMemo } from 'react';
import { diffModels, type MoveKind, type PlanMove } from '../../../simulation/plan/diff';
import { modelOf } from '../document/editableParts';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { usePlanStore } from './planStore';
import { usePlanHighlight } from './usePlanHighlight';

const GROUPS: { title: string; kinds: MoveKind[] }[] = [
  { title: 'People', kinds: ['person-team', 'person-added', 'person-removed'] },
  { title: 'Services and owners', kinds: ['service-team', 'service-owner', 'service-added', 'service-removed'] },
  { title: 'Teams and interactions', kinds: ['team-type', 'team-added', 'team-removed', 'interaction'] },
  { title: 'Knowledge lost or to be built', kinds: ['knowledge-lost', 'knowledge-to-build'] },
  { title: 'Knowledge and skills edited', kinds: ['knowledge', 'skill'] },
  { title: 'Structure', kinds: ['structure'] },
];

/**
 * "What changes": the variant on the canvas as a list of moves from the base
 * (or another variant), grouped as a director reviews a plan; the same moves
 * are marked on the canvas, and a click on one selects what it touches.
 */
export function PlanDiffPanel({ at }: { at: { top: number; right: number } }) {
  const doc = useDocumentStore((s) => s.doc)!;
  const active = useSessionStore((s) => s.activeVariant);
  const against = usePlanStore((s) => s.against);
  const shown = doc.variants.some((v) => v.id === active) ? active : null;
  const from = against !== null && doc.variants.some((v) => v.id === against) ? against : null;
  const moves = useMemo(() => (from === shown ? [] : diffModels(modelOf(doc, from), modelOf(doc, shown))), [doc, from, shown]);
  usePlanHighlight(moves);
  const name = (id: string | null) => (id === null ? 'the base scenario' : (doc.variants.find((v) => v.id === id)?.name ?? id));

  return (
    <aside className="plan-panel" aria-label="What changes" data-testid="plan-panel" style={{ top: at.top, right: at.right, maxHeight: `calc(100vh - ${at.top + 40}px)` }}>
      <header className="plan-head">
        <h2 className="plan-title">What changes</h2>
        <button type="button" className="btn btn-ghost" aria-label="Close what changes" onClick={() => usePlanStore.getState().close()}>
          ✕
        </button>
      </header>
      <label className="field">
        <span className="field-label">{name(shown)} compared with</span>
        <select className="input" data-testid="plan-against" value={from ?? ''} onChange={(e) => usePlanStore.getState().setAgainst(e.target.value || null)}>
          <option value="">Base scenario</option>
          {doc.variants.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {from === shown ? (
        <p className="field-hint" data-testid="plan-same">
          Show a variant on the canvas (Variant, above) to see what it changes, or compare with another variant.
        </p>
      ) : moves.length === 0 ? (
        <p className="field-hint" data-testid="plan-none">
          Nothing changes: {name(shown)} is the same as {name(from)}.
        </p>
      ) : (
        <div className="plan-groups" data-testid="plan-moves">
          <p className="plan-count">
            {moves.length} change{moves.length === 1 ? '' : 's'} from {name(from)}, marked on the canvas.
          </p>
          {GROUPS.map((g) => {
            const list = moves.filter((m) => g.kinds.includes(m.kind));
            if (list.length === 0) return null;
            return (
              <section key={g.title} className="plan-group">
                <h3 className="plan-group-title">
                  {g.title} <span className="plan-group-count">{list.length}</span>
                </h3>
                <ul className="plan-list">
                  {list.map((m, i) => (
                    <li key={`${m.kind}:${i}`}>
                      <button type="button" className="plan-move" data-kind={m.kind} onClick={() => select(m)}>
                        {m.text}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </aside>
  );
}

function select(m: PlanMove): void {
  const keys = m.nodes.filter((n) => !n.startsWith('team:'));
  if (keys.length) useSessionStore.getState().setSelection(keys);
}
