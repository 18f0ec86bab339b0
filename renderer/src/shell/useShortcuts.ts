import { useEffect } from 'react';
import type { AppCommand } from '../app/AppServices';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Maps a key press to an app command (Ctrl on Windows/Linux, Cmd on macOS). */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac = isMac): AppCommand | null {
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 's') return event.shiftKey ? 'file.saveAs' : 'file.save';
  if (key === 'o' && !event.shiftKey) return 'file.open';
  if (key === 'z') return event.shiftKey ? 'edit.redo' : 'edit.undo';
  if (key === 'y' && !mac && !event.shiftKey) return 'edit.redo';
  return null;
}

/**
 * Keyboard shortcuts for the web host. In the desktop app the native menu's
 * accelerators do this, so the page leaves the keys alone there.
 */
export function useShortcuts(enabled: boolean, run: (command: AppCommand) => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const command = shortcutFor(event);
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, run]);
}
