import {
  HostError,
  hostMethods,
  TOKEN_HEADER,
  type HostApi,
  type HostResult,
} from '../../../electron/api/contract';
import { unwrap } from './bridgeClient';

/**
 * The host API over the local web host's HTTP endpoint. `fetchFn` is
 * injectable for tests.
 */
export function webClient(token: string, fetchFn: typeof fetch = (...a) => fetch(...a)): HostApi {
  const api: Record<string, unknown> = {};
  for (const method of hostMethods) {
    api[method] = async (...args: unknown[]) => {
      let response: Response;
      try {
        response = await fetchFn(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify({ args }),
        });
      } catch {
        throw new HostError({ code: 'io-error', message: 'The Handoff web host is not answering. Is it still running?' });
      }
      let result: HostResult<unknown>;
      try {
        result = (await response.json()) as HostResult<unknown>;
      } catch {
        throw new HostError({ code: 'internal', message: `The web host answered ${response.status} without a readable body.` });
      }
      return unwrap(result);
    };
  }
  // The web host has no native menu; the page draws its own.
  api.onMenuCommand = () => () => undefined;
  return api as HostApi;
}

const TOKEN_KEY = 'handoff.token';

/**
 * The web host's per-launch token: taken from the address fragment the host
 * printed (then removed from the address bar), or from this tab's storage
 * after a reload.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
}
