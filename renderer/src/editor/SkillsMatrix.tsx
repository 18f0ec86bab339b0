import { useMemo, useRef, useState } from 'react';
import { useDocumentStore } from '../state/documentStore';
import { useEditor } from './useEditor';
import { useEditTarget, useModel } from './useModel';
import { parsePercent, toPercent } from '../inspector/fields';
import { levelOf } from '../../../simulation/scenario/idMap';

type Sort = { by: 'name' } | { by: 'skill'; skill: string; desc: boolean };

/**
 * People by skills, levels in percent (0 to 100) editable in place: type a number, move with
 * the arrow keys, Enter goes down. An empty cell means the person does not
 * have the skill. Click a column heading to sort by it.
 */
export function SkillsMatrix() {
  const model = useModel();
  const variant = useEditTarget();
  const apply = useDocumentStore((s) => s.apply);
  const endGesture = useDocumentStore((s) => s.endGesture);
  const editor = useEditor();
  const [sort, setSort] = useState<Sort>({ by: 'name' });
  const [newSkill, setNewSkill] = useState('');
  const grid = useRef<HTMLTableElement>(null);

  const people = useMemo(() => {
    const list = [...(model?.people ?? [])];
    if (sort.by === 'name') return list.sort((a, b) => a.name.localeCompare(b.name));
    return list.sort((a, b) => ((levelOf(b.skills, sort.skill) ?? -1) - (levelOf(a.skills, sort.skill) ?? -1)) * (sort.desc ? 1 : -1) || a.name.localeCompare(b.name));
  }, [model, sort]);
  if (!model) return null;

  const focusCell = (row: number, col: number) => grid.current?.querySelector<HTMLInputElement>(`[data-cell="${row}:${col}"]`)?.focus();
  const addSkill = () => {
    if (editor.addSkill(newSkill)) setNewSkill('');
  };

  return (
    <div className="matrix-view" data-testid="skills-matrix">
      <div className="matrix-toolbar">
        <input className="input" placeholder="New skill, e.g. Data engineering" value={newSkill} data-testid="matrix-new-skill" onChange={(e) => setNewSkill(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addSkill()} />
        <button type="button" className="btn" data-testid="matrix-add-skill" disabled={!newSkill.trim()} onClick={addSkill}>
          Add skill
        </button>
        <button type="button" className="btn" data-testid="matrix-add-person" onClick={() => editor.addPerson()}>
          Add person
        </button>
        <span className="matrix-legend">
          Level in %: <span className="legend-swatch" data-level="0" /> 0 <span className="legend-swatch" data-level="5" /> 50 <span className="legend-swatch" data-level="10" /> 100
        </span>
      </div>
      {model.people.length === 0 || model.skills.length === 0 ? (
        <p className="empty-hint matrix-empty">{model.skills.length === 0 ? 'Add the skills your team needs, then give each person a level from 0 to 100%.' : 'Add people to give them skill levels.'}</p>
      ) : (
        <div className="matrix-scroll">
          <table className="matrix" ref={grid} role="grid">
            <thead>
              <tr>
                <th>
                  <button type="button" className="matrix-sort" onClick={() => setSort({ by: 'name' })} aria-sort={sort.by === 'name' ? 'ascending' : 'none'}>
                    Person {sort.by === 'name' && '↓'}
                  </button>
                </th>
                {model.skills.map((k) => (
                  <th key={k.id}>
                    <button
                      type="button"
                      className="matrix-sort"
                      data-testid={`matrix-sort-${k.id}`}
                      onClick={() => setSort((s) => ({ by: 'skill', skill: k.id, desc: s.by === 'skill' && s.skill === k.id ? !s.desc : true }))}
                    >
                      {k.name} {sort.by === 'skill' && sort.skill === k.id && (sort.desc ? '↓' : '↑')}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {people.map((p, row) => (
                <tr key={p.id} data-testid={`matrix-row-${p.id}`}>
                  <th scope="row">{p.name}</th>
                  {model.skills.map((k, col) => {
                    const level = levelOf(p.skills, k.id);
                    return (
                      <td key={k.id} data-level={level === undefined ? 'none' : Math.round(level * 10)}>
                        <MatrixCell
                          level={level}
                          row={row}
                          col={col}
                          testId={`cell-${p.id}-${k.id}`}
                          label={`${p.name}, ${k.name}`}
                          onLevel={(n) => apply({ type: 'person.setSkill', variant, id: p.id, skill: k.id, level: n }, { coalesceKey: `cell:${p.id}:${k.id}` })}
                          onBlur={endGesture}
                          onMove={(dr, dc) => focusCell(row + dr, col + dc)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

interface CellProps {
  level: number | undefined;
  row: number;
  col: number;
  testId: string;
  label: string;
  onLevel(level: number | null): void;
  onBlur(): void;
  onMove(dRow: number, dCol: number): void;
}

const show = (level: number | undefined) => (level === undefined ? '' : String(toPercent(level)));

/** One editable level in percent: keeps what is typed while it is being typed, shows changes from elsewhere (undo), says inline what is wrong. */
function MatrixCell({ level, row, col, testId, label, onLevel, onBlur, onMove }: CellProps) {
  const [text, setText] = useState(show(level));
  const [shown, setShown] = useState(level);
  if (level !== shown) {
    setShown(level);
    const typed = parsePercent(text);
    if (!('level' in typed) || (typed.level ?? undefined) !== level) setText(show(level));
  }
  const parsed = parsePercent(text);
  const error = 'error' in parsed ? parsed.error : null;
  const errorId = `${testId}-error`;
  return (
    <>
      <input
        className="matrix-cell"
        data-cell={`${row}:${col}`}
        data-testid={testId}
        aria-label={`${label}, percent`}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        inputMode="decimal"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const r = parsePercent(e.target.value);
          if ('level' in r) onLevel(r.level);
        }}
        onBlur={() => {
          // What was refused is said until the field is left; then the cell shows the level kept.
          setText(show(level));
          onBlur();
        }}
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={(e) => {
          const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], Enter: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
          const m = moves[e.key];
          if (!m) return;
          const input = e.currentTarget;
          const atEdge = e.key === 'ArrowLeft' ? input.selectionStart === 0 : e.key === 'ArrowRight' ? input.selectionEnd === input.value.length : true;
          if (!atEdge) return;
          e.preventDefault();
          onMove(m[0], m[1]);
        }}
      />
      {error && (
        <span className="matrix-error" id={errorId} role="alert" data-testid={errorId}>
          {error}; {level === undefined ? 'no level kept' : `${toPercent(level)}% kept`}
        </span>
      )}
    </>
  );
}
