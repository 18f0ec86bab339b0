import { diffModels, type PlanMove } from '../../plan/diff';
import { resolveVariantSpec, type VariantSpec } from '../../run/variantSpec';
import type { Scenario } from '../../scenario/schema';
import { esc, section } from '../html';

/** Moves listed per structure; the rest are counted. */
const MOST = 80;

/**
 * "What changes": each structure compared after the first (the baseline) as
 * the plan's list of moves (see simulation/plan/diff.ts). Empty (no section)
 * when no structure moves a person, a service, an owner, a team or knowledge:
 * a preset that only changes the policy says so in the model section already.
 */
export function changesSection(scenario: Scenario, variants: readonly VariantSpec[]): string {
  if (variants.length < 2) return '';
  const baseline = resolveVariantSpec(scenario, variants[0]!);
  const parts: string[] = [];
  for (const spec of variants.slice(1)) {
    const v = resolveVariantSpec(scenario, spec);
    const moves = diffModels(baseline.model, v.model);
    if (moves.every((m) => m.kind === 'structure')) continue;
    parts.push(`<h3>${esc(v.name)}, compared with ${esc(baseline.name)}</h3><p>${moves.length} change${moves.length === 1 ? '' : 's'}:</p>${list(moves)}`);
  }
  return parts.length ? section('changes', 'What changes', parts.join('')) : '';
}

function list(moves: readonly PlanMove[]): string {
  const shown = moves.slice(0, MOST).map((m) => `<li${m.kind === 'knowledge-lost' ? ' class="warn"' : ''}>${esc(m.text)}</li>`);
  const more = moves.length > MOST ? `<li>... and ${moves.length - MOST} more</li>` : '';
  return `<ul data-testid="report-changes">${shown.join('')}${more}</ul>`;
}
