import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WebHostProcess {
  url: string;
  origin: string;
  token: string;
  scenarioDir: string;
  dataDir: string;
  process: ChildProcess;
  /** Stops the host (as a crash would, with `kill`) and starts a new one on the same folders. */
  restart(): Promise<WebHostProcess>;
}

const serverScript = path.resolve(import.meta.dirname, '../../../out/main/web-server.js');

/** Starts the built web host on a free port and waits for the address it prints. */
export function startWebHost(scenarioDir: string, dataDir: string): Promise<WebHostProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverScript, '--port', '0', '--scenario-dir', scenarioDir, '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not print its address:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/#token=([\w-]+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1]!;
      resolve({
        url,
        origin: new URL(url).origin,
        token: match[2]!,
        scenarioDir,
        dataDir,
        process: child,
        restart: async () => {
          child.kill('SIGKILL');
          return startWebHost(scenarioDir, dataDir);
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
}

/** A test with its own web host, scenario folder and data folder. */
export const test = base.extend<{ host: WebHostProcess; app: Page; expectedErrors: RegExp | null }>({
  /** Console errors a test provokes on purpose (those matching are not counted as the page's errors). */
  expectedErrors: [null, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'handoff-e2e-'));
    const host = await startWebHost(path.join(root, 'scenarios'), path.join(root, 'data'));
    await use(host);
    host.process.kill();
    rmSync(root, { recursive: true, force: true });
  },
  app: async ({ page, host, expectedErrors }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => msg.type() === 'error' && errors.push(`${msg.text()} (${msg.location().url})`));
    page.on('response', (res) => res.status() >= 400 && !res.url().includes('/api/') && errors.push(`${res.status()} ${res.url()}`));
    await page.goto(host.url);
    await expect(page.getByTestId('app-shell')).toBeVisible();
    await use(page);
    expect(
      errors.filter((e) => !expectedErrors?.test(e)),
      'the page logged no errors (CSP violations included)',
    ).toEqual([]);
  },
});

export { expect };
