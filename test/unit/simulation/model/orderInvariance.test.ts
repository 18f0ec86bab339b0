/**
 * Property: the order in which people, services and skills are listed in the
 * file changes no result. Random streams are named by id, so a permuted file
 * sees the same arrivals, efforts, failures and absences replication by
 * replication: every figure is compared as a paired difference, whose
 * interval must contain 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import type { ReplicationResult } from '../../../../simulation/model/results';
import { pairedDiffCI } from '../../../../simulation/stats/confidenceInterval';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';
import { personOf, replicate, serviceOf } from './replicate';

const REPLICATIONS = 12;

/** The walled data team with Lee, Sam's equal (same skills and knowledge), so that ties between people are common. */
function dataTeam(structure: Partial<Scenario['structure']>): Scenario {
  const example = scenarioSchema.parse(EXAMPLES.find((e) => e.id === 'walled-data-team')!.scenario());
  const sam = example.people.find((p) => p.id === 'sam')!;
  return scenarioSchema.parse({
    ...example,
    people: [...example.people, { ...sam, id: 'lee', name: 'Lee' }],
    services: example.services.map((s) => (s.knowledge.sam !== undefined ? { ...s, knowledge: { ...s.knowledge, lee: s.knowledge.sam } } : s)),
    structure: { ...example.structure, ...structure },
    run: { ...example.run, horizonHours: 1500 },
  });
}

/** Every figure of a replication that has a meaning independent of the file's order, by name. */
function figures(r: ReplicationResult, scenario: Scenario): Map<string, number> {
  const out = new Map<string, number>([
    ['lead time mean', r.leadTime.mean],
    ['lead time p85', r.leadTime.p85],
    ['time to restore mean', r.timeToRestore.mean],
    ['completed', r.completed],
    ['handoffs per item', r.handoffsPerItem],
    ['wip mean', r.wip.mean],
  ]);
  for (const p of scenario.people) {
    out.set(`utilisation of ${p.id}`, personOf(r, p.id).utilisation);
    out.set(`incident hours of ${p.id}`, personOf(r, p.id).hours.incident);
  }
  for (const s of scenario.services) {
    out.set(`lead time of ${s.id}`, serviceOf(r, s.id).leadTimeMean);
    out.set(`time to restore of ${s.id}`, serviceOf(r, s.id).ttrMean);
    out.set(`bus factor of ${s.id}`, serviceOf(r, s.id).busFactor);
  }
  for (const q of r.queuesBySkill) out.set(`queue of ${q.id}`, q.queue.mean);
  return out;
}

const permute = <T>(list: readonly T[], order: readonly number[]): T[] => order.map((i) => list[i]!);

/** Figures whose paired difference interval (99%) excludes 0, beyond rounding. */
function differences(a: readonly ReplicationResult[], b: readonly ReplicationResult[], scenario: Scenario): string[] {
  const fa = a.map((r) => figures(r, scenario));
  const fb = b.map((r) => figures(r, scenario));
  const out: string[] = [];
  for (const name of fa[0]!.keys()) {
    const x = fa.map((f) => f.get(name)!);
    const y = fb.map((f) => f.get(name)!);
    if (x.some(Number.isNaN) || y.some(Number.isNaN)) {
      if (x.some((v, i) => Number.isNaN(v) !== Number.isNaN(y[i]!))) out.push(`${name}: measured in one order only`);
      continue;
    }
    const ci = pairedDiffCI(x, y, 0.99);
    const slack = 1e-9 * Math.max(1, ...x.map(Math.abs));
    if (ci.low > slack || ci.high < -slack) out.push(`${name}: ${ci.mean} [${ci.low}, ${ci.high}]`);
  }
  return out;
}

const orders = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

describe.each([
  ['walled', { mode: 'walled' as const }],
  ['cross-functional, pull', { mode: 'cross-functional' as const, dispatch: 'pull' as const }],
  ['cross-functional, push', { mode: 'cross-functional' as const, dispatch: 'push' as const }],
])('%s', (_label, structure) => {
  const scenario = dataTeam(structure);
  const asListed = replicate(scenario, REPLICATIONS);

  it('reversing the people changes no figure', () => {
    const reversed = scenarioSchema.parse({ ...scenario, people: [...scenario.people].reverse() });
    expect(differences(replicate(reversed, REPLICATIONS), asListed, scenario)).toEqual([]);
  });

  it('any order of people, services and skills changes no figure', () => {
    fc.assert(
      fc.property(orders(scenario.people.length), orders(scenario.services.length), orders(scenario.skills.length), (people, services, skills) => {
        const permuted = scenarioSchema.parse({
          ...scenario,
          people: permute(scenario.people, people),
          services: permute(scenario.services, services),
          skills: permute(scenario.skills, skills),
        });
        expect(differences(replicate(permuted, REPLICATIONS), asListed, scenario)).toEqual([]);
      }),
      { numRuns: 3, seed: 14 },
    );
  });
});
