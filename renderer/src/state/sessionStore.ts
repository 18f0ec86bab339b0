import { create } from 'zustand';
import type { RecoveryRecord } from '../../../electron/api/contract';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  title: string;
  /** Further lines, e.g. every problem found in a file. */
  details?: string[];
}

/** Which modal dialog is open (the web host draws its own file dialogs). */
export type DialogState =
  | { kind: 'none' }
  | { kind: 'open' }
  | { kind: 'saveAs' }
  | { kind: 'confirmDiscard'; action: string; onConfirm: () => void }
  | { kind: 'about' }
  | { kind: 'report' }
  | { kind: 'recover'; records: RecoveryRecord[] }
  | { kind: 'saveConflict'; name: string; onOverwrite: () => void; onSaveAs: () => void }
  | { kind: 'runBudget'; verdict: 'large' | 'refused'; what: string; reason: string; onRun: () => void };

/**
 * Session state: what the user sees and chose in this window, never saved
 * with the document and never undoable.
 */
export type CenterView = 'canvas' | 'skills' | 'workload' | 'results' | 'incidents';

export interface SessionState {
  theme: ThemeChoice;
  /** Node keys of the selection on the canvas (`person:<id>`, `service:<id>`, `team:<id>`). */
  selection: string[];
  /** The variant being viewed and edited (null: the base scenario). */
  activeVariant: string | null;
  view: CenterView;
  /** A node the canvas should bring into view (asked from outside it, e.g. the outline), with when it was asked. */
  focus: { key: string; at: number } | null;
  setSelection(keys: string[]): void;
  focusOn(key: string): void;
  setActiveVariant(id: string | null): void;
  setView(view: CenterView): void;
  dialog: DialogState;
  notices: Notice[];
  setTheme(theme: ThemeChoice): void;
  openDialog(dialog: DialogState): void;
  closeDialog(): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

const THEME_KEY = 'handoff.theme';
let nextNoticeId = 1;

function storedTheme(): ThemeChoice {
  try {
    const value = globalThis.localStorage?.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

export const useSessionStore = create<SessionState>()((set) => ({
  theme: storedTheme(),
  dialog: { kind: 'none' },
  notices: [],
  selection: [],
  activeVariant: null,
  view: 'canvas',
  focus: null,
  focusOn: (key) => set((s) => ({ focus: { key, at: (s.focus?.at ?? 0) + 1 } })),
  setSelection: (selection) => set((s) => (sameKeys(s.selection, selection) ? s : { selection })),
  setActiveVariant: (activeVariant) => set({ activeVariant, selection: [] }),
  setView: (view) => set({ view }),
  setTheme: (theme) => {
    try {
      globalThis.localStorage?.setItem(THEME_KEY, theme);
    } catch {
      // Private mode: the choice lasts for this session only.
    }
    set({ theme });
  },
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: { kind: 'none' } }),
  notify: (notice) => set((s) => ({ notices: [...s.notices.slice(-4), { ...notice, id: nextNoticeId++ }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
