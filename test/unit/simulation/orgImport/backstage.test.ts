import { describe, expect, it } from 'vitest';
import { entityRef, parseCatalog, sourcePathOf, teamTypeOf } from '../../../../simulation/orgImport/backstage';
import { buildOrganisation } from '../../../../simulation/orgImport/buildOrganisation';

const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
spec:
  type: Stream aligned
  profile: { displayName: Payments team }
  members: [ana, ghost]
---
kind: Group
metadata:
  name: infra
spec:
  type: team
---
kind: Component
metadata:
  name: ledger
  title: Ledger
  annotations:
    backstage.io/source-location: url:https://github.com/o/r/tree/main/services/ledger/
spec:
  owner: group:default/payments
---
kind: Component
metadata:
  name: billing
  broken: [oops
spec:
  owner: payments
---
kind: Component
metadata:
  name: search
spec:
  owner: group:nobody-here
---
kind: User
metadata:
  name: ana
spec:
  profile: { displayName: Ana Lima, email: Ana@Shop.example }
---
kind: Resource
metadata:
  name: db
`;

describe('Backstage catalog', () => {
  const cat = parseCatalog(CATALOG, 'catalog-info.yaml');

  it('reads every document of a multi-document file, with lines', () => {
    expect(cat.groups.map((g) => [g.name, g.type, g.line])).toEqual([
      ['payments', 'stream-aligned', 1],
      ['infra', null, 10],
    ]);
    expect(cat.services.map((s) => s.name)).toEqual(['ledger', 'search']);
    expect(cat.services[0]!.sourcePath).toBe('services/ledger');
    expect(cat.users[0]).toMatchObject({ ref: 'user:ana', title: 'Ana Lima', email: 'ana@shop.example' });
    expect(cat.otherKinds).toEqual({ Resource: 1 });
  });

  it('reports malformed YAML with its line and reason, and reads the documents around it', () => {
    expect(cat.problems).toHaveLength(1);
    expect(cat.problems[0]).toMatchObject({ file: 'catalog-info.yaml', reason: expect.stringMatching(/^YAML: .*document skipped$/) });
    expect(cat.problems[0]!.line).toBe(29); // the line with the unclosed [
  });

  it('reports unknown owners and members with the line of the entity that names them', () => {
    const org = buildOrganisation({ people: null, catalog: cat, codeowners: null, git: null }, { pathRules: [], authors: {}, halfLifeDays: 365 });
    expect(org.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 32, field: 'spec.owner', reason: expect.stringContaining('owner group:nobody-here is not a Group or User') }),
        expect.objectContaining({ line: 1, field: 'spec.members', reason: expect.stringContaining('user:ghost is not a User') }),
      ]),
    );
    expect(org.services.find((s) => s.key === 'search')!.team).toBeNull();
    expect(org.services.find((s) => s.key === 'ledger')!.team).toBe('payments');
    expect(org.people.find((p) => p.name === 'Ana Lima')!.team).toBe('payments');
    expect(org.teams.map((t) => [t.name, t.type])).toEqual([
      ['Payments team', 'stream-aligned'],
      ['infra', null],
    ]);
  });

  it('maps refs, Team Topologies types and source locations', () => {
    expect(entityRef('group:default/Data', 'user')).toBe('group:data');
    expect(entityRef('ana', 'user')).toBe('user:ana');
    expect(entityRef('ops/ana', 'user')).toBe('user:ops/ana');
    expect(teamTypeOf('complicated_subsystem')).toBe('complicated-subsystem');
    expect(teamTypeOf('Platform')).toBe('platform');
    expect(teamTypeOf('squad')).toBeNull();
    expect(sourcePathOf('url:https://github.com/o/r/blob/main/apps/web/catalog-info.yaml')).toBe('apps/web/catalog-info.yaml');
    expect(sourcePathOf('url:https://github.com/o/r')).toBeNull();
  });

  it('refuses a document that is not a mapping or has no kind or name', () => {
    const bad = parseCatalog('- a\n- b\n---\nmetadata: {name: x}\n---\nkind: Group\nmetadata: {}\n', 'c.yaml');
    expect(bad.problems.map((p) => [p.line, p.reason.split(';')[0]])).toEqual([
      [1, 'a catalog document must be a mapping with apiVersion, kind and metadata'],
      [4, 'kind is missing'],
      [6, 'Group has no metadata.name'],
    ]);
  });
});
