import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Writes a small page that sends the browser on to `url`, readable by this
 * user only (mode 0600 in the host's data folder), and returns its path. The
 * browser opener is given this file's address, never `url` itself: a command
 * line can be read by every local user (`ps`), and `url` carries the
 * per-launch token.
 */
export async function writeLaunchPage(dataDir: string, url: string): Promise<string> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'open-web-host.html');
  const attr = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const html = `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${attr}"><title>Handoff</title><p><a href="${attr}">Open Handoff</a></p>\n`;
  await fs.rm(file, { force: true });
  await fs.writeFile(file, html, { mode: 0o600, flag: 'wx' });
  return file;
}

/** The opener command for a local file on this platform (its arguments name the file, nothing secret). */
export function browserCommand(file: string, platform: NodeJS.Platform = process.platform): [string, string[]] {
  const target = pathToFileURL(file).href;
  if (platform === 'darwin') return ['open', [target]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '', target]];
  return ['xdg-open', [target]];
}

/** Opens `url` in the default browser through a launch page; quietly does nothing where there is no opener. */
export async function openInBrowser(dataDir: string, url: string): Promise<void> {
  const [cmd, args] = browserCommand(await writeLaunchPage(dataDir, url));
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser opener: the printed address is enough.
  }
}
