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
  /** SHA-256 of the scenario each log's last replay ran on, so a report includes it only with a run of that scenario. */
  replayHashes: Record<string, string>;
  /** The log replayed last. */
  lastReplayed: string | null;
  importing: boolean;
  selectLog(id: string | null): void;
  setCursor(hours: number): void;
  setReplay(logId: string, replay: ReplayComparison, scenarioHash: string): void;
  /** Forgets everything (another document was opened). */
  reset(): void;
  setImporting(open: boolean): void;
}

export const useIncidentsStore = create<IncidentsState>()((set) => ({
  selectedLog: null,
  cursor: 0,
  replays: {},
  replayHashes: {},
  lastReplayed: null,
  importing: false,
  selectLog: (selectedLog) => set({ selectedLog }),
  setCursor: (cursor) => set({ cursor }),
  setReplay: (logId, replay, scenarioHash) =>
    set((s) => ({ replays: { ...s.replays, [logId]: replay }, replayHashes: { ...s.replayHashes, [logId]: scenarioHash }, lastReplayed: logId })),
  reset: () => set({ selectedLog: null, cursor: 0, replays: {}, replayHashes: {}, lastReplayed: null }),
  setImporting: (importing) => set({ importing }),
}));

/** The last replay, if it ran on the scenario with this hash (the run's), for a report. */
export function replayFor(scenarioHash: string, state: Pick<IncidentsState, 'replays' | 'replayHashes' | 'lastReplayed'> = useIncidentsStore.getState()): ReplayComparison | undefined {
  const id = state.lastReplayed;
  return id !== null && state.replayHashes[id] === scenarioHash ? state.replays[id] : undefined;
}
