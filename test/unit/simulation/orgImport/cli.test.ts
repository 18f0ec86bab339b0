import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOrg, UsageError } from '../../../../simulation/cli/importOrg';
import { parseScenarioFile } from '../../../../simulation/scenario/parseScenario';

const ORG = path.resolve(import.meta.dirname, '../../../../simulation/examples/org');

describe('npm run import-org', () => {
  it('prints what it read, refused and made, and writes a scenario that opens', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handoff-import-org-'));
    const bad = path.join(dir, 'extra.yaml');
    await fs.writeFile(bad, 'kind: Component\nmetadata:\n  name: search\nspec:\n  owner: group:nobody\n');
    const out = path.join(dir, 'org.handoff.json');
    const lines: string[] = [];
    const merged = await importOrg(
      ['--people', path.join(ORG, 'people.csv'), '--catalog', path.join(ORG, 'catalog-info.yaml'), '--catalog', bad, '--codeowners', path.join(ORG, 'CODEOWNERS'), '--git-log', path.join(ORG, 'git-history.txt'), '--author', 'olga@shop.example=+', '--out', out],
      (l) => lines.push(l),
    );
    const text = lines.join('\n');
    expect(text).toContain('author Gus Keller <gus@shop.example, gus.keller@gmail.com> -> Gus Keller');
    expect(text).toContain('author Olga Former <olga@shop.example> -> added as a new person');
    expect(text).toContain('extra.yaml line 1 (spec.owner): owner group:nobody is not a Group or User in the catalog');
    expect(text).toMatch(/Recommender \(Recommendations ML\): owners Gus Keller; bus factor \d/);
    expect(text).toContain('truck factor');
    const reopened = parseScenarioFile(await fs.readFile(out, 'utf8'), out);
    if (!reopened.ok) throw new Error(reopened.errors.join('\n'));
    expect(reopened.scenario.people.map((p) => p.name)).toContain('Olga Former');
    expect(reopened.scenario.people).toHaveLength(merged!.people.length);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('refuses what it cannot do with a usage error', async () => {
    await expect(importOrg(['--people', path.join(ORG, 'people.csv')], () => undefined)).rejects.toThrow(UsageError);
    await expect(importOrg(['--git-log', path.join(ORG, 'git-history.txt'), '--author', 'nobody@x=+', '--out', '/tmp/x.json'], () => undefined)).rejects.toThrow('no author of the history has that email');
  });
});
