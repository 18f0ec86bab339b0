import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../../../simulation/report/buildReport';
import { findChromium, NoChromiumError, printHtmlToPdf } from '../../../../simulation/cli/printPdf';
import { reportInput } from './fixture';

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

  it.skipIf(!chromium)('prints a report with numbered pages', { timeout: 90_000 }, async () => {
    const pdf = await printHtmlToPdf(buildReportHtml(await reportInput()));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-pdf-test-'));
    const file = path.join(dir, 'r.pdf');
    await fs.writeFile(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    // The cover with the headline, then the model, assumptions, results, limits and reproducibility each on new pages.
    expect(pages).toBeGreaterThanOrEqual(6);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`1 / ${pages}`);
    expect(text).toContain(`${pages} / ${pages}`);
    expect(text).toContain('Reproducing this report');
    await fs.rm(dir, { recursive: true, force: true });
  });
});
