/**
 * `npm run web`: the local web host. Serves the built renderer and the host
 * API on 127.0.0.1, prints the address to open, and runs until interrupted.
 *
 *   node out/main/web-server.js [--port N] [--scenario-dir DIR] [--data-dir DIR] [--open]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_VERSION } from '../node/appVersion';
import { defaultDataDir, defaultScenarioDir } from '../node/paths';
import { openInBrowser } from './openInBrowser';
import { startWebHost } from './webHost';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.HANDOFF_PORT ?? '0' },
      'scenario-dir': { type: 'string' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  }
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const host = await startWebHost({
    port,
    scenarioDir: values['scenario-dir'] ? path.resolve(values['scenario-dir']) : defaultScenarioDir(),
    dataDir,
    rendererDir: path.join(import.meta.dirname, '..', 'renderer'),
    appVersion: APP_VERSION,
  });
  process.stdout.write(`Handoff web host: open ${host.url}\n`);
  if (values.open) await openInBrowser(dataDir, host.url);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Handoff web host could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
