import { useEffect } from 'react';
import type { EditorActions } from './editorActions';
import { parseKey } from '../../../simulation/scenario/layout';

export interface ContextMenuState {
  x: number;
  y: number;
  key: string;
}

/** Right-click menu on a node: rename (through `onRename`, given the node's key), duplicate, delete. */
export function ContextMenu({ state, editor, onRename, onClose }: { state: ContextMenuState; editor: EditorActions; onRename(key: string): void; onClose(): void }) {
  useEffect(() => {
    const close = () => onClose();
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [onClose]);
  const kind = parseKey(state.key)?.kind;
  const item = (label: string, testId: string, run: () => void) => (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      data-testid={testId}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={() => {
        onClose();
        run();
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="menu-popup context-menu" role="menu" style={{ left: state.x, top: state.y }} data-testid="context-menu">
      {item('Rename', 'ctx-rename', () => onRename(state.key))}
      {kind !== 'team' && item('Duplicate', 'ctx-duplicate', () => editor.duplicate())}
      <div className="menu-separator" role="separator" />
      {item('Delete', 'ctx-delete', () => editor.deleteSelection())}
    </div>
  );
}
