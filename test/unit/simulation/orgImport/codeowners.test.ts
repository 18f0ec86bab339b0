import { describe, expect, it } from 'vitest';
import { ownerHandle, ownersOf, parseCodeowners, patternToRegExp } from '../../../../simulation/orgImport/codeowners';

const FILE = `# comment
*                 @org/everyone
/docs/            @docs-team-lead
*.md              @org/writers
/docs/private/
apps/             @org/apps   # any folder named apps
!/secret          @nobody
/build/[ab]/      @x
/api/**/spec.yaml @org/api not-an-owner
`;

describe('CODEOWNERS', () => {
  const co = parseCodeowners(FILE, 'CODEOWNERS');
  const owners = (path: string) => ownersOf(co, path)?.owners ?? null;

  it('gives the last matching pattern precedence (GitHub rule)', () => {
    expect(owners('src/main.ts')).toEqual(['@org/everyone']);
    expect(owners('docs/guide.txt')).toEqual(['@docs-team-lead']);
    // *.md comes after /docs/, so it wins for Markdown under docs/.
    expect(owners('docs/guide.md')).toEqual(['@org/writers']);
    // The last rule matching has no owners: nobody owns it, even though earlier rules match.
    expect(owners('docs/private/keys.md')).toEqual([]);
    expect(ownersOf(co, 'docs/private/keys.md')!.line).toBe(5);
  });

  it('matches gitignore-style patterns', () => {
    expect(owners('services/apps/x.ts')).toEqual(['@org/apps']);
    expect(owners('api/v1/users/spec.yaml')).toEqual(['@org/api']);
    expect(owners('api/spec.yaml')).toEqual(['@org/api']);
    const anchored = patternToRegExp('/build/logs/') as RegExp;
    expect(anchored.test('build/logs/a.txt')).toBe(true);
    expect(anchored.test('x/build/logs/a.txt')).toBe(false);
    expect((patternToRegExp('*.js') as RegExp).test('a/b/c.js')).toBe(true);
    expect((patternToRegExp('docs/*') as RegExp).test('docs/a/b.md')).toBe(true);
  });

  it('reports unsupported syntax and bad owners with their line', () => {
    expect(co.problems).toEqual([
      expect.objectContaining({ line: 7, field: 'pattern', reason: expect.stringContaining('negation') }),
      expect.objectContaining({ line: 8, field: 'pattern', reason: expect.stringContaining('character ranges') }),
      expect.objectContaining({ line: 9, field: 'owner', value: 'not-an-owner' }),
    ]);
  });

  it('tells teams, users and emails apart', () => {
    expect(ownerHandle('@org/data-team')).toEqual({ kind: 'team', handle: 'data-team' });
    expect(ownerHandle('@ana')).toEqual({ kind: 'user', handle: 'ana' });
    expect(ownerHandle('Ana@Shop.example')).toEqual({ kind: 'email', handle: 'ana@shop.example' });
  });
});
