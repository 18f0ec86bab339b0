import type { NodeChange } from '@xyflow/react';
import { useCallback, useLayoutEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { EditableParts } from '../document/editableParts';
import { useSessionStore } from '../state/sessionStore';
import { parseKey } from '../../../simulation/scenario/layout';
import type { EditorActions } from './editorActions';
import type { EditorNode } from './nodes/nodeData';

type Point = { x: number; y: number };
/** No drag in progress. */
export const NO_PREVIEW: Record<string, Point> = {};

interface Live {
  model: EditableParts | null;
  nodes: EditorNode[];
  placed: Record<string, Point>;
  preview: Record<string, Point>;
}

/**
 * React Flow's node changes turned into the editor's: selection goes to the
 * session, a drag moves a preview (dragging a team moves its members) and its
 * end is one drop (moves, and joining the team whose box it was let go in),
 * one undo step. The `onNodesChange` it gives
 * stays the same function for the life of the canvas (it reads `live` as of
 * the last render): a new one on every drag frame would make React Flow
 * update its store, and every node and edge re-check it, once more per frame.
 */
export function useNodeChanges(editor: EditorActions, live: Live, setPreview: Dispatch<SetStateAction<Record<string, Point>>>): (changes: NodeChange<EditorNode>[]) => void {
  /** Members of a team being dragged, with where they started. */
  const teamDrag = useRef<{ team: string; start: Point; members: Record<string, Point> } | null>(null);
  const latest = useRef<Live>(live);
  useLayoutEffect(() => {
    latest.current = live;
  });

  return useCallback(
    (changes: NodeChange<EditorNode>[]) => {
      const { model, nodes, placed, preview } = latest.current;
      const moving: Record<string, Point> = {};
      const done: { key: string; x: number; y: number }[] = [];
      let droppedTeam: string | null = null;
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length) {
        const next = new Set(useSessionStore.getState().selection);
        for (const c of selects) {
          if (c.selected) next.add(c.id);
          else next.delete(c.id);
        }
        useSessionStore.getState().setSelection([...next].sort());
      }
      for (const c of changes) {
        if (c.type !== 'position') continue;
        const key = c.id;
        const node = parseKey(key)?.kind === 'team' ? nodes.find((n) => n.id === key) : undefined;
        // A team with nobody in it moves as a box of its own.
        if (parseKey(key)?.kind === 'team' && !(node?.type === 'team' && node.data.members === 0)) {
          if (!node || !c.position || !model) {
            if (c.dragging === false && teamDrag.current) {
              for (const [k, p] of Object.entries(preview)) if (k in teamDrag.current.members) done.push({ key: k, ...p });
              droppedTeam = parseKey(teamDrag.current.team)!.id;
              teamDrag.current = null;
            }
            continue;
          }
          if (!teamDrag.current || teamDrag.current.team !== key) {
            const members: Record<string, Point> = {};
            const id = parseKey(key)!.id;
            for (const p of model.people) if (p.team === id) members[`person:${p.id}`] = placed[`person:${p.id}`]!;
            for (const s of model.services) if (s.team === id) members[`service:${s.id}`] = placed[`service:${s.id}`]!;
            teamDrag.current = { team: key, start: node.position, members };
          }
          const dx = c.position.x - teamDrag.current.start.x;
          const dy = c.position.y - teamDrag.current.start.y;
          for (const [k, p] of Object.entries(teamDrag.current.members)) moving[k] = { x: p.x + dx, y: p.y + dy };
          if (c.dragging === false) {
            for (const [k, p] of Object.entries(moving)) done.push({ key: k, ...p });
            droppedTeam = parseKey(teamDrag.current.team)!.id;
            teamDrag.current = null;
          }
          continue;
        }
        if (c.position) moving[key] = c.position;
        if (c.dragging === false) {
          const at = c.position ?? preview[key];
          if (at) done.push({ key, ...at });
        }
      }
      if (done.length) {
        // One drag, however many nodes it moved and whichever team they joined, is one undo step.
        if (droppedTeam !== null) editor.drop(done, droppedTeam);
        else if (done.some((d) => parseKey(d.key)?.kind === 'team')) editor.move(done);
        else editor.drop(done);
        setPreview(NO_PREVIEW);
      } else if (Object.keys(moving).length) setPreview((p) => ({ ...p, ...moving }));
    },
    [editor, setPreview],
  );
}
