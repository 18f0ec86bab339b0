import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HostError } from '../api/contract';
import { NoChromiumError, printHtmlToPdf } from '../../simulation/cli/printPdf';
import { createHostServices } from '../node/hostServices';
import { createRequestHandler, sendError } from './httpApi';

export interface WebHostConfig {
  /** 0 picks a free port. */
  port: number;
  scenarioDir: string;
  dataDir: string;
  rendererDir: string;
  appVersion: string;
  /** Fixed token for tests; by default a random one per launch. */
  token?: string;
}

export interface RunningWebHost {
  port: number;
  token: string;
  /** The address to open, with the token in the fragment (never sent to the server or logged). */
  url: string;
  close(): Promise<void>;
}

/** Starts the local web host on 127.0.0.1 only. */
export async function startWebHost(config: WebHostConfig): Promise<RunningWebHost> {
  await fs.mkdir(config.scenarioDir, { recursive: true });
  await fs.mkdir(config.dataDir, { recursive: true });
  const token = config.token ?? randomBytes(32).toString('base64url');
  const services = createHostServices({
    host: 'web',
    appVersion: config.appVersion,
    platform: process.platform,
    scenarioDir: config.scenarioDir,
    dataDir: config.dataDir,
    printPdf: printWithHeadlessChromium,
  });
  void services.removeLeftoverTemps();
  // Once more a minute on, for a save that was still running in another host when this one started.
  setTimeout(() => void services.removeLeftoverTemps(), 60_000).unref();
  let port = config.port;
  const handler = createRequestHandler({ services, token, rendererDir: config.rendererDir, port: () => port });
  const server: Server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      sendError(res, 'internal', `Internal error: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** PDFs from the Chromium on this machine; none installed is said as `unavailable`, with where to get one. */
async function printWithHeadlessChromium(html: string): Promise<Uint8Array> {
  try {
    return await printHtmlToPdf(html);
  } catch (err) {
    if (err instanceof NoChromiumError) throw new HostError({ code: 'unavailable', message: err.message });
    throw err;
  }
}
