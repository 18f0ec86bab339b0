import type { Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { detailAt, OVERVIEW_BELOW_ZOOM } from '../../../renderer/src/editor/levelOfDetail';
import { overviewLines } from '../../../renderer/src/editor/overviewLines';
import type { EditorNode } from '../../../renderer/src/editor/nodes/nodeData';

describe('detailAt', () => {
  it('draws the overview below the threshold and everything from it up', () => {
    expect(detailAt(0.1)).toBe('overview');
    expect(detailAt(OVERVIEW_BELOW_ZOOM - 1e-9)).toBe('overview');
    expect(detailAt(OVERVIEW_BELOW_ZOOM)).toBe('full');
    expect(detailAt(1)).toBe('full');
    expect(detailAt(2)).toBe('full');
  });
});

const person = (id: string, x: number, y: number): EditorNode => ({ id: `person:${id}`, type: 'person', position: { x, y }, width: 200, height: 60, data: { id, name: id, initials: 'X', skills: [], soleHolder: [] } });
const service = (id: string, x: number, y: number): EditorNode => ({ id: `service:${id}`, type: 'service', position: { x, y }, width: 200, height: 64, data: { id, name: id, busFactor: 1, owners: [], monitored: true, stages: 1 } });
const team = (id: string, x: number, y: number): EditorNode => ({ id: `team:${id}`, type: 'team', position: { x, y }, width: 300, height: 100, data: { id, name: id, type: 'platform', members: 0 } });
const knows = (p: string, s: string, owner: boolean): Edge => ({ id: `k:${p}:${s}`, source: `person:${p}`, target: `service:${s}`, data: { personId: p, serviceId: s, level: 0.5, owner } });

describe('overviewLines', () => {
  const nodes = [person('ann', 0, 0), person('bob', 300, 0), service('api', 0, 200), team('a', 1000, 0), team('b', 1500, 100)];
  const edges: Edge[] = [
    knows('ann', 'api', true),
    knows('bob', 'api', false),
    { id: 'i:a:b', source: 'team:a', target: 'team:b', data: { mode: 'x-as-a-service' } },
    knows('gone', 'api', true),
  ];

  it('keeps ownership lines and interactions, drops knowledge lines away from the selection and lines to missing nodes', () => {
    expect(overviewLines(nodes, edges, [])).toEqual([
      { id: 'k:ann:api', kind: 'owner', d: 'M100 60L100 200' },
      { id: 'i:a:b', kind: 'x-as-a-service', d: 'M1300 50L1500 150' },
    ]);
  });

  it('draws the knowledge lines of a selected person or service', () => {
    const bobsLine = { id: 'k:bob:api', kind: 'knows', d: 'M400 60L100 200' };
    expect(overviewLines(nodes, edges, ['person:bob'])).toContainEqual(bobsLine);
    expect(overviewLines(nodes, edges, ['service:api'])).toContainEqual(bobsLine);
    expect(overviewLines(nodes, edges, ['person:ann']).map((l) => l.id)).not.toContain('k:bob:api');
  });

  it('follows the nodes where they are drawn now', () => {
    const moved = nodes.map((n) => (n.id === 'person:ann' ? { ...n, position: { x: 50.04, y: -20 } } : n));
    expect(overviewLines(moved, edges, [])[0]!.d).toBe('M150 40L100 200');
  });
});

describe('labels when zoomed out', () => {
  it('draws every name in full detail, cards\' names down to NAMES_FROM_ZOOM, then team names only', async () => {
    const { labelsAt, NAMES_FROM_ZOOM, OVERVIEW_BELOW_ZOOM } = await import('../../../renderer/src/editor/levelOfDetail');
    expect(labelsAt(OVERVIEW_BELOW_ZOOM)).toBe('all');
    expect(labelsAt(OVERVIEW_BELOW_ZOOM - 0.01)).toBe('names');
    expect(labelsAt(NAMES_FROM_ZOOM)).toBe('names');
    expect(labelsAt(NAMES_FROM_ZOOM - 0.01)).toBe('teams');
  });

  it('keeps team names about 10 screen pixels high, in a few steps, within what a box holds', async () => {
    const { teamTitleSize } = await import('../../../renderer/src/editor/levelOfDetail');
    for (const zoom of [0.39, 0.3, 0.2, 0.15, 0.1]) expect(teamTitleSize(zoom) * zoom).toBeGreaterThanOrEqual(9);
    expect(teamTitleSize(0.05)).toBe(120);
    expect(teamTitleSize(0.39)).toBe(34);
    expect(new Set([0.3, 0.29, 0.28, 0.27].map(teamTitleSize)).size).toBeLessThanOrEqual(2);
  });
});
