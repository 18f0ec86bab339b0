import type { Structure } from '../../../simulation/scenario/schema';
import type { EditableParts } from '../document/editableParts';
import { Field, NumberInput } from '../inspector/fields';
import { useApply } from '../inspector/useApply';

/** The structure policy: the dial between walled and cross-functional, and the practices around it. */
export function StructureSettings({ model }: { model: EditableParts }) {
  const { variant, run, endGesture } = useApply();
  const st = model.structure;
  const set = (patch: Partial<Structure>, key?: string) => run({ type: 'structure.update', variant, patch }, key);
  return (
    <div className="structure-settings" data-testid="structure-settings">
      <div className="segmented" role="radiogroup" aria-label="Structure">
        {(['walled', 'cross-functional'] as const).map((mode) => (
          <button key={mode} type="button" role="radio" aria-checked={st.mode === mode} className="segment" data-testid={`mode-${mode}`} onClick={() => set({ mode })}>
            {mode === 'walled' ? 'Walled: named specialist per stage, owners respond' : 'Cross-functional: anyone qualified, collective ownership'}
          </button>
        ))}
      </div>
      <div className="field-row">
        <Field label="Work is">
          <select className="input" value={st.dispatch} onChange={(e) => set({ dispatch: e.target.value as Structure['dispatch'] })}>
            <option value="pull">Pulled from a shared backlog by whoever is free</option>
            <option value="push">Assigned on arrival to the shortest queue</option>
          </select>
        </Field>
        <Field label="Least skill level to take a stage" hint="Cross-functional only">
          <NumberInput value={st.minSkillLevel} min={0} max={1} onBlur={endGesture} onChange={(v) => set({ minSkillLevel: v }, 'minSkill')} />
        </Field>
      </div>
      <div className="field-row">
        <label className="check">
          <input type="checkbox" data-testid="pairing" checked={st.pairing.enabled} onChange={(e) => set({ pairing: { ...st.pairing, enabled: e.target.checked } })} />
          Pairing: two people on a stage when a teammate is free (slower, spreads knowledge)
        </label>
        {st.pairing.enabled && (
          <Field label="Share of stages paired">
            <NumberInput value={st.pairing.share} min={0} max={1} onBlur={endGesture} onChange={(v) => set({ pairing: { ...st.pairing, share: v } }, 'pairShare')} />
          </Field>
        )}
      </div>
      <div className="field-row">
        <label className="check">
          <input type="checkbox" data-testid="on-call" checked={st.onCall.enabled} onChange={(e) => set({ onCall: { ...st.onCall, enabled: e.target.checked, rotation: st.onCall.rotation.length ? st.onCall.rotation : model.people.slice(0, 4).map((p) => p.id) } })} />
          On-call rotation answers incidents first
        </label>
        {st.onCall.enabled && (
          <Field label="Shift length">
            <NumberInput value={st.onCall.shiftHours} min={1} unit="h" onBlur={endGesture} onChange={(v) => set({ onCall: { ...st.onCall, shiftHours: v } }, 'shift')} />
          </Field>
        )}
      </div>
      {st.onCall.enabled && (
        <Field label="Rotation" hint="In order; each takes one shift.">
          <div className="chip-picker">
            {model.people.map((p) => {
              const on = st.onCall.rotation.includes(p.id);
              return (
                <button key={p.id} type="button" className="chip-toggle" aria-pressed={on} onClick={() => set({ onCall: { ...st.onCall, rotation: on ? st.onCall.rotation.filter((x) => x !== p.id) : [...st.onCall.rotation, p.id] } })}>
                  {p.name}
                </button>
              );
            })}
          </div>
        </Field>
      )}
      <div className="field-row">
        <Field label="WIP limit per person (push)" hint="Empty: no limit">
          <input className="input" inputMode="numeric" value={st.wip.perPerson ?? ''} onChange={(e) => wipChange(e.target.value, (n) => set({ wip: { ...st.wip, perPerson: n } }))} />
        </Field>
        <Field label="WIP limit per team" hint="Items started and not done">
          <input className="input" inputMode="numeric" data-testid="wip-team" value={st.wip.perTeam ?? ''} onChange={(e) => wipChange(e.target.value, (n) => set({ wip: { ...st.wip, perTeam: n } }))} />
        </Field>
      </div>
      <Field label="Self-service through a platform" hint="These stages are done by whoever did the stage before, at a fraction of the effort, with no handoff.">
        <div className="chip-picker">
          {model.skills.map((k) => {
            const on = st.selfService.skills.includes(k.id);
            return (
              <button key={k.id} type="button" className="chip-toggle" aria-pressed={on} onClick={() => set({ selfService: { ...st.selfService, skills: on ? st.selfService.skills.filter((x) => x !== k.id) : [...st.selfService.skills, k.id] } })}>
                {k.name}
              </button>
            );
          })}
        </div>
      </Field>
    </div>
  );
}

function wipChange(text: string, set: (n: number | null) => void): void {
  const t = text.trim();
  if (t === '') return set(null);
  const n = Number(t);
  if (Number.isInteger(n) && n >= 1) set(n);
}
