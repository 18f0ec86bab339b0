import type { FinalConnectionState, OnConnectStart } from '@xyflow/react';
import { useCallback, useRef } from 'react';
import { parseKey } from '../../../simulation/scenario/layout';
import type { EditorActions } from './editorActions';

/** The service card under a point on screen, if any. */
function serviceAt(x: number, y: number): HTMLElement | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const node = el.closest<HTMLElement>('.react-flow__node-service');
    if (node) return node;
  }
  return null;
}

/** Marks the card a line would be let go on (and unmarks the one before). */
function mark(target: { current: HTMLElement | null }, el: HTMLElement | null) {
  if (target.current === el) return;
  target.current?.removeAttribute('data-drop-target');
  el?.setAttribute('data-drop-target', 'true');
  target.current = el;
}

/**
 * A line drawn from a person may be let go anywhere on a service card, not
 * only on its small handle: the card under the pointer is marked while
 * dragging (`data-drop-target`), and letting go on it links the two. Work
 * happens only while a line is being drawn, on pointer moves.
 */
export function useLinkDrop(editor: EditorActions): { onConnectStart: OnConnectStart; onConnectEnd: (event: MouseEvent | TouchEvent, state: FinalConnectionState) => void } {
  const from = useRef<string | null>(null);
  const target = useRef<HTMLElement | null>(null);
  const onMove = useRef<(e: PointerEvent) => void>(() => undefined);

  const onConnectStart = useCallback<OnConnectStart>((_, params) => {
    const k = params.nodeId ? parseKey(params.nodeId) : null;
    from.current = k?.kind === 'person' ? k.id : null;
    if (!from.current) return;
    onMove.current = (e: PointerEvent) => mark(target, serviceAt(e.clientX, e.clientY));
    window.addEventListener('pointermove', onMove.current);
  }, []);

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      window.removeEventListener('pointermove', onMove.current);
      const person = from.current;
      from.current = null;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const el = target.current ?? (point ? serviceAt(point.clientX, point.clientY) : null);
      mark(target, null);
      // Let go on the service's own handle: React Flow has made the connection already.
      if (!person || state.isValid) return;
      const to = el?.dataset.id ? parseKey(el.dataset.id) : null;
      if (to?.kind === 'service') editor.connect(person, to.id);
    },
    [editor],
  );
  return { onConnectStart, onConnectEnd };
}
