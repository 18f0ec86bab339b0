import type { RecoveryRecord } from '../../../electron/api/contract';

const CHANNEL = 'handoff-windows';
const KEY = 'handoff.windowId';

let cached: string | null = null;

/**
 * This window's id: kept in sessionStorage, so a reload (or the desktop
 * host's reload after a crash) keeps it and finds its own unsaved work, while
 * another tab or window gets its own.
 */
export function windowId(): string {
  if (cached) return cached;
  let id: string | null = null;
  try {
    id = sessionStorage.getItem(KEY);
  } catch {
    // Storage refused (a locked-down browser): an id for this page's life only.
  }
  if (!id || !/^[a-z0-9-]{1,64}$/.test(id)) {
    id = `w-${crypto.randomUUID()}`;
    try {
      sessionStorage.setItem(KEY, id);
    } catch {
      // As above.
    }
  }
  cached = id;
  return id;
}

/**
 * Answers other windows of the app asking who is alive (see
 * {@link orphanedRecords}); returns a function that stops answering.
 */
export function answerLiveWindowPings(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if ((event.data as { ask?: unknown } | null)?.ask === 'alive') channel.postMessage({ alive: windowId() });
  };
  return () => channel.close();
}

/**
 * The recovery records no live window owns: work of a window that crashed or
 * was closed, and this window's own (after a reload). A record of another
 * open tab is its live work, not crashed work, and is left to it.
 */
export async function orphanedRecords(records: readonly RecoveryRecord[], waitMs = 400): Promise<RecoveryRecord[]> {
  if (records.length === 0 || typeof BroadcastChannel === 'undefined') return [...records];
  const alive = new Set<string>();
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const id = (event.data as { alive?: unknown } | null)?.alive;
    if (typeof id === 'string') alive.add(id);
  };
  channel.postMessage({ ask: 'alive' });
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  channel.close();
  alive.delete(windowId());
  return records.filter((r) => r.windowId === undefined || !alive.has(r.windowId));
}
