import { BUS_FACTOR_KNOWLEDGE } from '../model/replicationResult';
import type { Scenario } from '../scenario/schema';
import type { ImportedOrganisation } from './organisation';
import { formatProblem } from './problems';

/**
 * The organisation an import produced, as text for the command line: teams
 * with their people, services with owners, the people who know them (at
 * least {@link BUS_FACTOR_KNOWLEDGE}, the bus factor the app shows) and, from a
 * history, the truck factor of their files.
 */
export function describeOrganisation(model: Pick<Scenario, 'teams' | 'people' | 'services'>, org?: ImportedOrganisation): string[] {
  const name = (id: string) => model.people.find((p) => p.id === id)?.name ?? id;
  const lines: string[] = [`Teams (${model.teams.length}):`];
  for (const t of model.teams) lines.push(`  ${t.name} [${t.type}]: ${model.people.filter((p) => p.team === t.id).map((p) => p.name).join(', ') || 'nobody'}`);
  const loose = model.people.filter((p) => p.team === null);
  if (loose.length) lines.push(`  (no team): ${loose.map((p) => p.name).join(', ')}`);
  lines.push(`People: ${model.people.length}`, `Services (${model.services.length}):`);
  for (const s of model.services) {
    const knowers = Object.entries(s.knowledge).filter(([, k]) => k >= BUS_FACTOR_KNOWLEDGE).sort((a, b) => b[1] - a[1]);
    const imported = org?.services.find((x) => x.name === s.name);
    const tf = imported?.truckFactor !== null && imported?.truckFactor !== undefined ? `, truck factor ${imported.truckFactor} (${imported.files} files)` : '';
    lines.push(
      `  ${s.name} (${model.teams.find((t) => t.id === s.team)?.name ?? 'no team'}): owners ${s.owners.map(name).join(', ') || 'none'}; bus factor ${knowers.length}${knowers.length ? ` (${knowers.map(([p, k]) => `${name(p)} ${k.toFixed(2)}`).join(', ')})` : ''}${tf}`,
    );
  }
  return lines;
}

/** Problems as lines, the first `limit` of them, then how many more. */
export function problemLines(problems: readonly Parameters<typeof formatProblem>[0][], limit = 50): string[] {
  const out = problems.slice(0, limit).map((p) => `  ${formatProblem(p)}`);
  if (problems.length > limit) out.push(`  ... and ${problems.length - limit} more`);
  return out;
}
