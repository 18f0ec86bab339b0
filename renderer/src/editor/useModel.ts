import { useMemo } from 'react';
import { modelOf, type EditableParts } from '../document/editableParts';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';

/**
 * The model the editor shows: the base scenario's, or the active variant's
 * (its overrides over the base). Null with no document open.
 */
export function useModel(): EditableParts | null {
  const doc = useDocumentStore((s) => s.doc);
  const active = useSessionStore((s) => s.activeVariant);
  return useMemo(() => (doc ? modelOf(doc, active) : null), [doc, active]);
}

/** The variant edits go to (null: the base), never one that no longer exists. */
export function useEditTarget(): string | null {
  const active = useSessionStore((s) => s.activeVariant);
  const exists = useDocumentStore((s) => active !== null && (s.doc?.variants.some((v) => v.id === active) ?? false));
  return exists ? active : null;
}
