import { analyseModel, SKILL_HOLDER_LEVEL } from '../../analysis/modelAnalysis';
import { distributionMean } from '../../random/distribution';
import { workingHoursToDay } from '../../replay/workingTime';
import type { Scenario, Structure } from '../../scenario/schema';
import { describeArrivals, describeDistribution, describeRate } from '../describe';
import { formatHours } from '../format';
import { esc, figure, legend, section, table } from '../html';
import { structureSvg, TEAM_COLORS, TEAM_TYPE_LABEL } from '../structureSvg';
import { levelOf } from '../../scenario/idMap';

const pctLevel = (x: number) => `${Math.round(x * 100)}`;

/** The model: a picture of the structure and tables of teams, people, skills and services with their owners. */
export function modelSection(scenario: Scenario): string {
  const person = new Map(scenario.people.map((p) => [p.id, p.name]));
  const team = new Map(scenario.teams.map((t) => [t.id, t.name]));
  const skill = new Map(scenario.skills.map((s) => [s.id, s.name]));
  const analysis = analyseModel(scenario);
  const who = (ids: readonly string[]) => (ids.length ? ids.map((id) => esc(person.get(id) ?? id)).join(', ') : '<span class="warn">nobody</span>');

  const picture = figure(
    structureSvg(scenario) +
      legend([
        ...[...new Set(scenario.teams.map((t) => t.type))].map((type) => ({ name: `${TEAM_TYPE_LABEL[type]} team`, color: TEAM_COLORS[type].border })),
        { name: 'owner of a service', color: '#0072B2' },
        { name: `knows a service (knowledge ≥ 50)`, color: '#009E73', dashed: true },
      ]),
    'The structure as drawn in Handoff. Lines join people to the services they own (solid) or know well without owning (dashed).',
  );

  const teams = scenario.teams.length
    ? table({
        head: ['Team', 'Type', 'People', 'Services', 'Works with', 'Offers, and how to reach it'],
        rows: scenario.teams.map((t) => [
          esc(t.name),
          esc(TEAM_TYPE_LABEL[t.type]),
          String(scenario.people.filter((p) => p.team === t.id).length),
          String(scenario.services.filter((s) => s.team === t.id).length),
          t.interactions.map((i) => `${esc(team.get(i.team) ?? i.team)} (${esc(i.mode)})`).join(', ') || '–',
          [t.offers?.trim(), t.contact?.trim() && `reach: ${t.contact.trim()}`].filter(Boolean).map((x) => esc(x!)).join('<br>') || '–',
        ]),
        testId: 'report-teams',
      })
    : '';

  const people = table({
    head: ['Person', 'Team', 'Skills (level 0-100)', 'Works', 'Planned absence or departure'],
    rows: scenario.people.map((p) => [
      esc(p.name),
      esc(p.team ? (team.get(p.team) ?? p.team) : '–'),
      Object.entries(p.skills)
        .filter(([, l]) => l > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([id, l]) => `${esc(skill.get(id) ?? id)} ${pctLevel(l)}`)
        .join(', ') || '–',
      p.availability === 1 ? 'full time' : `${Math.round(p.availability * 100)}% of each week`,
      [
        ...p.absences.map((a) => `${a.reason} ${day(workingHoursToDay(a.start, scenario.calendar, 'start'))} to ${day(workingHoursToDay(a.end, scenario.calendar, 'end'))} (hours ${Math.round(a.start)}–${Math.round(a.end)})`),
        ...(p.departureAt !== null ? [`leaves after ${day(workingHoursToDay(p.departureAt, scenario.calendar, 'end'))} (hour ${Math.round(p.departureAt)})`] : []),
      ].join('; ') || '–',
    ]),
    testId: 'report-people',
  });

  const sole = new Map(analysis.soleSkillHolders.map((s) => [s.skillId, s.person]));
  const skills = table({
    head: ['Skill', `People at level ${pctLevel(SKILL_HOLDER_LEVEL)} or more`, 'Needed by'],
    rows: scenario.skills.map((s) => {
      const holders = scenario.people.filter((p) => (levelOf(p.skills, s.id) ?? 0) >= SKILL_HOLDER_LEVEL);
      const needed = scenario.services.filter((sv) => sv.work.stages.some((st) => st.skill === s.id)).map((sv) => sv.name);
      return [
        esc(s.name),
        (holders.length ? holders.map((p) => esc(p.name)).join(', ') : '<span class="warn">nobody</span>') + (sole.has(s.id) ? ' <span class="warn">(only one)</span>' : ''),
        needed.map(esc).join(', ') || '–',
      ];
    }),
    testId: 'report-skills',
  });

  const risks = new Map(analysis.services.map((s) => [s.serviceId, s]));
  const services = table({
    head: ['Service', 'Team', 'Owners', 'May and can restore it (knowledge ≥ 50)', 'Failures', 'Noticed after', 'Repair', 'Work', 'Stages (mean hours for an expert)'],
    rows: scenario.services.map((s) => {
      const risk = risks.get(s.id)!;
      return [
        esc(s.name) + `<div class="muted">${esc(s.criticality)} criticality</div>`,
        esc(s.team ? (team.get(s.team) ?? s.team) : '–'),
        who(s.owners),
        who(risk.knowers) + (risk.busFactor <= 1 ? ' <span class="warn">(bus factor ' + risk.busFactor + ')</span>' : ''),
        esc(describeRate(s.incidents.ratePerHour, scenario.calendar, 'failures')),
        esc(describeDistribution(s.detection)),
        esc(describeDistribution(s.incidents.repairHours)),
        esc(describeArrivals(s, scenario.calendar)),
        s.work.stages.map((st) => `${esc(skill.get(st.skill) ?? st.skill)} <span class="muted">${esc(formatHours(distributionMean(st.hours)))}</span>`).join(' → ') + (s.work.review ? ' → review' : '') || '–',
      ];
    }),
    testId: 'report-services',
    className: 'data small',
  });

  return section(
    'model',
    'The model',
    `<p>${esc(`${scenario.people.length} people in ${scenario.teams.length} teams, with ${scenario.skills.length} skills, look after ${scenario.services.length} services.`)}</p>` +
      picture +
      (teams ? `<h3>Teams</h3>${teams}` : '') +
      `<h3>People</h3>${people}<h3>Skills</h3>${skills}<h3>Services and owners</h3>${services}` +
      `<p class="muted">A service's bus factor counts the people the structure lets respond to its incidents (walled: its owners; cross-functional: its owners and the team members who know it at least ${pctLevel(scenario.structure.minKnowledge)}) who know it at 50 or more.</p>` +
      `<h3>Who takes the work</h3><div data-testid="report-dispatch">${dispatchRule(scenario.structure, scenario.parameters.efficiencyAtZero)
        .map((line) => `<p>${esc(line)}</p>`)
        .join('')}</div>`,
  );
}

/**
 * The rules by which the engine gives out work and incidents (model/dispatch.ts, model/responders.ts), in words,
 * for the structure as drawn (variants that change it follow the same rules for their own structure).
 */
export function dispatchRule(structure: Structure, efficiencyAtZero: number): string[] {
  const ties = 'ties go to the higher level in the skill the work needs, then the better knowledge of the service, then whoever has been free longest, and last to the person id, never to the order of the file';
  const lines: string[] = [];
  if (structure.mode === 'walled') {
    lines.push(
      'Walled: each stage of a service is done by the specialist named for it, or else by the team member most skilled in it (equally skilled specialists share the services between them, by id). Work waits in that person’s own queue.',
    );
  } else if (structure.dispatch === 'push') {
    lines.push(`Push: when a task becomes ready it is given to the qualified person with the fewest tasks waiting or in hand (people present first, within the WIP limit); ${ties}.`);
  } else {
    lines.push(
      `Pull: work waits in the team’s shared queue. When several qualified people are free, the one expected to finish it first takes it (the handoff plus the effort at the speed of their level in the skill, or of their knowledge of the service for a review); ${ties}. Someone who becomes free takes the oldest task they may do.`,
    );
  }
  lines.push(
    'Incidents: the person on call takes one if there is a rota. Otherwise it goes to whoever is expected to restore it soonest: someone free, or busy with feature work (which they put aside), starts at once at the speed of their knowledge of the service; an expert busy with another incident is waited for only when finishing that and then repairing is still expected to be sooner. Expected times use each service’s mean repair effort, not the actual draw.',
  );
  if (efficiencyAtZero === 0) {
    lines.push('Speed at skill level 0 is set to 0, so nobody takes a stage in a skill they are at level 0 in, or reviews or restores a service they do not know at all (such as a new hire); that work waits for someone who can.');
  }
  return lines;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-03-16 -> "16 Mar 2026" (a date, whatever the reader's locale). */
function day(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
