import { createContext, useContext } from 'react';
import { parseKey } from '../../../simulation/scenario/layout';

/**
 * How nodes rename what they show. Passed by context rather than in each
 * node's data, so node data stays plain values and a node re-renders only
 * when what it shows changes.
 */
export const RenameContext = createContext<(key: string, name: string) => void>(() => undefined);

export const useRename = () => useContext(RenameContext);

/** Starts renaming a node on the canvas as a double-click on its name does (nothing if its name is not rendered). */
export function startRenaming(key: string): void {
  const parsed = parseKey(key);
  const label = parsed && document.querySelector<HTMLElement>(`[data-testid="${parsed.kind}-name-${parsed.id}"]`);
  label?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
}
