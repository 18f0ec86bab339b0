import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../electron/node/electronBinary';
import { readStaticFile } from '../../../electron/node/staticFiles';
import { isAppUrl } from '../../../electron/node/trustedSender';

describe('isAppUrl', () => {
  it.each([
    ['app://handoff/index.html', true],
    ['app://handoff/assets/x.js', true],
    ['app://handoff.evil/index.html', false],
    ['app://evil/handoff', false],
    ['file:///app/handoff/index.html', false],
    ['https://handoff/', false],
    ['app://user:pw@handoff/', false],
    ['not a url', false],
    [undefined, false],
  ])('%s -> %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));
});

describe('findElectronBinary', () => {
  it('finds nothing when the package has no binary (as on machines without network)', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-bin-'));
    await fs.mkdir(path.join(root, 'node_modules', 'electron'), { recursive: true });
    expect(findElectronBinary(root, {})).toBeNull();
    await fs.writeFile(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toBeNull();
    await fs.mkdir(path.join(root, 'node_modules', 'electron', 'dist'));
    await fs.writeFile(path.join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(findElectronBinary(root, {})).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'));
    await fs.rm(root, { recursive: true, force: true });
  });
});

describe('readStaticFile', () => {
  it('serves files under the root with their type and refuses to leave it', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-static-'));
    await fs.mkdir(path.join(root, 'r', 'assets'), { recursive: true });
    await fs.writeFile(path.join(root, 'r', 'index.html'), '<p>hi</p>');
    await fs.writeFile(path.join(root, 'r', 'assets', 'a.js'), 'x');
    await fs.writeFile(path.join(root, 'secret'), 's');
    const dir = path.join(root, 'r');
    expect((await readStaticFile(dir, '/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await readStaticFile(dir, '/assets/a.js?v=1'))?.body.toString()).toBe('x');
    expect(await readStaticFile(dir, '/../secret')).toBeNull();
    expect(await readStaticFile(dir, '/%2e%2e/secret')).toBeNull();
    expect(await readStaticFile(dir, '/assets')).toBeNull();
    expect(await readStaticFile(dir, '/%E0%A4%A')).toBeNull();
    await fs.rm(root, { recursive: true, force: true });
  });
});
