/**
 * Runs electron-builder for real without the Electron download: packs
 * `--linux dir` with a stand-in Electron distribution (a file carrying
 * Electron's fuse wire, as shipped), then checks what came out: the fuses the
 * afterPack hook flipped, and that app.asar holds the built app and the
 * run-time dependencies the main process imports. Needs `npm run build` first.
 * Usage: npm run dist:check (exits 1 and says what is wrong on a mismatch).
 */
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build, Platform } from 'electron-builder';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
/** The marker Electron puts before its fuse wire. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's wire as shipped: RunAsNode on, cookies plain, NODE_OPTIONS on, --inspect on, no ASAR checks, ... */
const SHIPPED = [1, 0, 1, 1, 0, 0, 0, 1, 1];
const EXPECTED: Partial<Record<FuseV1Options, FuseState>> = {
  [FuseV1Options.RunAsNode]: FuseState.DISABLE,
  [FuseV1Options.EnableCookieEncryption]: FuseState.ENABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.DISABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.ENABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.ENABLE,
};
const IN_ASAR = ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/node_modules/zod/package.json'];

function standInElectron(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = SHIPPED.map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.alloc(256), Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire]), Buffer.alloc(256)]), { mode: 0o755 });
  const version = (JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  writeFileSync(path.join(dir, 'version'), version);
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
}

async function main(): Promise<number> {
  if (!existsSync(path.join(root, 'out', 'main', 'index.js'))) {
    console.error('dist:check: out/ is missing; run npm run build first.');
    return 1;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'handoff-pack-'));
  try {
    standInElectron(path.join(work, 'electron'));
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: { electronDist: path.join(work, 'electron'), directories: { output: path.join(work, 'dist'), buildResources: 'build' } },
    });
    const unpacked = path.join(work, 'dist', 'linux-unpacked');
    const problems: string[] = [];
    const wire = await getCurrentFuseWire(path.join(unpacked, 'handoff'));
    for (const [fuse, want] of Object.entries(EXPECTED)) {
      const got = wire[Number(fuse) as FuseV1Options];
      if (got !== want) problems.push(`fuse ${FuseV1Options[Number(fuse)]} is ${String.fromCharCode(got ?? 63)}, expected ${String.fromCharCode(want)}`);
    }
    const files = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false });
    for (const f of IN_ASAR) if (!files.includes(f)) problems.push(`app.asar lacks ${f}`);
    const maps = files.filter((f) => f.startsWith('/out/') && f.endsWith('.map'));
    if (maps.length > 0) problems.push(`app.asar holds source maps: ${maps.slice(0, 3).join(', ')}`);
    if (problems.length > 0) {
      for (const p of problems) console.error(`dist:check: ${p}`);
      return 1;
    }
    console.log(`dist:check: packed ${files.length} entries into app.asar; fuses set; the built app and its run-time dependencies are in place.`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
