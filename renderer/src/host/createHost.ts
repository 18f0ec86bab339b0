import type { HostApi, HostBridge } from '../../../electron/api/contract';
import { bridgeClient } from './bridgeClient';
import { takeToken, webClient } from './webClient';

declare global {
  interface Window {
    /** Present only in the Electron host (set by the preload). */
    handoff?: HostBridge;
  }
}

/** The host this page runs in: Electron when the preload is there, else the web host. */
export function createHost(): HostApi | { error: string } {
  if (window.handoff) return bridgeClient(window.handoff);
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token) {
    return { error: 'This page needs the address the Handoff web host printed when it started (it ends in #token=...).' };
  }
  return webClient(token);
}
