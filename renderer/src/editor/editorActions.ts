import type { Person, Service, Team } from '../../../simulation/scenario/schema';
import type { Command } from '../document/commands';
import type { EditableParts } from '../document/editableParts';
import type { DocumentStore } from '../state/documentStore';
import type { SessionState } from '../state/sessionStore';
import { autoLayout, parseKey, personKey, serviceKey, teamKey } from '../../../simulation/scenario/layout';
import { levelOf } from '../../../simulation/scenario/idMap';

/** The smallest `prefix-N` not taken. */
export function newId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** A name not taken yet: `base`, or `base 2`, `base 3`, ... */
export function newName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!used.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

export interface EditorDeps {
  documents: DocumentStore;
  session: () => SessionState;
  model: () => EditableParts | null;
  target: () => string | null;
}

/** What Ctrl+C copied: the keys of people and services, pasted as copies with Ctrl+V. */
let clipboard: string[] = [];

/** Edits the canvas, toolbar and shortcuts make, each as one undoable command. */
export function createEditorActions({ documents, session, model, target }: EditorDeps) {
  const apply = (command: Command) => documents.getState().apply(command);
  const positions = () => documents.getState().doc?.layout.positions ?? {};

  const place = (key: string, at?: { x: number; y: number }): Command[] => (at ? [{ type: 'layout.move', moves: [{ key, ...at }] }] : []);

  const actions = {
    addPerson(at?: { x: number; y: number }, team: string | null = null): string | null {
      const m = model();
      if (!m) return null;
      const id = newId('person', m.people.map((p) => p.id));
      const person: Person = { id, name: newName('New person', m.people.map((p) => p.name)), team: team ?? m.teams[0]?.id ?? null, skills: {}, absences: [], departureAt: null, availability: 1 };
      apply({ type: 'batch', label: 'add person', commands: [{ type: 'person.add', variant: target(), person }, ...place(personKey(id), at)] });
      session().setSelection([personKey(id)]);
      return id;
    },
    addService(at?: { x: number; y: number }, team: string | null = null): string | null {
      const m = model();
      if (!m) return null;
      const id = newId('service', m.services.map((s) => s.id));
      const service: Service = {
        id,
        name: newName('New service', m.services.map((s) => s.name)),
        team: team ?? m.teams[0]?.id ?? null,
        criticality: 'medium',
        owners: [],
        knowledge: {},
        detection: { kind: 'exponential', mean: 0.5 },
        incidents: { ratePerHour: 0.002, repairHours: { kind: 'lognormal', mean: 4, sigma: 0.8 } },
        work: { arrivals: { kind: 'poisson', ratePerHour: 0.01 }, stages: m.skills.slice(0, 3).map((k) => ({ skill: k.id, hours: { kind: 'lognormal' as const, mean: 8, sigma: 0.5 } })), review: null },
      };
      apply({ type: 'batch', label: 'add service', commands: [{ type: 'service.add', variant: target(), service }, ...place(serviceKey(id), at)] });
      session().setSelection([serviceKey(id)]);
      return id;
    },
    addTeam(type: Team['type'] = 'stream-aligned'): string | null {
      const m = model();
      if (!m) return null;
      const id = newId('team', m.teams.map((t) => t.id));
      apply({ type: 'team.add', variant: target(), team: { id, name: newName('New team', m.teams.map((t) => t.name)), type, interactions: [] } });
      session().setSelection([teamKey(id)]);
      return id;
    },
    addSkill(name: string): string | null {
      const m = model();
      if (!m || !name.trim()) return null;
      const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'skill';
      const taken = m.skills.map((k) => k.id);
      const unique = taken.includes(slug) ? newId(slug, taken) : slug;
      apply({ type: 'skill.add', variant: target(), skill: { id: unique, name: newName(name.trim(), m.skills.map((k) => k.name)) } });
      return unique;
    },
    rename(key: string, name: string): void {
      const k = parseKey(key);
      if (!k) return;
      const variant = target();
      if (k.kind === 'person') apply({ type: 'person.update', variant, id: k.id, patch: { name } });
      if (k.kind === 'service') apply({ type: 'service.update', variant, id: k.id, patch: { name } });
      if (k.kind === 'team') apply({ type: 'team.update', variant, id: k.id, patch: { name } });
    },
    /** A person now knows a service (level 0.8 unless they knew it already); the first one to connect owns it. */
    connect(personId: string, serviceId: string): void {
      const svc = model()?.services.find((s) => s.id === serviceId);
      if (!svc) return;
      const variant = target();
      const commands: Command[] = [];
      if ((levelOf(svc.knowledge, personId) ?? 0) < 0.8) commands.push({ type: 'knowledge.set', variant, personId, serviceId, level: 0.8 });
      if (svc.owners.length === 0) commands.push({ type: 'owner.set', variant, personId, serviceId, owner: true });
      if (commands.length) apply({ type: 'batch', label: 'connect', commands });
    },
    deleteSelection(): void {
      const keys = session().selection.map(parseKey).filter((k) => k !== null);
      if (keys.length === 0) return;
      const variant = target();
      const ids = (kind: string) => keys.filter((k) => k.kind === kind).map((k) => k.id);
      const commands: Command[] = [];
      if (ids('person').length) commands.push({ type: 'person.remove', variant, ids: ids('person') });
      if (ids('service').length) commands.push({ type: 'service.remove', variant, ids: ids('service') });
      if (ids('team').length) commands.push({ type: 'team.remove', variant, ids: ids('team') });
      apply({ type: 'batch', label: `delete ${keys.length === 1 ? keys[0]!.kind : `${keys.length} items`}`, commands });
      session().setSelection([]);
    },
    /** Copies of the selected people and services, beside the originals. */
    duplicate(keys = session().selection): void {
      const m = model();
      if (!m) return;
      const variant = target();
      const commands: Command[] = [];
      const newKeys: string[] = [];
      const personIds = m.people.map((p) => p.id);
      const serviceIds = m.services.map((s) => s.id);
      const names = { people: m.people.map((p) => p.name), services: m.services.map((s) => s.name) };
      for (const key of keys) {
        const k = parseKey(key);
        const at = positions()[key];
        if (k?.kind === 'person') {
          const p = m.people.find((x) => x.id === k.id);
          if (!p) continue;
          const id = newId('person', personIds);
          personIds.push(id);
          const name = newName(`${p.name} (copy)`, names.people);
          names.people.push(name);
          commands.push({ type: 'person.add', variant, person: { ...structuredClone(p), id, name } });
          if (at) commands.push({ type: 'layout.move', moves: [{ key: personKey(id), x: at.x + 30, y: at.y + 30 }] });
          newKeys.push(personKey(id));
        } else if (k?.kind === 'service') {
          const s = m.services.find((x) => x.id === k.id);
          if (!s) continue;
          const id = newId('service', serviceIds);
          serviceIds.push(id);
          const name = newName(`${s.name} (copy)`, names.services);
          names.services.push(name);
          commands.push({ type: 'service.add', variant, service: { ...structuredClone(s), id, name } });
          if (at) commands.push({ type: 'layout.move', moves: [{ key: serviceKey(id), x: at.x + 30, y: at.y + 30 }] });
          newKeys.push(serviceKey(id));
        }
      }
      if (commands.length === 0) return;
      apply({ type: 'batch', label: 'duplicate', commands });
      session().setSelection(newKeys);
    },
    copy(): void {
      clipboard = session().selection.filter((k) => k.startsWith('person:') || k.startsWith('service:'));
    },
    /** Pastes copies of what was copied (which must still exist in the model shown). */
    paste(): void {
      if (clipboard.length) actions.duplicate(clipboard);
    },
    move(moves: { key: string; x: number; y: number }[]): void {
      if (moves.length) apply({ type: 'layout.move', moves });
    },
    nudge(dx: number, dy: number, placed: Record<string, { x: number; y: number }>): void {
      const moves = session()
        .selection.filter((k) => placed[k])
        .map((k) => ({ key: k, x: placed[k]!.x + dx, y: placed[k]!.y + dy }));
      if (moves.length) documents.getState().apply({ type: 'layout.move', moves }, { coalesceKey: 'nudge' });
    },
    /** Lays out every person and service again (one undoable step). */
    autoLayout(): void {
      const m = model();
      if (!m) return;
      const layout = autoLayout(m);
      apply({ type: 'layout.move', moves: Object.entries(layout).map(([key, p]) => ({ key, ...p })) });
    },
    selectAll(): void {
      const m = model();
      if (m) session().setSelection([...m.people.map((p) => personKey(p.id)), ...m.services.map((s) => serviceKey(s.id))]);
    },
  };
  return actions;
}

export type EditorActions = ReturnType<typeof createEditorActions>;
