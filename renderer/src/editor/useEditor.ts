import { useMemo } from 'react';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { createEditorActions, type EditorActions } from './editorActions';
import { modelOf, type EditableParts } from '../document/editableParts';

/** The editor's actions, bound to the app's stores. */
export function useEditor(): EditorActions {
  return useMemo(
    () =>
      createEditorActions({
        documents: useDocumentStore,
        session: useSessionStore.getState,
        model: () => currentModel(),
        target: () => {
          const active = useSessionStore.getState().activeVariant;
          return active !== null && useDocumentStore.getState().doc?.variants.some((v) => v.id === active) ? active : null;
        },
      }),
    [],
  );
}

/** The model being edited now (the active variant's, or the base's), read outside React. */
export function currentModel(): EditableParts | null {
  const doc = useDocumentStore.getState().doc;
  return doc ? modelOf(doc, useSessionStore.getState().activeVariant) : null;
}
