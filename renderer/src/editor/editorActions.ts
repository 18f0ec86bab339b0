import type { Person, Service, Team } from '../../../simulation/scenario/schema';
import type { Command } from '../document/commands';
import type { EditableParts } from '../document/editableParts';
import type { DocumentStore } from '../state/documentStore';
import type { SessionState } from '../state/sessionStore';
import { autoLayout, parseKey, personKey, serviceKey, teamKey } from '../../../simulation/scenario/layout';
import { freeSpot, resolveDrop, type Point } from '../../../simulation/scenario/placement';
import { canvasView } from './canvasView';
import { drawnPositions, emptyTeamBoxes, membership, spotForNew, teamForNew } from './placeNode';
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
/** What Ctrl+X cut: pasted back once, with the same ids where still free. */
let cutNodes: { people: Person[]; services: Service[] } | null = null;

/** Edits the canvas, toolbar and shortcuts make, each as one undoable command. */
export function createEditorActions({ documents, session, model, target }: EditorDeps) {
  const apply = (command: Command) => documents.getState().apply(command);
  const positions = () => documents.getState().doc?.layout.positions ?? {};

  /** Where every node of the model shown is drawn now. */
  const drawn = (m: EditableParts) => drawnPositions(m, positions(), canvasView.drawn());
  /** The team a new card joins and where it goes: free space near `near` (else the view's centre), in its team. */
  const spotFor = (m: EditableParts, key: string, near: Point | undefined, team: string | null) => {
    const at = drawn(m);
    const point = near ?? canvasView.centre();
    const t = team ?? teamForNew(m, at, positions(), point, session().selection);
    return { team: t, at: spotForNew(key, t, m, at, positions(), point) };
  };
  const place = (key: string, at: Point): Command => ({ type: 'layout.move', moves: [{ key, ...at }] });

  const actions = {
    /** A new person in free space near `near` (else the view's centre), in `team` (else the selection's team or the team there). */
    addPerson(near?: Point, team: string | null = null): string | null {
      const m = model();
      if (!m) return null;
      const id = newId('person', m.people.map((p) => p.id));
      const spot = spotFor(m, personKey(id), near, team);
      const person: Person = { id, name: newName('New person', m.people.map((p) => p.name)), team: spot.team, skills: {}, absences: [], departureAt: null, availability: 1 };
      apply({ type: 'batch', label: 'add person', commands: [{ type: 'person.add', variant: target(), person }, place(personKey(id), spot.at)] });
      session().setSelection([personKey(id)]);
      return id;
    },
    /** A new service, placed as {@link addPerson} places people. */
    addService(near?: Point, team: string | null = null): string | null {
      const m = model();
      if (!m) return null;
      const id = newId('service', m.services.map((s) => s.id));
      const spot = spotFor(m, serviceKey(id), near, team);
      const service: Service = {
        id,
        name: newName('New service', m.services.map((s) => s.name)),
        team: spot.team,
        criticality: 'medium',
        owners: [],
        knowledge: {},
        detection: { kind: 'exponential', mean: 0.5 },
        incidents: { ratePerHour: 0.002, repairHours: { kind: 'lognormal', mean: 4, sigma: 0.8 } },
        work: { arrivals: { kind: 'poisson', ratePerHour: 0.01 }, stages: m.skills.slice(0, 3).map((k) => ({ skill: k.id, hours: { kind: 'lognormal' as const, mean: 8, sigma: 0.5 } })), review: null },
      };
      apply({ type: 'batch', label: 'add service', commands: [{ type: 'service.add', variant: target(), service }, place(serviceKey(id), spot.at)] });
      session().setSelection([serviceKey(id)]);
      return id;
    },
    /** A new team with nobody in it, its box in free space near the view's centre. */
    addTeam(type: Team['type'] = 'stream-aligned', near?: Point): string | null {
      const m = model();
      if (!m) return null;
      const id = newId('team', m.teams.map((t) => t.id));
      const at = freeSpot({ key: teamKey(id), team: null, near: near ?? canvasView.centre() ?? { x: 0, y: 0 }, positions: drawn(m), members: membership(m), emptyTeams: emptyTeamBoxes(m, positions()) });
      apply({ type: 'batch', label: 'add team', commands: [{ type: 'team.add', variant: target(), team: { id, name: newName('New team', m.teams.map((t) => t.name)), type, interactions: [] } }, place(teamKey(id), at)] });
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
    /** Copies of the selected people and services, each in free space beside its original, in its team. */
    duplicate(keys = session().selection): void {
      const m = model();
      if (!m) return;
      const variant = target();
      const commands: Command[] = [];
      const newKeys: string[] = [];
      const personIds = m.people.map((p) => p.id);
      const serviceIds = m.services.map((s) => s.id);
      const names = { people: m.people.map((p) => p.name), services: m.services.map((s) => s.name) };
      const at = drawn(m);
      const members = membership(m);
      const empty = emptyTeamBoxes(m, positions());
      const beside = (key: string, newKey: string, team: string | null) => {
        const from = at[key] ?? { x: 0, y: 0 };
        const spot = freeSpot({ key: newKey, team, near: { x: from.x + 100 + 220, y: from.y + 30 }, positions: at, members, emptyTeams: empty });
        at[newKey] = spot;
        if (team !== null) members[team] = [...(members[team] ?? []), newKey];
        commands.push(place(newKey, spot));
        newKeys.push(newKey);
      };
      for (const key of keys) {
        const k = parseKey(key);
        if (k?.kind === 'person') {
          const p = m.people.find((x) => x.id === k.id);
          if (!p) continue;
          const id = newId('person', personIds);
          personIds.push(id);
          const name = newName(`${p.name} (copy)`, names.people);
          names.people.push(name);
          commands.push({ type: 'person.add', variant, person: { ...structuredClone(p), id, name } });
          beside(key, personKey(id), p.team);
        } else if (k?.kind === 'service') {
          const s = m.services.find((x) => x.id === k.id);
          if (!s) continue;
          const id = newId('service', serviceIds);
          serviceIds.push(id);
          const name = newName(`${s.name} (copy)`, names.services);
          names.services.push(name);
          commands.push({ type: 'service.add', variant, service: { ...structuredClone(s), id, name } });
          beside(key, serviceKey(id), s.team);
        }
      }
      if (commands.length === 0) return;
      apply({ type: 'batch', label: 'duplicate', commands });
      session().setSelection(newKeys);
    },
    /** Copies the selection and deletes it (one undo step for the delete). */
    cut(): void {
      actions.copyForCut();
      actions.deleteSelection();
    },
    copyForCut(): void {
      // A cut pastes the nodes it removed: keep their data, since they no longer exist in the model.
      const m = model();
      if (!m) return;
      clipboard = session().selection.filter((k) => k.startsWith('person:') || k.startsWith('service:'));
      cutNodes = { people: m.people.filter((p) => clipboard.includes(personKey(p.id))).map((p) => structuredClone(p)), services: m.services.filter((s) => clipboard.includes(serviceKey(s.id))).map((s) => structuredClone(s)) };
    },
    /** The selection's node keys. */
    selected(): string[] {
      return session().selection;
    },
    clearSelection(): void {
      session().setSelection([]);
    },
    /**
     * The end of a drag: people and services let go inside another team's
     * box join it, team boxes are kept from overlapping; moves and team
     * changes are one undo step.
     */
    drop(moves: { key: string; x: number; y: number }[], team: string | null = null): void {
      const m = model();
      if (!m || moves.length === 0) return;
      const teamOf: Record<string, string | null> = Object.fromEntries([...m.people.map((p) => [personKey(p.id), p.team]), ...m.services.map((s) => [serviceKey(s.id), s.team])]);
      const result = resolveDrop({ moves, positions: drawn(m), teamOf, emptyTeams: emptyTeamBoxes(m, positions()), team });
      const variant = target();
      const joins: Command[] = result.joins.map(({ key, team: t }) => {
        const k = parseKey(key)!;
        return k.kind === 'person' ? { type: 'person.update', variant, id: k.id, patch: { team: t } } : { type: 'service.update', variant, id: k.id, patch: { team: t } };
      });
      const move: Command = { type: 'layout.move', moves: result.moves };
      apply(joins.length ? { type: 'batch', label: joins.length === 1 ? 'move to another team' : 'move to other teams', commands: [move, ...joins] } : move);
    },
    copy(): void {
      clipboard = session().selection.filter((k) => k.startsWith('person:') || k.startsWith('service:'));
      cutNodes = null;
    },
    /** Pastes copies of what was copied, or puts back what was cut (in free space near the view's centre). */
    paste(): void {
      if (cutNodes) {
        const m = model();
        if (!m) return;
        const variant = target();
        const commands: Command[] = [];
        const keys: string[] = [];
        const taken = { people: m.people.map((p) => p.id), services: m.services.map((s) => s.id) };
        const at = drawn(m);
        const members = membership(m);
        for (const [kind, list] of [['person', cutNodes.people], ['service', cutNodes.services]] as const) {
          for (const node of list) {
            const ids = kind === 'person' ? taken.people : taken.services;
            const id = ids.includes(node.id) ? newId(kind, ids) : node.id;
            ids.push(id);
            const key = kind === 'person' ? personKey(id) : serviceKey(id);
            const team = node.team !== null && m.teams.some((t) => t.id === node.team) ? node.team : null;
            const spot = freeSpot({ key, team, near: canvasView.centre() ?? { x: 0, y: 0 }, positions: at, members, emptyTeams: emptyTeamBoxes(m, positions()) });
            at[key] = spot;
            if (team !== null) members[team] = [...(members[team] ?? []), key];
            if (kind === 'person') commands.push({ type: 'person.add', variant, person: { ...structuredClone(node as Person), id, team } });
            else commands.push({ type: 'service.add', variant, service: { ...structuredClone(node as Service), id, team } });
            commands.push(place(key, spot));
            keys.push(key);
          }
        }
        if (commands.length) apply({ type: 'batch', label: 'paste', commands });
        session().setSelection(keys);
        cutNodes = null;
        clipboard = [];
        return;
      }
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
