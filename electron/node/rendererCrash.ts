/** Why a page's process went away (Electron's `RenderProcessGoneDetails.reason`). */
export type GoneReason = 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';

/** What the host does after the page's process went away. */
export type CrashAction =
  /** The page closed itself normally (the window is closing): nothing to do. */
  | { kind: 'ignore' }
  /** Offer to reload; the reloaded page offers the autosaved work of this window. */
  | { kind: 'offer-reload'; message: string; detail: string }
  /** It keeps failing right after reloading: do not loop, offer to quit. */
  | { kind: 'give-up'; message: string; detail: string };

/** Crashes within this many milliseconds of each other count as a loop. */
export const CRASH_LOOP_WINDOW_MS = 60_000;
/** This many crashes inside {@link CRASH_LOOP_WINDOW_MS} stop the reloading. */
export const CRASH_LOOP_LIMIT = 3;

const REASONS: Record<Exclude<GoneReason, 'clean-exit'>, string> = {
  'abnormal-exit': 'ended unexpectedly',
  killed: 'was ended by the system or another program',
  crashed: 'crashed',
  oom: 'ran out of memory',
  'launch-failed': 'could not be started',
  'integrity-failure': 'failed its code integrity check',
  'memory-eviction': 'was closed by the system to free memory',
};

const RECOVERY = 'Unsaved edits autosaved in the last few seconds are offered again after reloading.';

/**
 * Decides what to do when the window's page process has gone
 * (`render-process-gone`). A clean exit is ignored; anything else offers a
 * reload, which brings the page back with this window's recovery record
 * offered. `recent` holds the times (ms) of earlier crashes of this window;
 * this crash is appended to it. A third crash within a minute gives up
 * instead of reloading into the same failure again.
 */
export function decideAfterCrash(reason: string, exitCode: number, recent: number[], nowMs: number): CrashAction {
  if (reason === 'clean-exit') return { kind: 'ignore' };
  const known = (REASONS as Record<string, string | undefined>)[reason];
  const what = `The Handoff window ${known ?? `stopped (${reason})`}${exitCode ? ` (exit code ${exitCode})` : ''}.`;
  recent.push(nowMs);
  while (recent.length > 0 && nowMs - recent[0]! > CRASH_LOOP_WINDOW_MS) recent.shift();
  if (recent.length >= CRASH_LOOP_LIMIT) {
    return {
      kind: 'give-up',
      message: what,
      detail: `It has stopped ${recent.length} times in the last minute, so it is not reloaded again. Unsaved edits autosaved in the last few seconds are offered when you start Handoff again. If it keeps happening, the scenario you were working on may be too large for this computer.`,
    };
  }
  return { kind: 'offer-reload', message: what, detail: RECOVERY };
}
