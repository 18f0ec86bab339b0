/**
 * Finds the browser and tools the end-to-end tests need, so `npm test` right after `npm install` works by itself or
 * says in one line what to install, instead of failing inside the end-to-end suite.
 *
 * The Chromium is, in order: CHROMIUM_PATH (which must exist), a Chromium or Chrome on the PATH (Debian's
 * /usr/bin/chromium), then Playwright's own download. Run as a script (`tsx scripts/testBrowser.ts`), it also tries
 * `npx playwright install chromium` when none is found (which works where the network allows), checks the PDF tools
 * (poppler-utils) the report tests read PDFs with, and exits 1 with one line when something cannot be had.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from '../simulation/cli/printPdf';

export interface TestBrowser {
  /** The executable, or null when none was found. */
  path: string | null;
  /** Where it came from, for the one line printed. */
  source: 'CHROMIUM_PATH' | 'PATH' | 'playwright' | 'none';
  /** Why nothing was found, when CHROMIUM_PATH points nowhere. */
  problem?: string;
}

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
  /** Playwright's own Chromium, where it would be installed. */
  playwrightChromium?: () => string;
}

/** The Chromium for the end-to-end tests (see the module's comment for the order). */
export function findTestBrowser(options: FindOptions = {}): TestBrowser {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  if (env.CHROMIUM_PATH) {
    return exists(env.CHROMIUM_PATH)
      ? { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
      : { path: null, source: 'none', problem: `CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist` };
  }
  const onPath = findChromium({ env, exists });
  if (onPath) return { path: onPath, source: 'PATH' };
  const own = (options.playwrightChromium ?? (() => chromium.executablePath()))();
  if (own && exists(own)) return { path: own, source: 'playwright' };
  return { path: null, source: 'none' };
}

/** The tools the report tests read PDFs with (Debian's poppler-utils), those missing from the PATH. */
export function missingPdfTools(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): string[] {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return ['pdftotext', 'pdfinfo', 'pdftoppm'].filter((tool) => !dirs.some((dir) => exists(path.join(dir, tool))));
}

const INSTALL_HINT =
  'install one (Debian/Ubuntu: apt-get install chromium; elsewhere: npx playwright install chromium, where the network allows) or set CHROMIUM_PATH to a Chromium or Chrome';

function main(): number {
  let browser = findTestBrowser();
  if (!browser.path && !browser.problem) {
    console.log('npm test: no Chromium found for the end-to-end tests; trying Playwright\'s own (npx playwright install chromium)...');
    const installed = spawnSync('npx', ['--no-install', 'playwright', 'install', 'chromium'], { stdio: 'ignore', timeout: 300_000 });
    if (installed.status === 0) browser = findTestBrowser();
  }
  if (!browser.path) {
    console.error(`npm test: no Chromium for the end-to-end tests${browser.problem ? ` (${browser.problem})` : ''}: ${INSTALL_HINT}.`);
    return 1;
  }
  const missing = missingPdfTools();
  if (missing.length > 0) {
    console.error(`npm test: ${missing.join(', ')} not found (the report tests read PDFs with them): install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils).`);
    return 1;
  }
  let version = '';
  try {
    version = execFileSync(browser.path, ['--version'], { encoding: 'utf8', timeout: 20_000 }).trim();
  } catch {
    // Some builds print no version without a display; the path is enough to say which one is used.
  }
  console.log(`npm test: end-to-end tests use ${browser.path} (${browser.source}${version ? `, ${version}` : ''})`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
