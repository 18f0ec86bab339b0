import { MAX_RATE_PER_HOUR, type Service } from '../../../simulation/scenario/schema';
import type { EditableParts } from '../document/editableParts';
import { DistributionField } from '../inspector/DistributionField';
import { Field, NumberInput } from '../inspector/fields';
import { useApply } from '../inspector/useApply';
import { levelOf } from '../../../simulation/scenario/idMap';

/** One service's work: how often items arrive, the stages they pass through, and an optional review. */
export function ServiceWorkload({ model, service, hoursPerWeek }: { model: EditableParts; service: Service; hoursPerWeek: number }) {
  const { variant, run, endGesture } = useApply();
  const id = service.id;
  const stages = service.work.stages;
  const setStages = (next: Service['work']['stages'], key?: string) => run({ type: 'service.setStages', variant, id, stages: next }, key);
  const arrivals = service.work.arrivals;
  const skillName = (k: string) => model.skills.find((x) => x.id === k)?.name ?? k;
  return (
    <div className="service-work" data-testid={`work-${id}`}>
      <div className="service-work-head">
        <h3>{service.name}</h3>
        {arrivals.kind === 'poisson' ? (
          <Field label="New items per week">
            <NumberInput value={arrivals.ratePerHour * hoursPerWeek} min={0} max={MAX_RATE_PER_HOUR * hoursPerWeek} testId={`arrivals-${id}`} onBlur={endGesture} onChange={(v) => run({ type: 'service.update', variant, id, patch: { work: { ...service.work, arrivals: { kind: 'poisson', ratePerHour: v / hoursPerWeek } } } }, `arr:${id}`)} />
          </Field>
        ) : (
          <span className="empty-hint">{arrivals.times.length} items at given times</span>
        )}
      </div>
      <ol className="stage-list">
        {stages.map((st, i) => (
          <li key={i} className="stage">
            <select className="input" aria-label="Skill this stage needs" value={st.skill} onChange={(e) => setStages(stages.map((x, k) => (k === i ? { ...x, skill: e.target.value } : x)))}>
              {!model.skills.some((k) => k.id === st.skill) && <option value={st.skill}>{skillName(st.skill)} (unknown)</option>}
              {model.skills.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
            <DistributionField testId={`stage-${id}-${i}`} value={st.hours} onBlur={endGesture} onChange={(d) => setStages(stages.map((x, k) => (k === i ? { ...x, hours: d } : x)), `stage:${id}:${i}`)} />
            {model.structure.mode === 'walled' && (
              <select
                className="input stage-owner"
                aria-label="Done by (walled)"
                title="In a walled structure, only this person does this stage"
                value={model.structure.assignments.find((a) => a.service === id && a.skill === st.skill)?.person ?? ''}
                onChange={(e) => {
                  const others = model.structure.assignments.filter((a) => !(a.service === id && a.skill === st.skill));
                  run({ type: 'structure.update', variant, patch: { assignments: e.target.value ? [...others, { service: id, skill: st.skill, person: e.target.value }] : others } });
                }}
              >
                <option value="">Done by: the team's best at it</option>
                {model.people
                  .filter((p) => (levelOf(p.skills, st.skill) ?? 0) > 0)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      Done by {p.name}
                    </option>
                  ))}
              </select>
            )}
            <div className="stage-actions">
              <button type="button" className="btn btn-ghost icon-btn" aria-label="Move up" disabled={i === 0} onClick={() => setStages(stages.map((x, k) => (k === i - 1 ? stages[i]! : k === i ? stages[i - 1]! : x)))}>
                ↑
              </button>
              <button type="button" className="btn btn-ghost icon-btn" aria-label="Remove stage" onClick={() => setStages(stages.filter((_, k) => k !== i))}>
                ×
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="stage-footer">
        <button type="button" className="btn" disabled={model.skills.length === 0} data-testid={`add-stage-${id}`} onClick={() => setStages([...stages, { skill: model.skills[0]!.id, hours: { kind: 'lognormal', mean: 8, sigma: 0.5 } }])}>
          Add stage
        </button>
        <label className="check">
          <input type="checkbox" checked={service.work.review !== null} onChange={(e) => run({ type: 'service.update', variant, id, patch: { work: { ...service.work, review: e.target.checked ? { hours: { kind: 'lognormal', mean: 1.5, sigma: 0.5 } } : null } } })} />
          Review by someone else who knows the service
        </label>
      </div>
    </div>
  );
}
