import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../../../simulation/report/buildReport';
import { findChromium, lockedDown, NoChromiumError, printHtmlToPdf } from '../../../../simulation/cli/printPdf';
import { reportInput } from './fixture';
import { pageNumbered, pdfText } from '../../../support/pdfText';

const chromium = findChromium();

describe('printing a report to PDF', () => {
  it('says clearly that no Chromium was found, and where it looked', async () => {
    const env = { PATH: mkdtempSync(path.join(os.tmpdir(), 'no-chromium-')) };
    expect(findChromium({ env })).toBeNull();
    const err = await printHtmlToPdf('<p>x</p>', { env }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoChromiumError);
    expect((err as Error).message).toMatch(/^No Chromium was found to print the PDF \(looked for CHROMIUM_PATH, then chromium, chromium-browser, google-chrome/);
    expect((err as Error).message).toContain('set CHROMIUM_PATH');
  });

  it('takes CHROMIUM_PATH first, and only if it is there', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fake-chromium-'));
    const fake = path.join(dir, 'chromium');
    writeFileSync(fake, '');
    expect(findChromium({ env: { PATH: dir } })).toBe(fake);
    expect(findChromium({ env: { PATH: dir, CHROMIUM_PATH: '/nowhere/chrome' } })).toBeNull();
    expect(findChromium({ env: { PATH: '', CHROMIUM_PATH: fake } })).toBe(fake);
  });

  it('puts a policy allowing no script and no loading before anything the page says', () => {
    const page = lockedDown('<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src *"></head><body>x</body></html>');
    expect(page).toMatch(/^<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"><html>/);
    expect(lockedDown('<p>x</p>')).toMatch(/^<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*"><p>x<\/p>$/);
  });

  it.skipIf(!chromium)('runs no script of the page it prints', { timeout: 90_000 }, async () => {
    const pdf = await printHtmlToPdf('<!doctype html><body><p id="p">STATIC TEXT</p><script>document.getElementById("p").textContent = "SCRIPT RAN";</script></body>');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-pdf-test-'));
    const file = path.join(dir, 'r.pdf');
    await fs.writeFile(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('STATIC TEXT');
    expect(text).not.toContain('SCRIPT RAN');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!chromium)('prints a report with numbered pages', { timeout: 90_000 }, async () => {
    const pdf = await printHtmlToPdf(buildReportHtml(await reportInput()));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-pdf-test-'));
    const file = path.join(dir, 'r.pdf');
    await fs.writeFile(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    // The cover with the headline, then the model, assumptions, results, limits and reproducibility each on new pages.
    expect(pages).toBeGreaterThanOrEqual(6);
    // Each page number on its own page, in any spacing (pdftotext prints "1/9" on some machines, "1 / 9" on others).
    expect(pageNumbered(file, 1, pages)).toBe(true);
    expect(pageNumbered(file, pages, pages)).toBe(true);
    expect(pageNumbered(file, 1, pages + 1)).toBe(false);
    expect(pdfText(file)).toContain('Reproducing this report');
    await fs.rm(dir, { recursive: true, force: true });
  });
});
