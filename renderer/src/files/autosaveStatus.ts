import { create } from 'zustand';

/** Whether the last autosave reached the host; shown in the status bar. */
export interface AutosaveStatus {
  failing: boolean;
  /** Why the last attempt failed, in the host's words. */
  reason: string;
  /** Attempts that failed in a row. */
  failures: number;
}

export const useAutosaveStatus = create<AutosaveStatus>(() => ({ failing: false, reason: '', failures: 0 }));

/** Wait before retrying after `failures` failures in a row: 2, 4, 8, 16, then every 30 seconds. */
export const retryDelayMs = (failures: number): number => Math.min(30_000, 1000 * 2 ** Math.max(1, failures));
