import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type RunningWebHost } from '../../../electron/web/webHost';

let root: string;
let host: RunningWebHost;
let base: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-http-'));
  const rendererDir = path.join(root, 'renderer');
  await fs.mkdir(rendererDir);
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  await fs.writeFile(path.join(root, 'secret.txt'), 'secret');
  host = await startWebHost({ port: 0, scenarioDir: path.join(root, 'scenarios'), dataDir: path.join(root, 'data'), rendererDir, appVersion: '9.9.9', token: 'test-token' });
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  await fs.rm(root, { recursive: true, force: true });
});

const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-handoff-token': 'test-token', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A request through node:http, which (unlike fetch) lets a test set Host and Content-Length. */
function raw(options: http.RequestOptions, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, ...options }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('web host HTTP API', () => {
  it('prints an address on 127.0.0.1 with the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=test-token`);
  });

  it('answers a valid call', async () => {
    const res = await call('info', { args: [] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { host: 'web', appVersion: '9.9.9', nativeDialogs: false } });
  });

  it('refuses a missing or wrong token', async () => {
    const missing = await call('info', { args: [] }, { 'x-handoff-token': '' });
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.message).toMatch(/Missing or wrong access token/);
    expect((await call('info', { args: [] }, { 'x-handoff-token': 'test-tokem' })).status).toBe(401);
  });

  it('says clearly when the body is not JSON', async () => {
    const res = await call('info', '{"args": [');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^The request body is not valid JSON: /);
  });

  it('wants an args array and JSON content type', async () => {
    expect((await (await call('info', { arguments: [] })).json()).error.message).toMatch(/"args" array/);
    expect((await call('info', { args: [] }, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('refuses a bad path with 403 and a reason', async () => {
    const res = await call('readScenario', { args: ['../secret.txt'] });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden-path');
  });

  it('refuses requests addressed to another host name (DNS rebinding) and from other origins', async () => {
    const rebound = await raw({ path: '/', headers: { host: `evil.example:${host.port}` } });
    expect(rebound.status).toBe(403);
    const reboundApi = await raw({ method: 'POST', path: '/api/info', headers: { host: `evil.example:${host.port}`, 'x-handoff-token': 'test-token', 'content-type': 'application/json' } }, '{"args":[]}');
    expect(reboundApi.status).toBe(403);
    const crossSite = await call('info', { args: [] }, { origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
  });

  it('serves the renderer with security headers, and nothing outside it', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/..%2Fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
  });

  it('refuses an oversized body without reading it all', async () => {
    const headers = { 'x-handoff-token': 'test-token', 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) };
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/writeScenario', headers }, (response) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.write('{"args": ["x.handoff.json", "');
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/The request body is 200 MB; the limit is \d+ MB/);
  });
});

describe('web host: malformed requests', () => {
  it('answers a malformed % escape in an API path with a JSON error and the security headers', async () => {
    const res = await fetch(`${base}/api/read%E0%A4%A`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-handoff-token': 'test-token' }, body: '{"args":[]}' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'bad-arguments', message: expect.stringMatching(/malformed % escape/) } });
  });

  it('answers a malformed % escape in a page path with a JSON 404 and the security headers', async () => {
    const res = await fetch(`${base}/%E0%A4%A`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
