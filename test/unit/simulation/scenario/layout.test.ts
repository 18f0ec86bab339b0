import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../simulation/examples/catalog';
import { autoLayout, PERSON_SIZE, personKey, SERVICE_SIZE, serviceKey } from '../../../../simulation/scenario/layout';
import { scenarioSchema, type Scenario } from '../../../../simulation/scenario/schema';

const example = (id: string): Scenario => scenarioSchema.parse(EXAMPLES.find((e) => e.id === id)!.scenario());

/** A one-team model: people p0.., services s0.. each known (or owned) by the people listed for it. */
function team(people: number, knownBy: number[][]): Pick<Scenario, 'teams' | 'people' | 'services'> {
  const base = example('walled-data-team');
  const person = base.people[0]!;
  const service = base.services[0]!;
  return {
    teams: [{ ...base.teams[0]!, id: 't' }],
    people: Array.from({ length: people }, (_, i) => ({ ...person, id: `p${i}`, name: `P${i}`, team: 't' })),
    services: knownBy.map((who, i) => ({ ...service, id: `s${i}`, name: `S${i}`, team: 't', owners: [], knowledge: Object.fromEntries(who.map((p) => [`p${p}`, 0.8])) })),
  };
}

describe('auto-layout', () => {
  it('puts each service under the person who knows it', () => {
    // Model order would cross every line: s0 is known by p2, s1 by p0, s2 by p1.
    const out = autoLayout(team(3, [[2], [0], [1]]));
    for (const [s, p] of [[0, 2], [1, 0], [2, 1]] as const) expect(out[serviceKey(`s${s}`)]!.x).toBe(out[personKey(`p${p}`)]!.x);
    for (const s of [0, 1, 2]) expect(out[serviceKey(`s${s}`)]!.y).toBeGreaterThan(out[personKey('p0')]!.y);
  });

  it('moves people over the services they share, for blocks of several rows', () => {
    // p3 (second row) knows only s0, which p0 also knows: they end up in the same column.
    const out = autoLayout(team(4, [[0, 3], [1], [2]]));
    expect(out[personKey('p3')]!.x).toBe(out[serviceKey('s0')]!.x);
  });

  it('is deterministic and never stacks two nodes on one another', () => {
    for (const e of EXAMPLES) {
      const scenario = scenarioSchema.parse(e.scenario());
      const out = autoLayout(scenario);
      expect(autoLayout(scenario)).toEqual(out);
      const boxes = Object.entries(out).map(([key, p]) => ({ key, ...p, ...(key.startsWith('person:') ? PERSON_SIZE : SERVICE_SIZE) }));
      expect(boxes).toHaveLength(scenario.people.length + scenario.services.length);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          expect(overlap, `${a.key} and ${b.key} in ${e.id}`).toBe(false);
        }
      }
    }
  });
});
