import { diagnose } from '../../run/diagnostics';
import type { RunResult } from '../../run/runScenario';
import { esc, section } from '../html';

/** What the model leaves out and how far to trust the figures, with this run's own warnings first. */
export function limitsSection(result: RunResult): string {
  const warnings: string[] = [];
  for (const v of result.variants) {
    if (v.stoppedEarly > 0) warnings.push(`${v.name}: ${v.stoppedEarly} of ${v.replications} replications hit the event limit and stopped before the end; their figures cover less time.`);
    // The stability, censoring and warm-up warnings (the event-cap one is said above, in more words).
    warnings.push(...diagnose(v).warnings.filter((w) => !w.includes('hit the event cap')));
  }
  if (result.replications < 30) warnings.push(`Only ${result.replications} replications: intervals are wide, and small differences are not to be relied on.`);
  const general = [
    'It is a model: it shows what follows from the structure, skills and workload as entered, not what a particular week will bring. Compare structures with each other rather than reading single figures as forecasts.',
    'Every figure is a mean over replications with a 95% confidence interval; a difference whose interval includes zero may be chance.',
    'People are interchangeable apart from their skill levels, knowledge, availability and absences: motivation, friction, meetings and context switching beyond handoffs are not modelled.',
    'Work items of a service are alike in kind (the same stages, with random durations); priorities between items, deadlines and dependencies between services are not modelled.',
    'Incidents arrive at random at the rate given per service, independently of each other and of the work; a failure does not cause another.',
    'Handoff cost and rework grow in a straight line with the knowledge gap; learning is steady. These are simplifications with parameters that can be changed, not measurements.',
    'Time is working time; nights, weekends and overtime are left out, so an outage outside working hours counts only from the next working hour.',
    'The engine is checked against queueing theory (M/M/1, M/M/c, pooling, a tandem line, M/G/1, M/D/1, Little\'s law, and an overloaded queue that must be flagged): `npm run validate` runs the cases and writes the table to docs/validation.md in the Handoff source.',
  ];
  return section(
    'limits',
    'Limits of the model',
    (warnings.length ? `<div class="callout"><b>About this run</b><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : '') + `<ul>${general.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>`,
  );
}
