import { useEffect } from 'react';
import type { EditorActions } from './editorActions';

const typing = (el: Element | null) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);

/**
 * Canvas keys: Delete/Backspace deletes the selection, Ctrl/Cmd+A selects
 * everything, Ctrl/Cmd+D duplicates, Ctrl/Cmd+C and Ctrl/Cmd+V copy and paste
 * (within the app), arrows nudge by 10 (Shift: 1). Not while typing in a field.
 */
export function useEditorShortcuts(editor: EditorActions, placed: Record<string, { x: number; y: number }>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(document.activeElement) || document.querySelector('[role="dialog"]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const step = e.shiftKey ? 1 : 10;
      const arrows: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (e.key === 'Delete' || e.key === 'Backspace') editor.deleteSelection();
      else if (mod && e.key.toLowerCase() === 'a') editor.selectAll();
      else if (mod && e.key.toLowerCase() === 'd') editor.duplicate();
      else if (mod && e.key.toLowerCase() === 'c') editor.copy();
      else if (mod && e.key.toLowerCase() === 'v') editor.paste();
      else if (arrows[e.key] && !mod) editor.nudge(...arrows[e.key]!, placed);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, placed]);
}
