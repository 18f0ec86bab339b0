import { describe, expect, it } from 'vitest';
import { teamBox } from '../../../../simulation/scenario/layout';
import { freeSpot, overlaps, rectOf, resolveDrop, teamBoxes } from '../../../../simulation/scenario/placement';

const noOverlap = (positions: Record<string, { x: number; y: number }>) => {
  const keys = Object.keys(positions);
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) expect(overlaps(rectOf(keys[i]!, positions[keys[i]!]!), rectOf(keys[j]!, positions[keys[j]!]!)), `${keys[i]} and ${keys[j]}`).toBe(false);
};

describe('free spot for a new card', () => {
  it('is centred on the point when nothing is there', () => {
    expect(freeSpot({ key: 'person:a', team: null, near: { x: 100, y: 30 }, positions: {}, members: {} })).toEqual({ x: 0, y: 0 });
  });

  it('never covers a card already drawn: three cards added at one point all land apart', () => {
    const positions: Record<string, { x: number; y: number }> = {};
    for (const key of ['service:s', 'person:a', 'person:b']) positions[key] = freeSpot({ key, team: null, near: { x: 0, y: 0 }, positions, members: {} });
    noOverlap(positions);
    // Next to each other, not far away.
    for (const p of Object.values(positions)) expect(Math.hypot(p.x, p.y)).toBeLessThan(400);
  });

  it('a card of a team does not stretch its box over another team, and a card without a team stays out of every box', () => {
    const positions = { 'person:a': { x: 0, y: 0 }, 'person:b': { x: 300, y: 0 } };
    const members = { t1: ['person:a'], t2: ['person:b'] };
    const c = freeSpot({ key: 'person:c', team: 't1', near: { x: 250, y: 30 }, positions, members });
    const all = { ...positions, 'person:c': c };
    const b1 = teamBox(all, ['person:a', 'person:c'])!;
    const b2 = teamBox(all, ['person:b'])!;
    expect(overlaps(b1, b2)).toBe(false);
    const d = freeSpot({ key: 'person:d', team: null, near: { x: 100, y: 30 }, positions: all, members: { t1: ['person:a', 'person:c'], t2: ['person:b'] } });
    for (const box of Object.values(teamBoxes(all, { t1: ['person:a', 'person:c'], t2: ['person:b'] }))) expect(overlaps(rectOf('person:d', d), box)).toBe(false);
  });
});

describe('a drop', () => {
  const positions = { 'person:a': { x: 0, y: 0 }, 'person:a2': { x: 0, y: 100 }, 'person:b': { x: 600, y: 0 }, 'person:b2': { x: 600, y: 100 } };
  const teamOf = { 'person:a': 't1', 'person:a2': 't1', 'person:b': 't2', 'person:b2': 't2' };

  it('inside another team box joins that team, where it was let go', () => {
    const r = resolveDrop({ moves: [{ key: 'person:a2', x: 700, y: 40 }], positions, teamOf });
    expect(r.joins).toEqual([{ key: 'person:a2', team: 't2' }]);
    expect(r.moves).toEqual([{ key: 'person:a2', x: 700, y: 40 }]);
  });

  it('outside every box keeps the team; a box that would overlap another is kept clear', () => {
    const r = resolveDrop({ moves: [{ key: 'person:a2', x: 340, y: 100 }], positions, teamOf });
    expect(r.joins).toEqual([]);
    const now = { ...positions, 'person:a2': r.moves[0]! };
    const b1 = teamBox(now, ['person:a', 'person:a2'])!;
    const b2 = teamBox(now, ['person:b', 'person:b2'])!;
    expect(overlaps(b1, b2)).toBe(false);
  });

  it('a team dragged onto another is moved clear of it as a whole', () => {
    const moves = [{ key: 'person:a', x: 500, y: 0 }, { key: 'person:a2', x: 500, y: 100 }];
    const r = resolveDrop({ moves, positions, teamOf, team: 't1' });
    const dx = r.moves[0]!.x - 500;
    expect(r.moves[1]!.x - 500).toBe(dx);
    const now = { ...positions, ...Object.fromEntries(r.moves.map((m) => [m.key, m])) };
    expect(overlaps(teamBox(now, ['person:a', 'person:a2'])!, teamBox(now, ['person:b', 'person:b2'])!)).toBe(false);
  });
});
