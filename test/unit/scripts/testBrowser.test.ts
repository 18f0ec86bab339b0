import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTestBrowser, missingPdfTools } from '../../../scripts/testBrowser';

const only = (...files: string[]) => (file: string) => files.includes(file);

describe('the browser the end-to-end tests use', () => {
  it('takes CHROMIUM_PATH first, and says so when it points nowhere instead of looking elsewhere', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' };
    expect(findTestBrowser({ env, exists: only('/opt/chrome/chrome', '/usr/bin/chromium'), playwrightChromium: () => '/pw/chrome' })).toEqual({
      path: '/opt/chrome/chrome',
      source: 'CHROMIUM_PATH',
    });
    const missing = findTestBrowser({ env, exists: only('/usr/bin/chromium'), playwrightChromium: () => '/pw/chrome' });
    expect(missing.path).toBeNull();
    expect(missing.problem).toContain('/opt/chrome/chrome');
  });

  it('then a Chromium on the PATH, then Playwright\'s own download, else none', () => {
    const env = { PATH: ['/usr/local/bin', '/usr/bin'].join(path.delimiter) };
    expect(findTestBrowser({ env, exists: only('/usr/bin/chromium', '/pw/chrome'), playwrightChromium: () => '/pw/chrome' })).toEqual({
      path: '/usr/bin/chromium',
      source: 'PATH',
    });
    expect(findTestBrowser({ env, exists: only('/pw/chrome'), playwrightChromium: () => '/pw/chrome' })).toEqual({ path: '/pw/chrome', source: 'playwright' });
    expect(findTestBrowser({ env, exists: only(), playwrightChromium: () => '/pw/chrome' })).toEqual({ path: null, source: 'none' });
  });

  it('lists the PDF tools missing from the PATH', () => {
    const env = { PATH: '/usr/bin' };
    expect(missingPdfTools(env, only('/usr/bin/pdftotext', '/usr/bin/pdfinfo', '/usr/bin/pdftoppm'))).toEqual([]);
    expect(missingPdfTools(env, only('/usr/bin/pdfinfo'))).toEqual(['pdftotext', 'pdftoppm']);
  });
});
