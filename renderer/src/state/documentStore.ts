import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import { create } from 'zustand';
import { applyCommand, describeCommand, type Command } from '../document/commands';
import { emptyScenario } from '../../../simulation/scenario/defaults';
import type { Scenario } from '../../../simulation/scenario/schema';

enablePatches();

interface HistoryEntry {
  label: string;
  /** The document revision this step leads to. */
  revision: number;
  patches: Patch[];
  inverse: Patch[];
  /** Consecutive edits with the same key (one typed value, one drag) merge into one step. */
  coalesceKey?: string;
}

/** Where the open document lives on disk, if anywhere. */
export interface DocumentFile {
  path: string;
  name: string;
}

export interface DocumentState {
  doc: Scenario | null;
  file: DocumentFile | null;
  /**
   * Names the document's current state: each edit makes a new revision, and
   * undo/redo return to earlier ones, so undoing back to the saved state
   * makes the document clean again.
   */
  revision: number;
  /** The revision in the file on disk (-1: none, the document came from recovery). */
  savedRevision: number;
  /** Next revision number to hand out. */
  nextRevision: number;
  /** The revision below the oldest undo step still kept. */
  baseRevision: number;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Names this document's autosave record; new for every document opened. */
  recoveryId: string;
}

export interface DocumentActions {
  newDocument(): void;
  loadDocument(doc: Scenario, file: DocumentFile | null, options?: { dirty?: boolean; recoveryId?: string }): void;
  closeDocument(): void;
  apply(command: Command, options?: { coalesceKey?: string }): void;
  /** Ends a run of merged edits, so the next edit is a step of its own. */
  endGesture(): void;
  undo(): void;
  redo(): void;
  markSaved(file: DocumentFile, revision: number): void;
}

const HISTORY_LIMIT = 500;

const newRecoveryId = () => `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const initial: DocumentState = { doc: null, file: null, revision: 0, savedRevision: 0, nextRevision: 1, baseRevision: 0, past: [], future: [], recoveryId: newRecoveryId() };

/** Creates the document store (a function so tests get a fresh one). */
export function createDocumentStore() {
  return create<DocumentState & DocumentActions>()((set, get) => ({
    ...initial,

    newDocument: () => set({ ...initial, doc: emptyScenario(), recoveryId: newRecoveryId() }),

    loadDocument: (doc, file, options) =>
      set({ ...initial, doc, file, savedRevision: options?.dirty ? -1 : 0, recoveryId: options?.recoveryId ?? newRecoveryId() }),

    closeDocument: () => set({ ...initial, recoveryId: newRecoveryId() }),

    apply: (command, options) => {
      const { doc, past, nextRevision, baseRevision } = get();
      if (!doc) return;
      const [next, patches, inverse] = produceWithPatches(doc, (draft) => applyCommand(draft, command));
      if (patches.length === 0) return;
      const last = past[past.length - 1];
      if (options?.coalesceKey && last?.coalesceKey === options.coalesceKey) {
        const merged: HistoryEntry = { ...last, revision: nextRevision, patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse] };
        set({ doc: next, past: [...past.slice(0, -1), merged], future: [], revision: nextRevision, nextRevision: nextRevision + 1 });
        return;
      }
      const entry: HistoryEntry = { label: describeCommand(command), revision: nextRevision, patches, inverse, coalesceKey: options?.coalesceKey };
      const all = [...past, entry];
      const dropped = all.length > HISTORY_LIMIT ? all[all.length - HISTORY_LIMIT - 1] : undefined;
      set({
        doc: next,
        past: all.slice(-HISTORY_LIMIT),
        future: [],
        revision: nextRevision,
        nextRevision: nextRevision + 1,
        baseRevision: dropped?.revision ?? baseRevision,
      });
    },

    endGesture: () => {
      const { past } = get();
      const last = past[past.length - 1];
      if (last?.coalesceKey) set({ past: [...past.slice(0, -1), { ...last, coalesceKey: undefined }] });
    },

    undo: () => {
      const { doc, past, future, baseRevision } = get();
      const entry = past[past.length - 1];
      if (!doc || !entry) return;
      const revision = past[past.length - 2]?.revision ?? baseRevision;
      set({ doc: applyPatches(doc, entry.inverse), past: past.slice(0, -1), future: [{ ...entry, coalesceKey: undefined }, ...future], revision });
    },

    redo: () => {
      const { doc, past, future } = get();
      const entry = future[0];
      if (!doc || !entry) return;
      set({ doc: applyPatches(doc, entry.patches), past: [...past, entry], future: future.slice(1), revision: entry.revision });
    },

    markSaved: (file, revision) => set({ file, savedRevision: revision }),
  }));
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;

/** The app's one document store. */
export const useDocumentStore = createDocumentStore();

/** True when the document has changes that are not in its file. */
export const selectDirty = (s: DocumentState): boolean => s.doc !== null && s.revision !== s.savedRevision;

