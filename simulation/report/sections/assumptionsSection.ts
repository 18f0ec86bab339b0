import { resolveVariantSpec, type VariantSpec } from '../../run/variantSpec';
import type { Scenario } from '../../scenario/schema';
import { describeDistribution, describeHorizon, hoursPerYear } from '../describe';
import { num } from '../format';
import { esc, section } from '../html';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** What each compared structure means, in words. */
function describeVariant(scenario: Scenario, spec: VariantSpec): string {
  const name = esc(resolveVariantSpec(scenario, spec).name);
  switch (spec.kind) {
    case 'base':
      return `<b>${name}</b>: the scenario exactly as drawn (${esc(scenario.structure.mode)}).`;
    case 'preset':
      return spec.preset === 'walled'
        ? `<b>${name}</b>: the same people and services with walls: each stage goes to the named specialist (or the team's best-skilled person), and only a service's owners respond to its incidents.`
        : `<b>${name}</b>: the same people and services, cross-functional: anyone in the team with enough skill takes the next stage, and anyone who knows a service well enough responds to its incidents.`;
    case 'saved': {
      const v = scenario.variants.find((x) => x.id === spec.id);
      return `<b>${name}</b>: ${esc(v?.description || 'a variant saved in the scenario.')} (changes: ${esc(Object.keys(v?.overrides ?? {}).join(', ') || 'none')})`;
    }
    case 'inline':
      return `<b>${name}</b>: ${esc(spec.variant.description || 'a variant made for this run.')}`;
  }
}

/** The assumptions and parameters behind the numbers, in plain language. */
export function assumptionsSection(scenario: Scenario, variants: readonly VariantSpec[], replications: number, seed: number): string {
  const c = scenario.calendar;
  const st = scenario.structure;
  const p = scenario.parameters;
  const a = scenario.absencePolicy;
  const person = new Map(scenario.people.map((x) => [x.id, x.name]));
  const skill = new Map(scenario.skills.map((x) => [x.id, x.name]));
  const items: string[] = [
    `Time is counted in working hours: ${num(c.hoursPerDay)} hours a day, ${c.daysPerWeek} days a week, ${num(c.weeksPerYear)} weeks a year, from ${esc(c.startDate)}. Nothing happens outside working hours.`,
    `Each replication simulates ${describeHorizon(scenario.run.horizonHours, c)}${scenario.run.warmupHours > 0 ? `; the first ${num(scenario.run.warmupHours)} hours are a warm-up and are not measured` : ''}. The run repeats it ${replications} times (seed ${seed}); every structure sees the same arrivals, failures and absences in each replication, so the differences between structures are paired.`,
    `Work is ${st.dispatch === 'pull' ? 'pulled from one shared backlog: whoever is free and allowed takes the oldest task' : 'pushed on arrival to the shortest queue of those allowed'}.${st.mode === 'cross-functional' ? ` Cross-functional: a stage needs skill level ${pct(st.minSkillLevel)} or more; responding to a failure needs ${pct(st.minKnowledge)} knowledge of the service or more.` : ''}`,
    `Speed grows with skill: at skill 0 a person works at ${pct(p.efficiencyAtZero)} of an expert's speed, rising in a straight line to full speed at skill 100.`,
    `A handoff costs the receiver ${num(p.handoff.baseHours)} h, plus up to ${num(p.handoff.gapHours)} h more as the gap in knowledge between sender and receiver widens. The receiver sends work back for rework ${pct(p.handoff.reworkBase)} of the time with no gap, up to ${pct(p.handoff.reworkAtFullGap)} at the widest; rework costs ${pct(p.handoff.reworkEffort)} of the earlier stage's effort.`,
    `People learn by doing: knowledge of a service grows by ${num(p.learning.knowledgePerHour * 100)} points per hour worked on it${st.pairing.enabled ? `, and skill by ${num(p.learning.skillPerPairedHour * 100)} points per hour paired with someone better` : ''}.`,
    st.pairing.enabled ? `Pairing: ${pct(st.pairing.share)} of stages are done in pairs, taking ${num(p.pairingDurationFactor)} times as long as the better partner alone.` : 'No pairing.',
    st.onCall.enabled
      ? `On call: ${st.onCall.rotation.map((id) => esc(person.get(id) ?? id)).join(', ')} in turn, shifts of ${num(st.onCall.shiftHours)} h; the person on call takes incidents first.`
      : 'No on-call rotation: incidents go to whoever may respond and is free first.',
    st.wip.perPerson !== null || st.wip.perTeam !== null
      ? `Work-in-progress limits: ${st.wip.perPerson !== null ? `${st.wip.perPerson} per person` : ''}${st.wip.perPerson !== null && st.wip.perTeam !== null ? ', ' : ''}${st.wip.perTeam !== null ? `${st.wip.perTeam} per team` : ''}.`
      : 'No work-in-progress limits.',
    st.selfService.skills.length
      ? `Self-service platform: ${st.selfService.skills.map((id) => esc(skill.get(id) ?? id)).join(', ')} stages are done by the previous stage's person at ${pct(st.selfService.effortFactor)} of the effort.`
      : 'No self-service platform stages.',
    `Absences: about ${num(a.vacation.perYear)} holidays a year per person, each ${esc(describeDistribution(a.vacation.hours))}; about ${num(a.sickness.perYear)} sick spells a year, each ${esc(describeDistribution(a.sickness.hours))}.`,
    a.departures.perYear > 0
      ? `People leave at a rate of ${num(a.departures.perYear)} a year per person (${num((a.departures.perYear * scenario.run.horizonHours) / hoursPerYear(c))} per person over the run); a replacement starts after ${esc(describeDistribution(a.departures.hireDelayHours))} at ${pct(a.departures.startFraction)} of the leaver's skills and reaches them in ${num(a.departures.rampUpHours)} h.`
      : 'Nobody leaves during the run except where the model says so.',
  ];
  return section(
    'assumptions',
    'Assumptions and parameters',
    `<h3>What was compared</h3><ul class="variants">${variants.map((v) => `<li>${describeVariant(scenario, v)}</li>`).join('')}</ul><h3>How the model works</h3><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`,
  );
}
