import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_TEXT_BYTES, TOKEN_HEADER, type HostErrorCode, type HostResult } from '../api/contract';
import { SECURITY_HEADERS } from '../node/csp';
import { dispatch } from '../node/dispatch';
import type { HostServices } from '../node/hostServices';
import { readStaticFile } from '../node/staticFiles';

/** Base64 grows data by a third; leave room for the JSON around it. */
// A text of MAX_TEXT_BYTES goes in a JSON body, where each quote or backslash is written with a backslash before it
// (control characters are already escaped in a scenario's JSON): at worst twice its bytes, plus the call's other arguments.
export const MAX_BODY_BYTES = 2 * MAX_TEXT_BYTES + 1024 * 1024;

const STATUS: Partial<Record<HostErrorCode, number>> = {
  'bad-arguments': 400,
  unauthorized: 401,
  'forbidden-path': 403,
  'not-found': 404,
  'unknown-method': 404,
  'too-large': 413,
  conflict: 409,
  unavailable: 503,
};

export interface WebHostOptions {
  services: HostServices;
  token: string;
  rendererDir: string;
  /** The port the server listens on (known only once it listens). */
  port: () => number;
}

/**
 * The web host's request handler. Static files of the built renderer are
 * served to anyone on loopback (they hold no secrets); every API call needs
 * the per-launch token in the `x-handoff-token` header, a JSON body, and a
 * Host header naming this server (so a web page elsewhere cannot reach the
 * API through DNS rebinding or a cross-site request).
 */
export function createRequestHandler(options: WebHostOptions) {
  const expected = Buffer.from(options.token);

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const port = options.port();
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      return sendError(res, 'unauthorized', `This server only answers requests addressed to 127.0.0.1:${port}.`, 403);
    }

    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 'bad-arguments', 'Only GET is allowed here.', 405);
      const file = await readStaticFile(options.rendererDir, url.pathname);
      if (!file) return sendError(res, 'not-found', `No such page: ${url.pathname}`, 404);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : file.body);
      return;
    }

    if (req.method !== 'POST') return sendError(res, 'bad-arguments', 'API calls use POST.', 405);
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return sendError(res, 'unauthorized', 'Missing or wrong access token: open the address the web host printed when it started.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return sendError(res, 'unauthorized', `Requests from ${origin} are not allowed.`, 403);
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 'bad-arguments', 'The request body must be JSON (Content-Type: application/json).', 415);
    }

    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      res.setHeader('Connection', 'close');
      sendError(res, 'too-large', `The request body is ${Math.round(declared / 1024 / 1024)} MB; the limit is ${Math.round(MAX_BODY_BYTES / 1024 / 1024)} MB.`);
      req.destroy();
      return;
    }
    let body: string;
    try {
      body = await readBody(req, MAX_BODY_BYTES);
    } catch (err) {
      return sendError(res, 'too-large', (err as Error).message);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (err) {
      return sendError(res, 'bad-arguments', `The request body is not valid JSON: ${(err as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { args?: unknown }).args)) {
      return sendError(res, 'bad-arguments', 'The request body must be an object with an "args" array.');
    }
    let method: string;
    try {
      method = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      return sendError(res, 'bad-arguments', 'The address of the API call is not valid (a malformed % escape).');
    }
    const result = await dispatch(options.services, method, (parsed as { args: unknown[] }).args);
    sendJson(res, result.ok ? 200 : (STATUS[result.error.code] ?? 500), result);
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`The request body is larger than ${Math.round(limit / 1024 / 1024)} MB.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: HostResult<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

/** An error as JSON with the security headers; once a response has begun, it is ended instead. */
export function sendError(res: ServerResponse, code: HostErrorCode, message: string, status = STATUS[code] ?? 500): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, status, { ok: false, error: { code, message } });
}
