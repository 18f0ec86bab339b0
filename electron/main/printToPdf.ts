import { BrowserWindow } from 'electron';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lockedDown } from '../../simulation/report/lockedDown';

/**
 * Prints a report's HTML to PDF with Electron's own Chromium: the page is
 * loaded from a temporary file into a hidden, sandboxed window with
 * JavaScript off, no preload and every navigation or new window refused, and
 * printed with the report's CSS page size, margins, header and page numbers.
 * The window and the file are removed whatever happens.
 */
export async function printReportWithElectron(html: string): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-print-'));
  const file = path.join(dir, 'report.html');
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  try {
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.on('will-redirect', (event) => event.preventDefault());
    await fs.writeFile(file, lockedDown(html));
    await win.loadURL(pathToFileURL(file).href);
    const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
