import { create } from 'zustand';
import type { ReplayComparison } from '../../../simulation/replay/replayComparison';

/**
 * The Incidents view's session state: which log is shown, the moment the
 * playback cursor is at, and the last replay of each log. Never saved.
 */
export interface IncidentsState {
  selectedLog: string | null;
  /** Working hour the timeline's cursor is at. */
  cursor: number;
  replays: Record<string, ReplayComparison>;
  importing: boolean;
  selectLog(id: string | null): void;
  setCursor(hours: number): void;
  setReplay(logId: string, replay: ReplayComparison): void;
  setImporting(open: boolean): void;
}

export const useIncidentsStore = create<IncidentsState>()((set) => ({
  selectedLog: null,
  cursor: 0,
  replays: {},
  importing: false,
  selectLog: (selectedLog) => set({ selectedLog }),
  setCursor: (cursor) => set({ cursor }),
  setReplay: (logId, replay) => set((s) => ({ replays: { ...s.replays, [logId]: replay } })),
  setImporting: (importing) => set({ importing }),
}));
