/**
 * Prints an HTML report to PDF with a headless Chromium, for the command line
 * and the web host (the desktop app prints with its own Chromium instead).
 * The page is loaded from a temporary file with its own throw-away profile;
 * no script runs in it (the report has none, and its Content-Security-Policy
 * forbids any: Chromium's switch to turn JavaScript off also stops headless
 * printing, so the policy does that job); the report's print styles set the page size, margins,
 * running header and page numbers, so Chromium's own header and footer are
 * turned off.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lockedDown } from '../report/lockedDown';

export { lockedDown };

/** Thrown when no Chromium can be found: says where it looked and how to point to one. */
export class NoChromiumError extends Error {
  constructor(looked: readonly string[]) {
    super(
      `No Chromium was found to print the PDF (looked for CHROMIUM_PATH, then ${looked.join(', ')} on the PATH). Install Chromium or Google Chrome, or set CHROMIUM_PATH to its executable; the HTML report can also be printed to PDF from any browser.`,
    );
    this.name = 'NoChromiumError';
  }
}

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

export interface FindChromiumOptions {
  env?: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
}

/** The Chromium to print with: CHROMIUM_PATH if set (and there), else the first of {@link CHROMIUM_NAMES} on the PATH; null if none. */
export function findChromium(options: FindChromiumOptions = {}): string | null {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, process.platform === 'win32' ? `${name}.exe` : name);
      if (exists(candidate)) return candidate;
    }
  }
  return null;
}

export interface PrintPdfOptions extends FindChromiumOptions {
  /** Milliseconds before Chromium is stopped and the print fails (default 60 s). */
  timeoutMs?: number;
}

/** The PDF of an HTML document (a Handoff report), as bytes. */
export async function printHtmlToPdf(html: string, options: PrintPdfOptions = {}): Promise<Buffer> {
  const chromium = findChromium(options);
  if (!chromium) throw new NoChromiumError(CHROMIUM_NAMES);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-pdf-'));
  try {
    const page = path.join(dir, 'report.html');
    const out = path.join(dir, 'report.pdf');
    await fs.writeFile(page, lockedDown(html));
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      // Chromium refuses to start its sandbox as root (containers, CI); the page is our own report with scripts off.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: options.timeoutMs ?? 60_000, killSignal: 'SIGKILL', maxBuffer: 4 * 1024 * 1024 }, (err, _stdout, stderr) => {
        if (err) {
          const why = err.killed ? `it did not finish within ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s` : `it failed (${err.message.split('\n')[0]})`;
          reject(new Error(`Printing the PDF with ${chromium}: ${why}.${stderr ? ` Chromium said: ${stderr.trim().split('\n').slice(-3).join(' ')}` : ''}`));
        } else resolve();
      });
    });
    const pdf = await fs.readFile(out).catch(() => null);
    if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`Printing the PDF with ${chromium}: it finished but wrote no PDF.`);
    return pdf;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
