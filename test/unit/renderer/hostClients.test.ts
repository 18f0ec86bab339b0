import { describe, expect, it, vi } from 'vitest';
import { HostError } from '../../../electron/api/contract';
import { bridgeClient } from '../../../renderer/src/host/bridgeClient';
import { takeToken, webClient } from '../../../renderer/src/host/webClient';

describe('web client', () => {
  it('posts the arguments with the token and unwraps the value', async () => {
    const fetchFn = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: [{ path: '/a' }] })));
    const api = webClient('tok', fetchFn as unknown as typeof fetch);
    expect(await api.listRecent()).toEqual([{ path: '/a' }]);
    expect(fetchFn).toHaveBeenCalledWith('/api/listRecent', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-handoff-token': 'tok' },
      body: '{"args":[]}',
    });
  });

  it('throws a HostError carrying the code and message of a failure', async () => {
    const body = { ok: false, error: { code: 'forbidden-path', message: 'Cannot read /etc: outside' } };
    const api = webClient('tok', (async () => new Response(JSON.stringify(body), { status: 403 })) as typeof fetch);
    const err = await api.readScenario('/etc').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: 'forbidden-path', message: 'Cannot read /etc: outside' });
  });

  it('says the host is gone when the connection fails', async () => {
    const api = webClient('tok', (async () => Promise.reject(new TypeError('fetch failed'))) as typeof fetch);
    await expect(api.info()).rejects.toThrow('The Handoff web host is not answering. Is it still running?');
  });
});

describe('takeToken', () => {
  const storage = () => {
    const data = new Map<string, string>();
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) } as Storage;
  };
  it('takes the token from the fragment, removes it from the address, and remembers it for reloads', () => {
    const store = storage();
    const history = { replaceState: vi.fn() } as unknown as History;
    const first = takeToken({ hash: '#token=abc_DEF-1', pathname: '/', search: '' } as Location, store, history);
    expect(first).toBe('abc_DEF-1');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/');
    expect(takeToken({ hash: '', pathname: '/', search: '' } as Location, store, history)).toBe('abc_DEF-1');
  });
  it('has no token without the fragment', () => {
    expect(takeToken({ hash: '', pathname: '/', search: '' } as Location, storage(), {} as History)).toBeNull();
  });
});

describe('bridge client (Electron preload)', () => {
  it('unwraps envelopes from the preload', async () => {
    const bridge = {
      info: async () => ({ ok: true, value: { host: 'electron' } }),
      readScenario: async () => ({ ok: false, error: { code: 'not-found', message: 'gone' } }),
      onMenuCommand: () => () => undefined,
    };
    const api = bridgeClient(bridge as never);
    expect(await api.info()).toEqual({ host: 'electron' });
    await expect(api.readScenario('x')).rejects.toMatchObject({ code: 'not-found' });
  });
});
