import { LineCounter, parseAllDocuments, isMap } from 'yaml';
import { teamTypes, type Team } from '../scenario/schema';
import type { ImportProblem } from './problems';

/**
 * A Backstage software catalog (`catalog-info.yaml` and friends: one or more
 * YAML documents per file): Groups become teams, Users people, Components
 * (and Systems with no Component in them) services with their owners.
 * Other kinds (API, Resource, Domain, Location, Template) are counted and
 * left out. Every entity keeps its file and line, so a problem found later
 * (an owner nobody defines) can say where.
 */
export interface CatalogGroup {
  ref: string;
  name: string;
  title: string;
  /** The Team Topologies type when spec.type (or a label or annotation) names one. */
  type: Team['type'] | null;
  typeText: string | null;
  members: string[];
  parent: string | null;
  file: string;
  line: number;
}

export interface CatalogUser {
  ref: string;
  name: string;
  title: string;
  email: string | null;
  memberOf: string[];
  file: string;
  line: number;
}

export interface CatalogService {
  ref: string;
  kind: 'Component' | 'System';
  name: string;
  title: string;
  owner: string | null;
  system: string | null;
  /** Path in the repository, from `backstage.io/source-location` (`.../tree/main/services/billing`). */
  sourcePath: string | null;
  file: string;
  line: number;
}

export interface Catalog {
  groups: CatalogGroup[];
  users: CatalogUser[];
  services: CatalogService[];
  /** Kinds read but not imported, with how many of each. */
  otherKinds: Record<string, number>;
  problems: ImportProblem[];
}

/** `group:default/data-team`, `data-team` with a default kind -> `group:data-team` (lower case, the default namespace dropped). */
export function entityRef(ref: string, defaultKind: string): string {
  const m = /^(?:([A-Za-z]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref.trim());
  if (!m) return `${defaultKind}:${ref.trim().toLowerCase()}`;
  const kind = (m[1] ?? defaultKind).toLowerCase();
  const ns = (m[2] ?? 'default').toLowerCase();
  return `${kind}:${ns === 'default' ? '' : `${ns}/`}${m[3]!.toLowerCase()}`;
}

/** "Stream aligned", "stream-aligned", "complicated_subsystem" -> the Team Topologies type, else null. */
export function teamTypeOf(text: string | null | undefined): Team['type'] | null {
  if (!text) return null;
  const t = text.toLowerCase().replace(/[\s_]+/g, '-');
  return (teamTypes as readonly string[]).includes(t) ? (t as Team['type']) : t === 'complicated-subsystems' ? 'complicated-subsystem' : null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => s !== null) : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The repository path in a source-location annotation (`url:https://github.com/o/r/tree/main/services/x/`), or null. */
export function sourcePathOf(annotation: string | null): string | null {
  if (!annotation) return null;
  const m = /\/(?:tree|blob|-\/tree|src\/branch)\/[^/]+\/(.*)$/.exec(annotation);
  if (!m) return null;
  const p = m[1]!.replace(/[?#].*$/, '').replace(/^\/+|\/+$/g, '');
  return p === '' ? null : p;
}

/** Reads one catalog file (any number of `---`-separated documents). */
export function parseCatalog(text: string, file = 'catalog-info.yaml'): Catalog {
  const out: Catalog = { groups: [], users: [], services: [], otherKinds: {}, problems: [] };
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    const start = lines.linePos(doc.range[0]).line;
    if (doc.errors.length > 0) {
      for (const e of doc.errors) out.problems.push({ file, line: e.linePos?.[0].line ?? start, reason: `YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}; document skipped` });
      continue;
    }
    if (doc.contents === null) continue; // an empty document (a trailing ---)
    const line = lines.linePos(doc.contents.range[0]).line;
    if (!isMap(doc.contents)) {
      out.problems.push({ file, line, reason: 'a catalog document must be a mapping with apiVersion, kind and metadata; skipped' });
      continue;
    }
    const e = obj(doc.toJS());
    const kind = str(e.kind);
    const meta = obj(e.metadata);
    const spec = obj(e.spec);
    const name = str(meta.name);
    if (!kind) {
      out.problems.push({ file, line, field: 'kind', reason: 'kind is missing; document skipped' });
      continue;
    }
    if (!name) {
      out.problems.push({ file, line, field: 'metadata.name', reason: `${kind} has no metadata.name; skipped` });
      continue;
    }
    const ns = str(meta.namespace);
    const ref = entityRef(`${kind}:${ns ? `${ns}/` : ''}${name}`, kind);
    const title = str(meta.title) ?? name;
    const annotations = obj(meta.annotations);
    const labels = obj(meta.labels);
    switch (kind) {
      case 'Group': {
        const profile = obj(spec.profile);
        const typeText = str(spec.type);
        const ttText = str(labels['team-topologies/type']) ?? str(annotations['teamtopologies.com/type']) ?? str(annotations['team-topologies/type']);
        out.groups.push({
          ref,
          name,
          title: str(profile.displayName) ?? title,
          type: teamTypeOf(ttText) ?? teamTypeOf(typeText),
          typeText: ttText ?? typeText,
          members: strs(spec.members).map((m) => entityRef(m, 'user')),
          parent: str(spec.parent) ? entityRef(str(spec.parent)!, 'group') : null,
          file,
          line,
        });
        break;
      }
      case 'User': {
        const profile = obj(spec.profile);
        out.users.push({ ref, name, title: str(profile.displayName) ?? title, email: str(profile.email)?.toLowerCase() ?? null, memberOf: strs(spec.memberOf).map((m) => entityRef(m, 'group')), file, line });
        break;
      }
      case 'Component':
      case 'System':
        if (!str(spec.owner)) out.problems.push({ file, line, field: 'spec.owner', reason: `${kind} ${name} has no spec.owner; imported without an owner` });
        out.services.push({
          ref,
          kind,
          name,
          title,
          owner: str(spec.owner),
          system: str(spec.system) ? entityRef(str(spec.system)!, 'system') : null,
          sourcePath: sourcePathOf(str(annotations['backstage.io/source-location'])),
          file,
          line,
        });
        break;
      default:
        out.otherKinds[kind] = (out.otherKinds[kind] ?? 0) + 1;
    }
  }
  return out;
}

/** Several catalog files read as one. */
export function mergeCatalogs(catalogs: readonly Catalog[]): Catalog {
  const out: Catalog = { groups: [], users: [], services: [], otherKinds: {}, problems: [] };
  for (const c of catalogs) {
    out.groups.push(...c.groups);
    out.users.push(...c.users);
    out.services.push(...c.services);
    out.problems.push(...c.problems);
    for (const [k, n] of Object.entries(c.otherKinds)) out.otherKinds[k] = (out.otherKinds[k] ?? 0) + n;
  }
  return out;
}
