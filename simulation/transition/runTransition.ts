/**
 * Runs a variant's transition: each replication is run twice on the same
 * seed, once staying as is (the base structure throughout) and once with the
 * plan taking effect at its date (the base structure until then, the plan's
 * after; see model/switchStructure.ts). Both arms draw every arrival,
 * failure, effort and absence from the same named streams, so they are
 * paired: identical up to the switch, and differing after it only by what
 * the reorganisation changes. The stay-as-is arm is exactly the base's
 * ordinary run.
 */
import { compileModel, type CompiledModel } from '../model/compile';
import { applyVariant, resolveVariant, type ModelInput } from '../model/modelInput';
import { replicationSeeds, runReplication } from '../model/replication';
import { WeeklySeries } from '../model/weeklySeries';
import type { Scenario } from '../scenario/schema';
import { switchHour, weekHours } from './schedule';

/** One arm of one replication: per whole week, the sums and counts of lead time and time to restore (hours). */
export interface WeeklyArm {
  leadSum: number[];
  leadCount: number[];
  ttrSum: number[];
  ttrCount: number[];
}

/** One replication of a transition, both arms on the same seed. */
export interface TransitionReplication {
  index: number;
  seed: number;
  stay: WeeklyArm;
  plan: WeeklyArm;
}

/** Where the weeks of a transition's results lie on the scenario's clock. */
export interface TransitionWeeks {
  /** Working hour the plan takes effect (the start of week 1 after it). */
  switchAt: number;
  weekHours: number;
  /** Whole weeks kept before the switch (after the warm-up) and after it (before the horizon). */
  weeksBefore: number;
  weeksAfter: number;
}

export interface TransitionRun {
  variantId: string;
  variantName: string;
  effectiveDate: string;
  weeks: TransitionWeeks;
  replications: TransitionReplication[];
}

export interface TransitionOptions {
  /** Replications to run (default: the scenario's run settings). */
  replications?: number;
  /** Called after each replication with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Asked before each replication; true stops the run and returns what is done. */
  shouldStop?: () => boolean;
}

/**
 * The plan's model with its people, services and skills in the base's order
 * (the switch keeps every person and service at the same index), and the base's
 * run settings. @throws Error when the variant has no transition or changes
 * who is in the model (the validator reports both to the user first).
 */
export function planModel(scenario: Scenario, variantId: string): { base: ModelInput; plan: ModelInput; effectiveDate: string; name: string } {
  const variant = scenario.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(`scenario "${scenario.name}" has no variant "${variantId}"`);
  if (!variant.transition) throw new Error(`variant "${variant.name}" has no transition (set the date its plan takes effect)`);
  const base = resolveVariant(scenario, null);
  const merged = applyVariant(base, variant);
  const inBaseOrder = <T extends { id: string }>(what: string, order: readonly { id: string }[], list: readonly T[]): T[] => {
    const byId = new Map(list.map((x) => [x.id, x]));
    if (byId.size !== order.length || order.some((x) => !byId.has(x.id))) {
      throw new Error(`variant "${variant.name}" changes the ${what} of the model, which a transition cannot switch to`);
    }
    return order.map((x) => byId.get(x.id)!);
  };
  const plan: ModelInput = {
    ...merged,
    skills: inBaseOrder('skills', base.skills, merged.skills),
    people: inBaseOrder('people', base.people, merged.people),
    services: inBaseOrder('services', base.services, merged.services),
    run: base.run,
  };
  return { base, plan, effectiveDate: variant.transition.effectiveDate, name: variant.name };
}

/** Runs both arms of every replication (in this thread, one after another). Deterministic for a scenario and seed. */
export function runTransition(scenario: Scenario, variantId: string, options: TransitionOptions = {}): TransitionRun {
  const { base, plan, effectiveDate, name } = planModel(scenario, variantId);
  const baseModel = compileModel(base);
  const planCompiled = compileModel(plan);
  const { horizonHours, warmupHours, seed } = scenario.run;
  const switchAt = switchHour(scenario, effectiveDate);
  const week = weekHours(scenario.calendar);
  const total = options.replications ?? scenario.run.replications;
  const seeds = replicationSeeds(seed, total);
  const probe = new WeeklySeries(switchAt, week, warmupHours, horizonHours);
  const weeks: TransitionWeeks = { switchAt, weekHours: week, weeksBefore: probe.weeksBefore, weeksAfter: probe.weeksAfter };
  const replications: TransitionReplication[] = [];
  for (let i = 0; i < total; i++) {
    if (options.shouldStop?.()) break;
    replications.push(runPair(baseModel, planCompiled, i, seeds[i]!, weeks, warmupHours, horizonHours));
    options.onProgress?.(i + 1, total);
  }
  return { variantId, variantName: name, effectiveDate, weeks, replications };
}

/** Replication `index` on both arms. */
export function runPair(base: CompiledModel, plan: CompiledModel, index: number, seed: number, weeks: TransitionWeeks, from: number, to: number): TransitionReplication {
  const stay = new WeeklySeries(weeks.switchAt, weeks.weekHours, from, to);
  runReplication(base, index, seed, { weekly: stay });
  const planned = new WeeklySeries(weeks.switchAt, weeks.weekHours, from, to);
  runReplication(base, index, seed, { weekly: planned, switchTo: { at: weeks.switchAt, model: plan } });
  return { index, seed, stay: armOf(stay), plan: armOf(planned) };
}

const armOf = (w: WeeklySeries): WeeklyArm => ({
  leadSum: Array.from(w.leadSum),
  leadCount: Array.from(w.leadCount),
  ttrSum: Array.from(w.ttrSum),
  ttrCount: Array.from(w.ttrCount),
});
