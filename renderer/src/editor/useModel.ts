import { useShallow } from 'zustand/react/shallow';
import { modelOf, type EditableParts } from '../document/editableParts';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';

/**
 * The model the editor shows: the base scenario's, or the active variant's
 * (its overrides over the base). Null with no document open. The same object
 * as long as its five parts are the same, so a change to the layout alone
 * (dropping a dragged node) does not rebuild what every node shows.
 */
export function useModel(): EditableParts | null {
  const active = useSessionStore((s) => s.activeVariant);
  return useDocumentStore(useShallow((s) => (s.doc ? modelOf(s.doc, active) : null)));
}

/** The variant edits go to (null: the base), never one that no longer exists. */
export function useEditTarget(): string | null {
  const active = useSessionStore((s) => s.activeVariant);
  const exists = useDocumentStore((s) => active !== null && (s.doc?.variants.some((v) => v.id === active) ?? false));
  return exists ? active : null;
}
