/**
 * `npm start`: runs the desktop app, or, where there is no Electron binary
 * (it is downloaded at install and some machines cannot), says so in one line
 * and starts the local web host instead.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from '../node/electronBinary';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const binary = findElectronBinary(projectRoot);

const child = binary
  ? spawn(binary, [projectRoot, ...process.argv.slice(2)], { stdio: 'inherit' })
  : (process.stdout.write('No Electron binary is installed here (node_modules/electron has none), so Handoff starts its local web host instead.\n'),
    spawn(process.execPath, [path.join(import.meta.dirname, 'web-server.js'), '--open', ...process.argv.slice(2)], { stdio: 'inherit' }));

child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
