/**
 * Saving a scenario can be interrupted at any moment without losing the
 * file: a child process saves a large scenario (two different valid texts of
 * about 3.7 MB, alternately) to one path in a loop with the app's real
 * writeFileAtomic, and is killed with SIGKILL at random moments. After every
 * kill the file is exactly one of the two complete texts, and at most one
 * temporary file is left beside it.
 *
 * (SIGKILL ends the process, not the machine: this checks that no reader
 * ever sees a partial file. Surviving a power cut also relies on the fsync
 * of the data and of the folder, which a test cannot pull the plug on.)
 *
 * test/unit/electron/atomicWrite.test.ts covers a failing rename (disk full)
 * and a failing flush; the failures between writing and renaming that it does
 * not cover are added below.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HostError } from '../../../../electron/api/contract';
import { writeFileAtomic, type AtomicWriteFs } from '../../../../electron/node/atomicWrite';
import { largeScenario } from '../../../../simulation/bench/scenarioLoad';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';
import { serializeScenario } from '../../../../simulation/scenario/serialize';

const KILLS = 15;
const TARGET = 'scenario.handoff.json';
const TEMP_FILE = /^\.scenario\.handoff\.json\.[0-9a-f]{12}\.tmp$/;

let work: string;
let script: string;
let textA: string;
let textB: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-crash-save-'));
  script = path.join(work, 'saveLoop.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./saveLoop.child.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: script,
    logLevel: 'silent',
  });
  textA = serializeScenario(largeScenario(5000, 1));
  textB = serializeScenario(largeScenario(5000, 2));
  writeFileSync(path.join(work, 'a.json'), textA);
  writeFileSync(path.join(work, 'b.json'), textB);
});

/** Children still running (only if a test failed before killing one). */
const running = new Set<ReturnType<typeof spawn>>();

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await fs.rm(work, { recursive: true, force: true });
});

/** Starts the save loop on `target` and resolves once its first save is complete. */
async function startSaving(target: string): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, [script, target, path.join(work, 'a.json'), path.join(work, 'b.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`the save loop ended before its first save (exit ${code}): ${stderr}`)));
  });
  return child;
}

describe('a save killed at a random moment', () => {
  it('the two texts are valid scenarios of a few MB, and differ', () => {
    expect(textA.length).toBeGreaterThan(3_000_000);
    expect(textA).not.toBe(textB);
    expect(parseScenarioFile(textA, 'a.handoff.json').ok).toBe(true);
    expect(parseScenarioFile(textB, 'b.handoff.json').ok).toBe(true);
  });

  it(`leaves the old or the new file, whole, and at most one temporary file (${KILLS} kills)`, async () => {
    const seen = { a: 0, b: 0, withTemp: 0 };
    for (let round = 0; round < KILLS; round++) {
      const dir = path.join(work, `round-${round}`);
      await fs.mkdir(dir);
      const target = path.join(dir, TARGET);
      const child = await startSaving(target);
      // Spread the kills over several saves (one save of 3.7 MB with fsync takes some milliseconds).
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 80));
      child.kill('SIGKILL');
      await once(child, 'exit');

      const text = readFileSync(target, 'utf8');
      const whole = text === textA ? 'a' : text === textB ? 'b' : null;
      expect(whole, `round ${round}: the file holds ${text.length} characters that are neither text (a partial save)`).not.toBeNull();
      seen[whole!]++;
      const others = readdirSync(dir).filter((f) => f !== TARGET);
      expect(others.length, `round ${round}: ${others.join(', ')}`).toBeLessThanOrEqual(1);
      for (const f of others) expect(f).toMatch(TEMP_FILE);
      if (others.length) seen.withTemp++;
    }
    expect(seen.a + seen.b).toBe(KILLS);
  }, 60_000);
});

describe('a save that fails between writing and renaming', () => {
  let dir: string;
  let target: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(work, 'fail-'));
    target = path.join(dir, TARGET);
  });

  const realFs: AtomicWriteFs = { open: fs.open, rename: fs.rename, unlink: fs.unlink };
  const errno = (code: string) => Object.assign(new Error(code), { code });
  /** Real fs, but every opened file handle is changed by `patch`. */
  const withHandle = (patch: (handle: fs.FileHandle) => Partial<fs.FileHandle>): AtomicWriteFs => ({
    ...realFs,
    open: (async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      return Object.assign(handle, patch(handle));
    }) as typeof fs.open,
  });

  it('a write that stops halfway (disk full) leaves the old file and no temporary file', async () => {
    await fs.writeFile(target, 'old');
    const halfway = withHandle((handle) => ({
      writeFile: async (data: Parameters<fs.FileHandle['writeFile']>[0]) => {
        await handle.write(String(data).slice(0, 1000));
        throw errno('ENOSPC');
      },
    }));
    const err = await writeFileAtomic(target, textA, halfway).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: 'disk-full' });
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual([TARGET]);
  });

  it('a close that fails after the flush leaves the old file and no temporary file', async () => {
    await fs.writeFile(target, 'old');
    let closes = 0;
    const failingClose = withHandle((handle) => {
      const close = handle.close.bind(handle);
      return {
        close: async () => {
          // The first close fails; the clean-up's close then really closes the file.
          if (closes++ === 0) throw errno('EIO');
          return close();
        },
      };
    });
    await expect(writeFileAtomic(target, 'new', failingClose)).rejects.toMatchObject({ code: 'io-error' });
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual([TARGET]);
  });

  it('when the rename fails and the temporary file cannot be removed either, the error is the rename, and the old file is intact', async () => {
    await fs.writeFile(target, 'old');
    const stuck: AtomicWriteFs = { ...realFs, rename: async () => Promise.reject(errno('EROFS')), unlink: async () => Promise.reject(errno('EPERM')) };
    await expect(writeFileAtomic(target, 'new', stuck)).rejects.toMatchObject({ code: 'read-only' });
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    const others = (await fs.readdir(dir)).filter((f) => f !== TARGET);
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(TEMP_FILE);
  });

  it('a failed first save leaves no file at all, not a partial one', async () => {
    const failing: AtomicWriteFs = { ...realFs, rename: async () => Promise.reject(errno('ENOSPC')) };
    await expect(writeFileAtomic(target, textA, failing)).rejects.toMatchObject({ code: 'disk-full' });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('two saves at once (an autosave and a save) leave one of the two texts, whole, and no temporary file', async () => {
    await Promise.all([writeFileAtomic(target, textA), writeFileAtomic(target, textB)]);
    const text = await fs.readFile(target, 'utf8');
    expect(text === textA || text === textB).toBe(true);
    expect(await fs.readdir(dir)).toEqual([TARGET]);
  });
});
