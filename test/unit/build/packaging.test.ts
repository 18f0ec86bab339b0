/**
 * The desktop packaging (electron-builder.yml and its afterPack hook), checked
 * without building: these machines cannot download Electron. The config is
 * loaded and validated by electron-builder itself; the hook flips the fuses of
 * a stand-in binary that carries Electron's fuse wire.
 */
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import afterPack, { fuseConfigFor, HANDOFF_FUSES, packagedExecutable } from '../../../build/afterPack.mjs';
import { SCENARIO_EXTENSION } from '../../../electron/api/contract';
import { filesFromArgv } from '../../../electron/node/launchFiles';

/** The marker Electron puts before its fuse wire (Electron's fuses documentation). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const require = createRequire(path.join(root, 'package.json'));

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  afterPack: string;
  directories: { output: string; buildResources: string };
  fileAssociations: { ext: string; name: string; mimeType: string; role: string }[];
  linux: { target: string[]; executableName: string; maintainer: string };
  mac: { target: string[] };
  win: { target: string[] };
  electronFuses?: unknown;
}

const raw = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string>; devDependencies: Record<string, string>; dependencies: Record<string, string> };

describe('electron-builder configuration', () => {
  it('is loaded and accepted by electron-builder itself (its schema, its loader)', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string | null, extra: null): Promise<BuilderConfig>;
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(root, null, null);
    expect(loaded.appId).toBe(raw.appId);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    // The validation can fail: a misspelt key is refused.
    await expect(validateConfiguration({ ...loaded, linux: { ...loaded.linux, targets: ['deb'] } }, new DebugLogger(false))).rejects.toThrow(/configuration/);
  }, 30_000);

  it('builds AppImage and deb on Linux, dmg and zip on macOS, an NSIS installer on Windows', () => {
    expect(raw.linux.target).toEqual(['AppImage', 'deb']);
    expect(raw.mac.target).toEqual(['dmg', 'zip']);
    expect(raw.win.target).toEqual(['nsis']);
    expect(raw.linux.maintainer).toMatch(/<.+@.+>/); // deb needs a maintainer with an e-mail address
    expect(raw.productName).toBe('Handoff');
  });

  it('packs the built app into an ASAR archive: main, preload, renderer and package.json, no source maps', () => {
    expect(raw.asar).toBe(true);
    expect(raw.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map']));
    expect(pkg.main.startsWith('out/main/')).toBe(true);
    expect(raw.directories).toEqual({ output: 'dist', buildResources: 'build' });
    // electron-builder refuses electron (and itself) among the app's run-time dependencies.
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['electron', 'electron-builder', '@electron/fuses']));
    expect(pkg.scripts.dist).toMatch(/npm run build && electron-builder/);
  });

  it('associates .handoff.json with the app, and the main process opens what it is handed', () => {
    expect(raw.fileAssociations).toEqual([expect.objectContaining({ ext: SCENARIO_EXTENSION.slice(1), name: 'Handoff scenario', role: 'Editor', mimeType: 'application/x-handoff+json' })]);
    const doubleClicked = `/home/ana/Team plans/walled${SCENARIO_EXTENSION}`;
    expect(filesFromArgv(['/opt/Handoff/handoff', doubleClicked], '/')).toEqual([doubleClicked]);
  });

  it('has an icon electron-builder can turn into .icns, .ico and the Linux sizes (a square PNG of at least 512 px)', () => {
    const png = readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(512);
  });

  it('flips the fuses in its afterPack hook (not electron-builder\'s own electronFuses, so it is done once)', async () => {
    expect(raw.afterPack).toBe('./build/afterPack.mjs');
    expect(raw.electronFuses).toBeUndefined();
    const { resolveFunction } = require('app-builder-lib/out/util/resolve') as { resolveFunction(type: string, executor: string, name: string, root: string): Promise<unknown> };
    expect(await resolveFunction('module', raw.afterPack, 'afterPack', root)).toBeTypeOf('function');
  });
});

describe('Electron fuses', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect; turns on cookie encryption, ASAR integrity and only-load-from-ASAR', () => {
    const named = Object.fromEntries(Object.entries(HANDOFF_FUSES).map(([index, on]) => [FuseV1Options[Number(index)], on]));
    expect(named).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
    expect(fuseConfigFor('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfigFor('linux').resetAdHocDarwinSignature).toBe(false);
  });

  it('finds the packaged executable on each platform', () => {
    const out = path.join('dist', 'x-unpacked');
    expect(packagedExecutable({ appOutDir: out, electronPlatformName: 'linux', productFilename: 'Handoff', linuxExecutableName: 'handoff' })).toBe(path.join(out, 'handoff'));
    expect(packagedExecutable({ appOutDir: out, electronPlatformName: 'win32', productFilename: 'Handoff' })).toBe(path.join(out, 'Handoff.exe'));
    expect(packagedExecutable({ appOutDir: out, electronPlatformName: 'darwin', productFilename: 'Handoff' })).toBe(path.join(out, 'Handoff.app'));
    expect(() => packagedExecutable({ appOutDir: out, electronPlatformName: 'aix', productFilename: 'Handoff' })).toThrow(/platform "aix"/);
  });

  describe('the afterPack hook on a stand-in Linux binary', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-fuses-'));
    });
    afterAll(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('writes the fuse wire as configured and leaves the other fuses as they were', async () => {
      // Electron's wire as shipped: RunAsNode on, cookies plain, NODE_OPTIONS on, --inspect on, no ASAR checks, ...
      const shipped = [1, 0, 1, 1, 0, 0, 0, 1, 1].map((b) => (b ? FuseState.ENABLE : FuseState.DISABLE));
      const binary = Buffer.concat([Buffer.alloc(4096, 7), Buffer.from(SENTINEL), Buffer.from([1, shipped.length, ...shipped]), Buffer.alloc(4096, 9)]);
      await fs.writeFile(path.join(dir, 'handoff'), binary);
      await afterPack({ appOutDir: dir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Handoff' }, executableName: 'handoff' } });
      const wire = await getCurrentFuseWire(path.join(dir, 'handoff'));
      const state = (o: FuseV1Options) => wire[o];
      expect(state(FuseV1Options.RunAsNode)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableCookieEncryption)).toBe(FuseState.ENABLE);
      expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(FuseState.DISABLE);
      expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(FuseState.ENABLE);
      expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(FuseState.ENABLE);
      expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(FuseState.ENABLE);
      expect((await fs.readFile(path.join(dir, 'handoff'))).length).toBe(binary.length);
    });

    it('stops the build when the binary has no fuse wire, rather than ship without fuses', async () => {
      await fs.writeFile(path.join(dir, 'handoff'), Buffer.alloc(1024, 1));
      await expect(afterPack({ appOutDir: dir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Handoff' }, executableName: 'handoff' } })).rejects.toThrow(/sentinel/);
    });
  });
});
