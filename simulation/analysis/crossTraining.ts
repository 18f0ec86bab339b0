import type { MetricComparison } from '../run/comparison';
import { comparisonCaveat } from '../run/diagnostics';
import type { RunResult } from '../run/runScenario';
import { resolveVariantSpec, type VariantSpec } from '../run/variantSpec';
import type { Scenario } from '../scenario/schema';
import { analyseModel } from './modelAnalysis';
import { levelOf } from '../scenario/idMap';

/** Knowledge a trained person reaches. */
export const TRAINED_KNOWLEDGE = 0.8;
/** Most training options tried at once (the cheapest to evaluate first: fragile services, their own team). */
export const MAX_OPTIONS = 24;

/**
 * The training options worth trying: for each service that one person or
 * nobody can restore, each teammate who does not know it well learns it (to
 * {@link TRAINED_KNOWLEDGE}). One variant per option, after the baseline, on
 * the same seeds; rank them with {@link rankTraining}.
 */
export function crossTrainingVariants(scenario: Scenario, base: VariantSpec): VariantSpec[] {
  const model = resolveVariantSpec(scenario, base).model;
  const { fragileServices } = analyseModel(model);
  const options: VariantSpec[] = [];
  for (const risk of fragileServices) {
    const service = model.services.find((s) => s.id === risk.serviceId)!;
    const learners = model.people.filter((p) => (service.team === null || p.team === service.team) && (levelOf(service.knowledge, p.id) ?? 0) < TRAINED_KNOWLEDGE);
    for (const person of learners) {
      if (options.length >= MAX_OPTIONS) break;
      options.push({
        kind: 'inline',
        variant: {
          id: `train:${person.id}:${service.id}`,
          name: `${person.name} learns ${service.name}`,
          description: '',
          overrides: {
            skills: model.skills,
            teams: model.teams,
            people: model.people,
            structure: model.structure,
            parameters: model.parameters,
            absencePolicy: model.absencePolicy,
            services: model.services.map((s) => (s.id === service.id ? { ...s, knowledge: { ...s.knowledge, [person.id]: TRAINED_KNOWLEDGE } } : s)),
          },
        },
      });
    }
  }
  return [base, ...options];
}

export interface TrainingGain {
  option: string;
  /** The option's variant id, `train:<person id>:<service id>` (absent in results kept by older versions). */
  variantId?: string;
  ttrMean: MetricComparison | undefined;
  ttrP95: MetricComparison | undefined;
  waitedForAbsent: MetricComparison | undefined;
  /** Why the differences are not steady-state results (absent or null when they are). */
  caveat?: string | null;
}

/** The person who learns and the service learned in a training option, found among the scenario's people and services. */
export function trainingOption(variantId: string, people: readonly { id: string }[], services: readonly { id: string }[]): { personId: string; serviceId: string } | null {
  for (const p of people) for (const s of services) if (variantId === `train:${p.id}:${s.id}`) return { personId: p.id, serviceId: s.id };
  return null;
}

/** Training options, best first: the largest fall in mean time to restore. */
export function rankTraining(result: RunResult): TrainingGain[] {
  return result.comparisons
    .map((c) => ({
      option: result.variants.find((v) => v.variantId === c.variantId)!.name,
      caveat: comparisonCaveat(result.variants.find((v) => v.variantId === c.variantId)!, result.variants[0]!),
      variantId: c.variantId,
      ttrMean: c.metrics.find((m) => m.metric === 'ttrMean'),
      ttrP95: c.metrics.find((m) => m.metric === 'ttrP95'),
      waitedForAbsent: c.metrics.find((m) => m.metric === 'incidentsWaitedForAbsent'),
    }))
    .sort((a, b) => (a.ttrMean?.difference?.mean ?? 0) - (b.ttrMean?.difference?.mean ?? 0));
}
