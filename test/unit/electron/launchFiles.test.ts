import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFromArgv, LaunchFiles } from '../../../electron/node/launchFiles';

const cwd = path.resolve('/home/ana/work');

describe('filesFromArgv', () => {
  it('takes the documents a packaged app is started with, resolved from the working folder', () => {
    const argv = ['/opt/Handoff/handoff', 'team.handoff.json', '/tmp/Report.HTML', '--no-sandbox', '-v'];
    expect(filesFromArgv(argv, cwd)).toEqual([path.join(cwd, 'team.handoff.json'), path.resolve('/tmp/Report.HTML')]);
  });

  it('skips the app folder when Electron runs an unpacked app, and every switch Chromium adds', () => {
    const argv = ['/usr/bin/electron', '.', '--allow-file-access-from-files', '--enable-features=X', '../a.handoff.json'];
    expect(filesFromArgv(argv, cwd, true)).toEqual([path.resolve(cwd, '../a.handoff.json')]);
    // Without defaultApp the '.' would be a (non-document) argument: still not a file to open.
    expect(filesFromArgv(argv, cwd, false)).toEqual([path.resolve(cwd, '../a.handoff.json')]);
  });

  it('ignores what is not a document, the executable itself, duplicates and NUL bytes', () => {
    const argv = ['/x/settings.json', 'notes.txt', '.bashrc', 'a.handoff.json', './a.handoff.json', 'b\0.json', ''];
    expect(filesFromArgv(argv, cwd)).toEqual([path.join(cwd, 'a.handoff.json')]);
    expect(filesFromArgv([], cwd)).toEqual([]);
  });
});

describe('LaunchFiles', () => {
  it('holds files until the page listens, then delivers them oldest first and later ones at once', () => {
    const queue = new LaunchFiles();
    const got: string[] = [];
    queue.add('/a.handoff.json');
    queue.add('/b.handoff.json');
    queue.add('/a.handoff.json');
    expect(got).toEqual([]);
    queue.ready((f) => got.push(f));
    expect(got).toEqual(['/a.handoff.json', '/b.handoff.json']);
    queue.add('/c.handoff.json');
    expect(got).toEqual(['/a.handoff.json', '/b.handoff.json', '/c.handoff.json']);
  });

  it('queues again while the page is gone (crash, closed window) and delivers to the next page only', () => {
    const queue = new LaunchFiles();
    const first: string[] = [];
    const second: string[] = [];
    queue.ready((f) => first.push(f));
    queue.pause();
    queue.add('/d.handoff.json');
    queue.ready((f) => second.push(f));
    expect(first).toEqual([]);
    expect(second).toEqual(['/d.handoff.json']);
  });
});
