import { describe, expect, it } from 'vitest';
import { MAX_REPORT_BYTES } from '../../../electron/api/contract';
import { dispatch } from '../../../electron/node/dispatch';
import { createHostServices } from '../../../electron/node/hostServices';

const services = (printPdf?: (html: string) => Promise<Uint8Array>) =>
  createHostServices({ host: 'web', appVersion: '1', platform: 'linux', scenarioDir: '/tmp/handoff-print-test', dataDir: '/tmp/handoff-print-test-data', printPdf });

describe('printReportPdf (host API)', () => {
  const printed: string[] = [];
  const fake = async (html: string) => {
    printed.push(html);
    return new Uint8Array([37, 80, 68, 70, 45]);
  };

  it('validates its one argument: an HTML document, at most the size limit', async () => {
    const s = services(fake);
    for (const args of [[], [42], ['<!doctype html>', 'extra'], ['just text, not a report']]) {
      const r = await dispatch(s, 'printReportPdf', args);
      expect(r, JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    }
    const notHtml = await dispatch(s, 'printReportPdf', ['%PDF-1.4']);
    expect(!notHtml.ok && notHtml.error.message).toBe('printReportPdf: argument 0: a report is an HTML document starting with <!doctype html>');
    const huge = await dispatch(s, 'printReportPdf', [`<!doctype html>${'x'.repeat(MAX_REPORT_BYTES)}`]);
    expect(!huge.ok && huge.error.message).toMatch(/the report is larger than 20 MB/);
    expect(printed).toEqual([]);
  });

  it('returns the PDF as base64', async () => {
    const r = await dispatch(services(fake), 'printReportPdf', ['<!DOCTYPE html><p>report</p>']);
    expect(r).toEqual({ ok: true, value: Buffer.from('%PDF-').toString('base64') });
    expect(printed).toEqual(['<!DOCTYPE html><p>report</p>']);
  });

  it('says so where the host cannot print', async () => {
    const r = await dispatch(services(), 'printReportPdf', ['<!doctype html><p>x</p>']);
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('cannot print PDFs') } });
  });
});
