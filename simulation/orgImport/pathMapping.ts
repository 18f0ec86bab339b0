import { keyOf } from './problems';

/** A directory of the repository and the service it belongs to (its name; '' = not a service). */
export interface PathRule {
  prefix: string;
  service: string;
}

/** Folders that hold services rather than being one (`services/billing`, `apps/web`). */
const CONTAINERS = new Set(['services', 'service', 'apps', 'app', 'packages', 'libs', 'lib', 'modules', 'components', 'cmd', 'src', 'projects', 'systems', 'plugins']);
/** Folders that are rarely a service of their own. */
const NOT_SERVICES = new Set(['docs', 'doc', '.github', '.gitlab', 'scripts', 'script', 'test', 'tests', 'ci', 'tools', 'config', '.circleci', '.vscode', 'examples']);

/** The folder a path is counted under: its first segment, or the first two under a container folder; '' for files at the root. */
export function candidatePrefix(path: string): string {
  const parts = path.split('/');
  if (parts.length < 2) return '';
  if (CONTAINERS.has(parts[0]!.toLowerCase()) && parts.length >= 3) return `${parts[0]}/${parts[1]}`;
  return parts[0]!;
}

/**
 * The folders a history's files fall in, with a suggested service for each:
 * the catalog service whose source location is that folder, else the one
 * whose name is the folder's name, else (when `newServices`) a new service
 * named after the folder, unless the folder is docs, tests, CI and the like.
 */
export function suggestPathRules(
  paths: readonly string[],
  services: readonly { name: string; sourcePath: string | null }[],
  newServices: boolean,
  /** Folders named elsewhere (CODEOWNERS rules): each is a candidate of its own. */
  folders: readonly string[] = [],
): { rules: PathRule[]; files: Record<string, number> } {
  const files: Record<string, number> = {};
  for (const p of paths) {
    const prefix = candidatePrefix(p);
    files[prefix] = (files[prefix] ?? 0) + 1;
  }
  for (const f of [...services.map((s) => s.sourcePath), ...folders]) if (f && files[f] === undefined) files[f] = paths.filter((p) => underPrefix(p, f)).length;
  const rules = Object.keys(files)
    .sort()
    .map((prefix): PathRule => {
      const last = prefix.split('/').pop() ?? '';
      const bySource = services.find((s) => s.sourcePath === prefix);
      const byName = services.find((s) => keyOf(s.name) === keyOf(last));
      const service = bySource?.name ?? byName?.name ?? (newServices && prefix !== '' && !NOT_SERVICES.has(last.toLowerCase()) && !prefix.split('/').some((seg) => seg.startsWith('.')) ? last : '');
      return { prefix, service };
    });
  return { rules, files };
}

export const underPrefix = (path: string, prefix: string) => prefix === '' ? !path.includes('/') : path === prefix || path.startsWith(`${prefix}/`);

/** The service a path belongs to: the rule with the longest matching prefix ('' and no match: none). */
export function serviceOfPath(path: string, rules: readonly PathRule[]): string | null {
  let best: PathRule | null = null;
  for (const r of rules) if (underPrefix(path, r.prefix) && (!best || r.prefix.length > best.prefix.length)) best = r;
  return best && best.service.trim() !== '' ? best.service.trim() : null;
}
