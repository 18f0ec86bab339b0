import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessPolicy } from '../../../electron/node/accessPolicy';

let root: string;
let outside: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-root-'));
  outside = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-outside-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
  await fs.rm(outside, { recursive: true, force: true });
});

describe('AccessPolicy', () => {
  it('allows scenario files inside the root, by relative or absolute path', async () => {
    const policy = new AccessPolicy([root]);
    expect(await policy.check('team.handoff.json', 'write')).toBe(path.join(root, 'team.handoff.json'));
    expect(await policy.check(path.join(root, 'sub', 'x.handoff.json'), 'read')).toBe(path.join(root, 'sub', 'x.handoff.json'));
  });

  it('refuses paths that climb out of the root', async () => {
    const policy = new AccessPolicy([root]);
    await expect(policy.check('../secret.json', 'read')).rejects.toMatchObject({ code: 'forbidden-path' });
    await expect(policy.check(path.join(outside, 'x.json'), 'write')).rejects.toThrow(/outside the scenario folder/);
  });

  it('refuses a symbolic link inside the root that leads out', async () => {
    await fs.symlink(outside, path.join(root, 'escape'));
    const policy = new AccessPolicy([root]);
    await expect(policy.check('escape/x.handoff.json', 'write')).rejects.toMatchObject({ code: 'forbidden-path' });
  });

  it('refuses file kinds that are not scenarios', async () => {
    const policy = new AccessPolicy([root]);
    await expect(policy.check('.bashrc', 'read')).rejects.toThrow(/only .json, .html, .htm, .csv files/);
    await expect(policy.check('notes.html', 'write')).rejects.toThrow(/only .json files may be saved/);
  });

  it('allows a path the user granted (picked in a dialog) outside the root', async () => {
    const policy = new AccessPolicy([root]);
    const chosen = path.join(outside, 'picked.handoff.json');
    await policy.grant(chosen);
    expect(await policy.check(chosen, 'write')).toBe(chosen);
  });
});
