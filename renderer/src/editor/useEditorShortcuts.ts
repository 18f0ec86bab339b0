import { useEffect } from 'react';
import type { EditorActions } from './editorActions';
import { canvasView } from './canvasView';
import { openShortcutSheet } from './shortcutSheet';

const typing = (el: Element | null) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);

/** After a delete the focus stays on the canvas (not the page), so the keys keep working and a screen reader keeps its place. */
export function focusCanvas(): void {
  document.querySelector<HTMLElement>('[data-testid="editor-canvas"]')?.focus({ preventScroll: true });
}

/** Puts the keyboard in the outline's find field. */
export function focusFind(): void {
  const field = document.querySelector<HTMLInputElement>('[data-testid="outline-filter"]');
  field?.focus();
  field?.select();
}

/**
 * Canvas keys: Delete/Backspace deletes the selection, Ctrl/Cmd+A selects
 * everything, Ctrl/Cmd+X, C, V cut, copy and paste (within the app),
 * Ctrl/Cmd+D duplicates, F2 renames the selected node, Escape clears the
 * selection, arrows nudge by 10 (Shift: 1), Ctrl/Cmd+F finds, Ctrl/Cmd +
 * and - zoom, Shift+1 fits everything in view, Shift+2 shows the overview, ? lists the keys.
 * Not while typing in a field or with a dialog open.
 */
export function useEditorShortcuts(editor: EditorActions, placed: Record<string, { x: number; y: number }>, rename: (key: string) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      // Find works from anywhere, a field included (as in a browser).
      if (mod && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        return focusFind();
      }
      if (typing(document.activeElement) || document.querySelector('[role="dialog"]')) return;
      const step = e.shiftKey ? 1 : 10;
      const arrows: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      const key = e.key.toLowerCase();
      const view = canvasView.commands();
      if ((e.key === 'Delete' || e.key === 'Backspace') && !mod) {
        editor.deleteSelection();
        focusCanvas();
      } else if (e.key === 'Escape') editor.clearSelection();
      else if (e.key === 'F2') {
        const [only] = editor.selected();
        if (only) rename(only);
      } else if (e.key === '?' && !mod) openShortcutSheet();
      else if (mod && key === 'a') editor.selectAll();
      else if (mod && key === 'd') editor.duplicate();
      else if (mod && key === 'c') editor.copy();
      else if (mod && key === 'x') {
        editor.cut();
        focusCanvas();
      } else if (mod && key === 'v') editor.paste();
      else if (mod && (e.key === '=' || e.key === '+')) view?.zoomIn();
      else if (mod && e.key === '-') view?.zoomOut();
      else if (e.shiftKey && !mod && e.code === 'Digit1') view?.fit();
      else if (e.shiftKey && !mod && e.code === 'Digit2') view?.overview();
      else if (arrows[e.key] && !mod) editor.nudge(...arrows[e.key]!, placed);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, placed, rename]);
}
