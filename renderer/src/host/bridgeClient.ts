import {
  HostError,
  hostMethods,
  type HostApi,
  type HostBridge,
  type HostResult,
} from '../../../electron/api/contract';

/** Unwraps a host's result envelope: the value, or a thrown HostError. */
export function unwrap<T>(result: HostResult<T>): T {
  if (result.ok) return result.value;
  throw new HostError(result.error);
}

/** The host API over the Electron preload's `window.handoff` bridge. */
export function bridgeClient(bridge: HostBridge): HostApi {
  const api: Record<string, unknown> = {};
  for (const method of hostMethods) {
    const call = bridge[method] as (...args: unknown[]) => Promise<HostResult<unknown>>;
    api[method] = async (...args: unknown[]) => unwrap(await call(...args));
  }
  api.onMenuCommand = bridge.onMenuCommand;
  return api as HostApi;
}
