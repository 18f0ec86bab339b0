/**
 * Printing a report with Electron's Chromium, with `electron` mocked (no
 * binary here): the hidden window's settings, what it loads, the print
 * options, and that the window and the temporary file go away even when
 * printing fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lockedDown } from '../../../simulation/report/lockedDown';

const h = vi.hoisted(() => ({
  windows: [] as {
    options: Record<string, unknown>;
    loaded: string | null;
    loadedText: string | null;
    destroyed: boolean;
    events: Map<string, (event: { preventDefault(): void }) => void>;
    openHandler: ((d: unknown) => unknown) | null;
    printOptions: unknown;
  }[],
  failPrint: false,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    state: (typeof h.windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.state = { options, loaded: null, loadedText: null, destroyed: false, events: new Map(), openHandler: null, printOptions: null };
      h.windows.push(this.state);
      const state = this.state;
      this.webContents = {
        setWindowOpenHandler: (fn: (d: unknown) => unknown) => (state.openHandler = fn),
        on: (name: string, fn: (event: { preventDefault(): void }) => void) => state.events.set(name, fn),
        printToPDF: async (o: unknown) => {
          state.printOptions = o;
          if (h.failPrint) throw new Error('printing failed');
          return Buffer.from('%PDF-1.7 fake');
        },
      };
    }
    async loadURL(url: string) {
      this.state.loaded = url;
      this.state.loadedText = readFileSync(fileURLToPath(url), 'utf8');
    }
    destroy() {
      this.state.destroyed = true;
    }
  }
  return { BrowserWindow };
});

const { printReportWithElectron } = await import('../../../electron/main/printToPdf');

beforeEach(() => {
  h.windows.length = 0;
  h.failPrint = false;
});

describe('printReportWithElectron (electron mocked)', () => {
  it('prints in a hidden, sandboxed window with JavaScript off, no preload and no navigation', async () => {
    const pdf = await printReportWithElectron('<!doctype html><p>report</p>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');
    const w = h.windows[0]!;
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect((w.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(w.loaded).toMatch(/^file:\/\/.*handoff-print-.*report\.html$/);
    // The page it loads is the report behind a policy allowing no script and no loading.
    expect(w.loadedText).toBe(lockedDown('<!doctype html><p>report</p>'));
    expect(w.loadedText).toContain(`content="default-src 'none';`);
    expect(w.printOptions).toEqual({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
    expect(w.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    for (const name of ['will-navigate', 'will-redirect']) {
      const event = { preventDefault: vi.fn() };
      w.events.get(name)!(event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(w.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(w.loaded!))).toBe(false);
  });

  it('closes the window and removes the file when printing fails', async () => {
    h.failPrint = true;
    await expect(printReportWithElectron('<!doctype html><p>x</p>')).rejects.toThrow('printing failed');
    const w = h.windows[0]!;
    expect(w.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(w.loaded!))).toBe(false);
  });
});
