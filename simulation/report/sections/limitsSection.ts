import type { RunResult } from '../../run/runScenario';
import { esc, section } from '../html';

/** What the model leaves out and how far to trust the figures, with this run's own warnings first. */
export function limitsSection(result: RunResult): string {
  const warnings: string[] = [];
  for (const v of result.variants) {
    if (v.stoppedEarly > 0) warnings.push(`${v.name}: ${v.stoppedEarly} of ${v.replications} replications hit the event limit and stopped before the end; their figures cover less time.`);
    const little = v.metrics.littlesLawError.mean;
    if (Number.isFinite(little) && little > 0.1) warnings.push(`${v.name}: work in progress and lead time disagree by ${Math.round(little * 100)}% (Little's law); the run may be too short to settle.`);
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
  ];
  return section(
    'limits',
    'Limits of the model',
    (warnings.length ? `<div class="callout"><b>About this run</b><ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>` : '') + `<ul>${general.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>`,
  );
}
