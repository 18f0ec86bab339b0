/**
 * The Electron main process with `electron` mocked: no binary is needed, and
 * the real module is never loaded (it would try to download one).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => {
  const windows: FakeWindow[] = [];
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const appEvents = new Map<string, (...args: unknown[]) => unknown>();
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((r) => (readyResolve = r));
  interface FakeWindow {
    options: Record<string, unknown>;
    webContents: FakeContents;
    loadURL: (url: string) => Promise<void>;
    loaded?: string;
  }
  interface FakeContents {
    events: Map<string, (...args: unknown[]) => unknown>;
    openHandler?: (details: unknown) => unknown;
    setWindowOpenHandler(fn: (d: unknown) => unknown): void;
    on(name: string, fn: (...args: unknown[]) => unknown): void;
    send: ReturnType<typeof vi.fn>;
    reload: ReturnType<typeof vi.fn>;
    isDestroyed(): boolean;
  }
  const makeContents = (): FakeContents => ({
    events: new Map(),
    setWindowOpenHandler(fn) {
      this.openHandler = fn;
    },
    on(name, fn) {
      this.events.set(name, fn);
    },
    send: vi.fn(),
    reload: vi.fn(),
    isDestroyed: () => false,
  });
  const listeners = new Map<string, (...args: unknown[]) => unknown>();
  return { windows, handlers, listeners, appEvents, ready, readyResolve, makeContents, privileged: [] as unknown[], permissionHandler: null as null | ((...a: unknown[]) => void), menuTemplate: null as unknown };
});

vi.mock('electron', () => {
  class BrowserWindow {
    options: Record<string, unknown>;
    webContents = h.makeContents();
    loaded?: string;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      h.windows.push(this as never);
    }
    once() {}
    on() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    isDestroyed() {
      return false;
    }
    destroy = vi.fn();
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    static getFocusedWindow() {
      return h.windows[0] ?? null;
    }
    static getAllWindows() {
      return h.windows;
    }
  }
  return {
    app: {
      enableSandbox: vi.fn(),
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      getVersion: () => '0.1.0',
      getPath: (name: string) => path.join(os.tmpdir(), 'handoff-electron-test', name),
      name: 'Handoff',
      whenReady: () => h.ready,
      on: (name: string, fn: (...args: unknown[]) => unknown) => h.appEvents.set(name, fn),
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })), showMessageBoxSync: vi.fn() },
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => unknown) => h.handlers.set(channel, fn),
      on: (channel: string, fn: (...args: unknown[]) => unknown) => h.listeners.set(channel, fn),
    },
    Menu: { buildFromTemplate: (t: unknown) => ((h.menuTemplate = t), t), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => h.privileged.push(...s), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: (...a: unknown[]) => void) => (h.permissionHandler = fn),
        setPermissionCheckHandler: vi.fn(),
      },
    },
  };
});

beforeAll(async () => {
  await import('../../../electron/main/index');
  h.readyResolve();
  await vi.waitFor(() => expect(h.windows.length).toBe(1));
});

describe('Electron main process (electron mocked)', () => {
  it('creates the window with the security settings of the checklist', () => {
    const prefs = h.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('loads the app from its own privileged scheme, not from the web', () => {
    expect(h.windows[0]!.loaded).toBe('app://handoff/index.html');
    expect(h.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('denies window.open and navigation away from the app', () => {
    const contents = h.windows[0]!.webContents;
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const navigate = contents.events.get('will-navigate')!;
    const away = { preventDefault: vi.fn() };
    navigate(away, 'https://example.com/phish');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    navigate(inside, 'app://handoff/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.events.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request', () => {
    const answer = vi.fn();
    h.permissionHandler!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
  });

  it('answers IPC only from the app page, and validates arguments', async () => {
    const handler = h.handlers.get('handoff:readScenario')!;
    const fromApp = { senderFrame: { url: 'app://handoff/index.html', parent: null } };
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/', parent: null } };
    const fromSubframe = { senderFrame: { url: 'app://handoff/index.html', parent: {} } };
    expect(await handler(fromElsewhere, 'x.handoff.json')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await handler(fromSubframe, 'x.handoff.json')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await handler(fromApp, 42)).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect(await handler(fromApp, '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
    const info = await h.handlers.get('handoff:info')!(fromApp);
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', nativeDialogs: true } });
  });

  it('registers one handler per API method', async () => {
    const { hostMethods } = await import('../../../electron/api/contract');
    expect([...h.handlers.keys()].sort()).toEqual(hostMethods.map((m) => `handoff:${m}`).sort());
  });

  it('installs the application menu with File, Edit, View and Help', () => {
    const labels = (h.menuTemplate as { label?: string; role?: string }[]).map((m) => m.label ?? m.role);
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'help']));
  });

  it('offers to reload when the page process crashes, and ignores a clean exit', async () => {
    const { dialog } = await import('electron');
    const contents = h.windows[0]!.webContents;
    const gone = contents.events.get('render-process-gone')!;
    gone({}, { reason: 'clean-exit', exitCode: 0 });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    gone({}, { reason: 'oom', exitCode: 0 });
    await vi.waitFor(() => expect(contents.reload).toHaveBeenCalledOnce());
    expect((vi.mocked(dialog.showMessageBox).mock.calls[0] as unknown[])[1]).toMatchObject({ message: 'The Handoff window ran out of memory.', buttons: ['Reload', 'Close window'] });
  });

  it('opens a file double-clicked while the app runs (second instance), once the page listens, and allows it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-launch-'));
    const file = path.join(dir, 'team.handoff.json');
    await fs.writeFile(file, '{"formatVersion":1}');
    const fromApp = { senderFrame: { url: 'app://handoff/index.html', parent: null } };
    const readScenario = h.handlers.get('handoff:readScenario')!;
    expect(await readScenario(fromApp, file)).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });

    h.appEvents.get('second-instance')!({}, ['/opt/Handoff/handoff', '--flag', 'team.handoff.json'], dir);
    const stranger = { send: vi.fn(), isDestroyed: () => false };
    h.listeners.get('handoff:menu-ready')!({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: stranger });
    const page = { send: vi.fn(), isDestroyed: () => false };
    h.listeners.get('handoff:menu-ready')!({ ...fromApp, sender: page });
    await vi.waitFor(() => expect(page.send).toHaveBeenCalledWith('handoff:menu', { command: 'file.openRecent', path: file }));
    expect(stranger.send).not.toHaveBeenCalled();
    expect(await readScenario(fromApp, file)).toMatchObject({ ok: true, value: { path: file } });
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('opens a window for a file double-clicked while macOS keeps Handoff running without one', async () => {
    const kept = h.windows.splice(0);
    const event = { preventDefault: vi.fn() };
    h.appEvents.get('open-file')!(event, path.join(os.tmpdir(), 'mac.handoff.json'));
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(h.windows.length).toBe(1));
    h.windows.splice(0, h.windows.length, ...kept);
  });
});
