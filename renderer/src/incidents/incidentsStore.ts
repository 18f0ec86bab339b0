import { create } from 'zustand';
import type { ReplayComparison } from '../../../simulation/replay/replayComparison';
import type { AbsenceMode, DetectionMode } from '../../../simulation/replay/replayRun';

/** How replays of the Incidents view run (shared by the fit check and the what-ifs). */
export interface ReplaySettings {
  replications: string;
  detection: DetectionMode;
  absences: AbsenceMode;
  /** Paging delay out of hours, minutes, as typed; '' for the log's own (see proposeCalibration). */
  pageMinutes: string;
}

/** A replay kept in the session: the last one of each log and scope, with the hash of the scenario it ran on. */
export interface KeptReplay {
  /** The log's id and the scope, in words. */
  key: string;
  logId: string;
  replay: ReplayComparison;
  scenarioHash: string;
}

export type ReplayProgress = { kind: 'idle' } | { kind: 'running'; logId: string; done: number; total: number } | { kind: 'error'; logId: string; message: string };

/**
 * The Incidents view's session state: which log is shown, the moment the
 * playback cursor is at, and the last replay of each log. Never saved.
 */
export interface IncidentsState {
  selectedLog: string | null;
  /** The instant (ms, UTC) the timeline's cursor is at. */
  cursor: number;
  replays: Record<string, ReplayComparison>;
  /** SHA-256 of the scenario each log's last replay ran on, so a report includes it only with a run of that scenario. */
  replayHashes: Record<string, string>;
  /** The log replayed last. */
  lastReplayed: string | null;
  /** Every replay of this session, the last of each log and scope, oldest first (a report may include any of them). */
  kept: KeptReplay[];
  importing: boolean;
  settings: ReplaySettings;
  progress: ReplayProgress;
  selectLog(id: string | null): void;
  setCursor(instant: number): void;
  setReplay(logId: string, replay: ReplayComparison, scenarioHash: string): void;
  setSettings(patch: Partial<ReplaySettings>): void;
  setProgress(progress: ReplayProgress): void;
  /** Forgets everything (another document was opened). */
  reset(): void;
  setImporting(open: boolean): void;
}

const DEFAULT_SETTINGS: ReplaySettings = { replications: '100', detection: 'model', absences: 'planned', pageMinutes: '' };

export const useIncidentsStore = create<IncidentsState>()((set) => ({
  selectedLog: null,
  cursor: 0,
  replays: {},
  replayHashes: {},
  lastReplayed: null,
  kept: [],
  importing: false,
  settings: DEFAULT_SETTINGS,
  progress: { kind: 'idle' },
  selectLog: (selectedLog) => set({ selectedLog }),
  setCursor: (cursor) => set({ cursor }),
  setReplay: (logId, replay, scenarioHash) =>
    set((s) => {
      const key = `${logId}\u0001${replay.scope ?? ''}`;
      return {
        replays: { ...s.replays, [logId]: replay },
        replayHashes: { ...s.replayHashes, [logId]: scenarioHash },
        lastReplayed: logId,
        kept: [...s.kept.filter((k) => k.key !== key), { key, logId, replay, scenarioHash }],
      };
    }),
  setSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
  setProgress: (progress) => set({ progress }),
  reset: () => set({ selectedLog: null, cursor: 0, replays: {}, replayHashes: {}, lastReplayed: null, kept: [], progress: { kind: 'idle' } }),
  setImporting: (importing) => set({ importing }),
}));

/** The last replay, if it ran on the scenario with this hash (the run's), for a report. */
export function replayFor(scenarioHash: string, state: Pick<IncidentsState, 'replays' | 'replayHashes' | 'lastReplayed'> = useIncidentsStore.getState()): ReplayComparison | undefined {
  const id = state.lastReplayed;
  return id !== null && state.replayHashes[id] === scenarioHash ? state.replays[id] : undefined;
}

/** The replays kept in this session that ran on the scenario with this hash (the run's), newest first: what a report may include. */
export function keptReplaysFor(scenarioHash: string, state: Pick<IncidentsState, 'kept'> = useIncidentsStore.getState()): KeptReplay[] {
  return state.kept.filter((k) => k.scenarioHash === scenarioHash).reverse();
}
