/**
 * Draws build/icon.png (1024 px, transparent corners) from build/icon.svg in
 * the test browser, so the icon needs no image tools. electron-builder makes
 * the macOS .icns, the Windows .ico and the Linux sizes from this PNG.
 * Usage: npm run icon
 */
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findTestBrowser } from './testBrowser';

/** Side of the icon in pixels (electron-builder needs at least 512; macOS uses up to 1024). */
export const ICON_SIZE = 1024;

const root = path.resolve(import.meta.dirname, '..');

async function main(): Promise<void> {
  const svg = readFileSync(path.join(root, 'build', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: findTestBrowser().path ?? undefined });
  try {
    const page = await browser.newPage({ viewport: { width: ICON_SIZE, height: ICON_SIZE } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(path.join(root, 'build', 'icon.png'), png);
  } finally {
    await browser.close();
  }
}

await main();
