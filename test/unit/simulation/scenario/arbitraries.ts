/**
 * Generators and helpers for the scenario file tests: a fast-check
 * arbitrary of VALID scenario documents (every reference consistent, every
 * kind of distribution, random structure settings, variants and incident
 * logs, defaulted fields sometimes left out), and a scanner that reads the
 * key order of every object straight from a file's text (JSON.parse cannot:
 * it reorders keys that look like whole numbers).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Distribution } from '../../../../simulation/random/distribution';
import {
  absenceReasons,
  CURRENT_FORMAT_VERSION,
  criticalities,
  dispatchModes,
  interactionModes,
  structureModes,
  teamTypes,
  type ScenarioInput,
} from '../../../../simulation/scenario/schema';

export const repoFile = (path: string): string => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');

/** Ids as the schema allows them, sometimes whole numbers (which JavaScript orders first in an object). */
export const idArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,12}$/) },
  { weight: 1, arbitrary: fc.nat({ max: 5000 }).map(String) },
);

/** Any text, including non-ASCII and lone surrogates (which JSON escapes). */
const textArb = (maxLength: number) => fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }), fc.string({ unit: 'grapheme', maxLength: maxLength >> 2 }));

/** `n` names, unique once trimmed and lower-cased (the index makes them so). */
const namesArb = (n: number) => fc.array(textArb(30), { minLength: n, maxLength: n }).map((names) => names.map((s, i) => `${s} #${i}`));

/** A number >= 0 (never -0, which a file cannot hold). */
const nonNegative = (max = 1e6) => fc.oneof(fc.constantFrom(0, 1, 0.5, max), fc.double({ min: 0, max, noNaN: true })).map((v) => v + 0);
const positive = (max = 1e6) => fc.double({ min: 1e-6, max, noNaN: true });
const fraction = fc.oneof(fc.constantFrom(0, 1, 0.25, 0.3), fc.double({ min: 0, max: 1, noNaN: true })).map((v) => v + 0);

/** Every kind of distribution, valid (values >= 0, min <= mode <= max, min < max for triangular). */
export const distributionArb: fc.Arbitrary<Distribution> = fc.oneof(
  positive().map((mean): Distribution => ({ kind: 'exponential', mean })),
  fc.tuple(positive(), nonNegative(3)).map(([mean, sigma]): Distribution => ({ kind: 'lognormal', mean, sigma })),
  fc.tuple(nonNegative(), nonNegative()).map(([min, width]): Distribution => ({ kind: 'uniform', min, max: min + width })),
  fc
    .tuple(nonNegative(), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([min, width, at]): Distribution => ({ kind: 'triangular', min, mode: min + width * at, max: min + width })),
  fc.array(nonNegative(), { minLength: 1, maxLength: 6 }).map((values): Distribution => ({ kind: 'empirical', values })),
  nonNegative().map((value): Distribution => ({ kind: 'constant', value })),
);

/** A map id -> level over a random subset of `ids`, inserted in a random order (the file must sort it). */
const levelMapArb = (ids: readonly string[]) =>
  fc.shuffledSubarray([...ids]).chain((keys) => fc.array(fraction, { minLength: keys.length, maxLength: keys.length }).map((levels) => Object.fromEntries(keys.map((k, i) => [k, levels[i]!]))));

/** `value`, or sometimes left out so the schema's default applies. */
const orDefault = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 4 });

/** Drops the keys whose value is undefined (a left-out field, not a field set to undefined). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

interface Ids {
  skills: string[];
  teams: string[];
  people: string[];
  services: string[];
}

const structureArb = (ids: Ids, stagesOf: Map<string, string[]>) => {
  const withStages = ids.services.filter((s) => (stagesOf.get(s) ?? []).length > 0);
  const assignment =
    withStages.length && ids.people.length
      ? fc.constantFrom(...withStages).chain((service) => fc.record({ service: fc.constant(service), skill: fc.constantFrom(...stagesOf.get(service)!), person: fc.constantFrom(...ids.people) }))
      : null;
  const onCall = ids.people.length
    ? fc.oneof(
        fc.record({ enabled: fc.constant(true), rotation: fc.shuffledSubarray(ids.people, { minLength: 1 }), shiftHours: positive(1000) }),
        fc.record({ enabled: fc.constant(false), rotation: fc.shuffledSubarray(ids.people), shiftHours: positive(1000) }),
      )
    : fc.record({ enabled: fc.constant(false), rotation: fc.constant([] as string[]), shiftHours: positive(1000) });
  return fc
    .record({
      mode: fc.constantFrom(...structureModes),
      assignments: orDefault(assignment ? fc.array(assignment, { maxLength: 4 }) : fc.constant<{ service: string; skill: string; person: string }[]>([])),
      dispatch: orDefault(fc.constantFrom(...dispatchModes)),
      minSkillLevel: orDefault(fraction),
      minKnowledge: orDefault(fraction),
      pairing: orDefault(fc.record({ enabled: fc.boolean(), share: fraction })),
      onCall: orDefault(onCall),
      wip: orDefault(fc.record({ perPerson: fc.option(fc.integer({ min: 1, max: 1000 })), perTeam: fc.option(fc.integer({ min: 1, max: 100_000 })) })),
      selfService: orDefault(fc.record({ skills: fc.shuffledSubarray(ids.skills), effortFactor: fraction })),
    })
    .map(compact);
};

const parametersArb = fc
  .record({
    efficiencyAtZero: orDefault(fraction),
    handoff: orDefault(fc.record({ baseHours: nonNegative(100), gapHours: nonNegative(100), reworkBase: fraction, reworkAtFullGap: fraction, reworkEffort: fraction })),
    learning: orDefault(fc.record({ knowledgePerHour: nonNegative(1), skillPerPairedHour: nonNegative(1) })),
    pairingDurationFactor: orDefault(fc.double({ min: 0.1, max: 10, noNaN: true })),
  })
  .map(compact);

const absencePolicyArb = fc.record({
  vacation: fc.record({ perYear: nonNegative(50), hours: distributionArb }),
  sickness: fc.record({ perYear: nonNegative(50), hours: distributionArb }),
  departures: fc.record({ perYear: nonNegative(10), hireDelayHours: distributionArb, rampUpHours: nonNegative(5000), startFraction: fraction }),
});

const absenceArb = fc
  .tuple(nonNegative(1e5), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), orDefault(fc.constantFrom(...absenceReasons)))
  .map(([start, length, reason]) => compact({ start, end: start + length, reason }));

const calendarArb = fc.record({
  startDate: fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  hoursPerDay: fc.double({ min: 0.5, max: 24, noNaN: true }),
  daysPerWeek: fc.integer({ min: 1, max: 7 }),
  weeksPerYear: fc.double({ min: 1, max: 53, noNaN: true }),
}).chain((c) =>
  // A day start, when there is one, that keeps the working day before midnight (and below 24).
  fc.option(fc.double({ min: 0, max: Math.min(24 - c.hoursPerDay, 23.75), noNaN: true }), { nil: undefined }).map((dayStartHour) => (dayStartHour === undefined ? c : { ...c, dayStartHour })),
);

const runArb = fc
  .tuple(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 4_294_967_295 }))
  .map(([horizonHours, share, replications, seed]) => ({ horizonHours, warmupHours: (horizonHours * share) + 0, replications, seed }));

/** Node positions for a random subset of `keys`, added in a random order (as nodes are dragged). */
const layoutArb = (keys: string[]) => {
  const coordinate = fc.double({ min: -1e5, max: 1e5, noNaN: true }).map((v) => v + 0);
  return fc
    .shuffledSubarray(keys)
    .chain((moved) => fc.array(fc.record({ x: coordinate, y: coordinate }), { minLength: moved.length, maxLength: moved.length }).map((at) => ({ positions: Object.fromEntries(moved.map((k, i) => [k, at[i]!])) })));
};

/** A valid scenario document (as a file would hold it, before defaults are applied). */
export const validScenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    skills: fc.uniqueArray(idArb, { maxLength: 6 }),
    teams: fc.uniqueArray(idArb, { maxLength: 4 }),
    people: fc.uniqueArray(idArb, { maxLength: 8 }),
    services: fc.uniqueArray(idArb, { maxLength: 5 }),
  })
  .chain((ids) => {
    const teamRef = fc.option(ids.teams.length ? fc.constantFrom(...ids.teams) : fc.constant(null), { nil: null });
    const skillRef = ids.skills.length ? fc.constantFrom(...ids.skills) : null;
    const teams = fc.tuple(
      namesArb(ids.teams.length),
      fc.array(fc.constantFrom(...teamTypes), { minLength: ids.teams.length, maxLength: ids.teams.length }),
      fc.array(fc.array(fc.record({ k: fc.nat(), mode: fc.constantFrom(...interactionModes) }), { maxLength: 3 }), { minLength: ids.teams.length, maxLength: ids.teams.length }),
      fc.array(fc.boolean(), { minLength: ids.teams.length, maxLength: ids.teams.length }),
    ).map(([names, types, interactions, leaveOut]) =>
      ids.teams.map((id, i) => {
        const others = ids.teams.filter((t) => t !== id);
        const list = others.length ? interactions[i]!.map((x) => ({ team: others[x.k % others.length]!, mode: x.mode })) : [];
        return compact({ id, name: names[i]!, type: types[i]!, interactions: leaveOut[i] && list.length === 0 ? undefined : list });
      }),
    );
    const person = fc.record({
      team: orDefault(teamRef),
      skills: orDefault(levelMapArb(ids.skills)),
      absences: orDefault(fc.array(absenceArb, { maxLength: 2 })),
      departureAt: orDefault(fc.option(nonNegative(1e5))),
    });
    const people = fc
      .tuple(namesArb(ids.people.length), fc.array(person, { minLength: ids.people.length, maxLength: ids.people.length }))
      .map(([names, list]) => list.map((p, i) => compact({ id: ids.people[i]!, name: names[i]!, ...p })));
    const stage = skillRef ? fc.record({ skill: skillRef, hours: distributionArb }) : null;
    const service = fc.record({
      team: orDefault(teamRef),
      criticality: orDefault(fc.constantFrom(...criticalities)),
      owners: orDefault(fc.shuffledSubarray(ids.people, { maxLength: Math.min(3, ids.people.length) })),
      knowledge: orDefault(levelMapArb(ids.people)),
      detection: distributionArb,
      incidents: fc.record({ ratePerHour: nonNegative(10), repairHours: distributionArb }),
      work: fc
        .record({
          arrivals: fc.oneof(
            fc.record({ kind: fc.constant('poisson' as const), ratePerHour: nonNegative(10) }),
            fc.record({ kind: fc.constant('list' as const), times: fc.array(nonNegative(1e5), { maxLength: 5 }) }),
          ),
          stages: orDefault(stage ? fc.array(stage, { maxLength: 4 }) : fc.constant<{ skill: string; hours: Distribution }[]>([])),
          review: orDefault(fc.option(fc.record({ hours: distributionArb }), { nil: null })),
        })
        .map(compact),
    });
    const services = fc
      .tuple(namesArb(ids.services.length), fc.array(service, { minLength: ids.services.length, maxLength: ids.services.length }))
      .map(([names, list]) => list.map((s, i) => compact({ id: ids.services[i]!, name: names[i]!, ...s })));
    return fc.tuple(teams, people, services).chain(([teamList, personList, serviceList]) => {
      const stagesOf = new Map(serviceList.map((s) => [s.id, (s.work.stages ?? []).map((st) => st.skill)]));
      const variant = fc.record({
        description: orDefault(textArb(100)),
        overrides: fc
          .record({
            structure: fc.option(structureArb(ids, stagesOf), { nil: undefined }),
            parameters: fc.option(parametersArb, { nil: undefined }),
            absencePolicy: fc.option(absencePolicyArb, { nil: undefined }),
            // The same people with other levels: every reference stays valid.
            people: fc.option(fc.constant(personList.map((p) => ({ ...p, skills: Object.fromEntries(Object.keys(p.skills ?? {}).map((k) => [k, 1])) }))), { nil: undefined }),
          })
          .map(compact),
      });
      const variants = fc
        .tuple(fc.uniqueArray(idArb.map((id) => `v-${id}`), { maxLength: 2 }), namesArb(2))
        .chain(([vids, names]) => fc.array(variant, { minLength: vids.length, maxLength: vids.length }).map((list) => list.map((v, i) => compact({ id: vids[i]!, name: names[i]!, ...v }))));
      const incident = ids.services.length
        ? fc
            .record({
              id: fc.string({ maxLength: 20 }),
              service: fc.constantFrom(...ids.services),
              start: nonNegative(1e5),
              acknowledged: orDefault(fc.option(nonNegative(1e5))),
              length: nonNegative(1e3),
              responders: orDefault(fc.shuffledSubarray(ids.people, { maxLength: Math.min(2, ids.people.length) })),
              title: orDefault(textArb(50)),
            })
            .map(({ length, ...inc }) => {
              const at = (h: number) => new Date(Date.UTC(2026, 0, 5) + Math.round(h * 3600) * 1000).toISOString().replace('.000Z', 'Z');
              return compact({ ...inc, start: at(inc.start), acknowledged: typeof inc.acknowledged === 'number' ? at(inc.acknowledged) : inc.acknowledged, resolved: at(inc.start + length) });
            })
        : null;
      const logs = fc
        .tuple(fc.uniqueArray(idArb, { maxLength: incident ? 2 : 0 }), namesArb(2))
        .chain(([lids, names]) =>
          fc
            .array(fc.record({ source: orDefault(fc.string({ maxLength: 20 })), incidents: incident ? fc.array(incident, { maxLength: 3 }) : fc.constant([]) }), { minLength: lids.length, maxLength: lids.length })
            .map((list) => list.map((l, i) => compact({ id: lids[i]!, name: names[i]!, ...l }))),
        );
      return fc
        .record({
          name: textArb(40).map((s) => `${s}x`),
          description: orDefault(textArb(200)),
          calendar: calendarArb,
          absencePolicy: absencePolicyArb,
          structure: structureArb(ids, stagesOf),
          parameters: orDefault(parametersArb),
          run: runArb,
          variants: orDefault(variants),
          incidentLogs: orDefault(logs),
          layout: orDefault(layoutArb([...ids.people.map((id) => `person:${id}`), ...ids.services.map((id) => `service:${id}`)])),
        })
        .map(
          (rest) =>
            compact({
              formatVersion: CURRENT_FORMAT_VERSION,
              ...rest,
              skills: ids.skills.map((id, i) => ({ id, name: `Skill ${i}` })),
              teams: teamList,
              people: personList,
              services: serviceList,
            }) as ScenarioInput,
        );
    });
  });

/** Where an object sits in a document, as `people[3].skills`, and its keys in the order the text has them. */
export interface KeyOrder {
  path: string;
  keys: string[];
}

/** The key order of every object in a JSON text (which must be valid JSON). */
export function keyOrders(text: string): KeyOrder[] {
  const out: KeyOrder[] = [];
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const keys: string[] = [];
      out.push({ path, keys });
      space();
      if (text[i] === '}') i++;
      else
        for (;;) {
          space();
          const key = string();
          keys.push(key);
          space();
          i++; // ':'
          value(path ? `${path}.${key}` : key);
          space();
          if (text[i++] === '}') break;
        }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') i++;
      else
        for (let k = 0; ; k++) {
          value(`${path}[${k}]`);
          space();
          if (text[i++] === ']') break;
        }
    } else if (c === '"') string();
    else while (i < text.length && !',]} \t\n\r'.includes(text[i]!)) i++;
  };
  value('');
  return out;
}

const isArrayIndex = (key: string) => /^(0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/**
 * The order a sorted id map has in a file: ids that are whole numbers first,
 * in numeric order (JavaScript keeps such keys first in every object), then
 * the others in code-unit order.
 */
export function sortedIdOrder(keys: readonly string[]): string[] {
  const numeric = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  const other = keys.filter((k) => !isArrayIndex(k)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...numeric, ...other];
}
