import type { Node } from '@xyflow/react';
import type { Team } from '../../../../simulation/scenario/schema';

export type PersonNodeData = {
  id: string;
  name: string;
  initials: string;
  /** Top skills, best first: [skill name, level]. */
  skills: [string, number][];
  /** Holds a skill nobody else holds. */
  soleHolder: string[];
};

export type ServiceNodeData = {
  id: string;
  name: string;
  busFactor: number;
  owners: string[];
  monitored: boolean;
  stages: number;
};

export type TeamNodeData = {
  id: string;
  name: string;
  type: Team['type'];
  members: number;
};

export type PersonFlowNode = Node<PersonNodeData, 'person'>;
export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;
export type TeamFlowNode = Node<TeamNodeData, 'team'>;
export type EditorNode = PersonFlowNode | ServiceFlowNode | TeamFlowNode;

/**
 * The name the overview draws, large, on a card: without what is in
 * brackets ("Sam (software engineer)" is "Sam"; the team's box says which
 * team), or the whole name when that would leave nothing.
 */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*/g, ' ').trim() || name;
}
