import '@xyflow/react/dist/style.css';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { CanvasToolbar } from './CanvasToolbar';
import { ContextMenu, type ContextMenuState } from './ContextMenu';
import { parseKey } from '../../../simulation/scenario/layout';
import { PersonNode } from './nodes/PersonNode';
import { ServiceNode } from './nodes/ServiceNode';
import { TeamNode } from './nodes/TeamNode';
import type { EditorNode } from './nodes/nodeData';
import { useCanvasGraph } from './useCanvasGraph';
import { useEditor } from './useEditor';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useModel } from './useModel';
import { RenameContext } from './renameContext';
import { useStableNodes } from './useStableNodes';

const nodeTypes = { person: PersonNode, service: ServiceNode, team: TeamNode };
const minimapColor = (n: EditorNode) => (n.type === 'person' ? '#6d83f2' : n.type === 'service' ? '#37b24d' : 'rgba(255, 200, 80, 0.35)');
const EMPTY: Record<string, { x: number; y: number }> = {};

/** The model as a diagram: pan, zoom, select, drag, connect, rename, delete. */
export function EditorCanvas() {
  return (
    <ReactFlowProvider>
      <Canvas />
    </ReactFlowProvider>
  );
}

function Canvas() {
  const model = useModel();
  const positions = useDocumentStore((s) => s.doc?.layout.positions ?? EMPTY);
  const selection = useSessionStore((s) => s.selection);
  const setSelection = useSessionStore((s) => s.setSelection);
  const theme = useSessionStore((s) => s.theme);
  const editor = useEditor();
  const flow = useReactFlow();
  const [preview, setPreview] = useState<Record<string, { x: number; y: number }>>(EMPTY);
  const [menu, setMenu] = useState<ContextMenuState | null>(null);
  /** Members of a team being dragged, with where they started. */
  const teamDrag = useRef<{ team: string; start: { x: number; y: number }; members: Record<string, { x: number; y: number }> } | null>(null);

  const graph = useCanvasGraph({ model: model!, positions, preview, selection });
  const nodes = useStableNodes(graph.nodes);
  useEditorShortcuts(editor, graph.placed);

  const onNodesChange = useCallback(
    (changes: NodeChange<EditorNode>[]) => {
      const moving: Record<string, { x: number; y: number }> = {};
      const done: { key: string; x: number; y: number }[] = [];
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length) {
        const next = new Set(useSessionStore.getState().selection);
        for (const c of selects) {
          if (c.selected) next.add(c.id);
          else next.delete(c.id);
        }
        setSelection([...next].sort());
      }
      for (const c of changes) {
        if (c.type !== 'position') continue;
        const key = c.id;
        if (parseKey(key)?.kind === 'team') {
          const node = graph.nodes.find((n) => n.id === key);
          if (!node || !c.position) {
            if (c.dragging === false && teamDrag.current) {
              for (const [k, p] of Object.entries(preview)) if (k in teamDrag.current.members) done.push({ key: k, ...p });
              teamDrag.current = null;
            }
            continue;
          }
          if (!teamDrag.current || teamDrag.current.team !== key) {
            const members: Record<string, { x: number; y: number }> = {};
            const id = parseKey(key)!.id;
            for (const p of model!.people) if (p.team === id) members[`person:${p.id}`] = graph.placed[`person:${p.id}`]!;
            for (const s of model!.services) if (s.team === id) members[`service:${s.id}`] = graph.placed[`service:${s.id}`]!;
            teamDrag.current = { team: key, start: node.position, members };
          }
          const dx = c.position.x - teamDrag.current.start.x;
          const dy = c.position.y - teamDrag.current.start.y;
          for (const [k, p] of Object.entries(teamDrag.current.members)) moving[k] = { x: p.x + dx, y: p.y + dy };
          if (c.dragging === false) {
            for (const [k, p] of Object.entries(moving)) done.push({ key: k, ...p });
            teamDrag.current = null;
          }
          continue;
        }
        if (c.position) moving[key] = c.position;
        if (c.dragging === false) {
          const at = c.position ?? preview[key];
          if (at) done.push({ key, ...at });
        }
      }
      if (done.length) {
        // One drag, however many nodes it moved, is one undo step.
        editor.move(done);
        setPreview(EMPTY);
      } else if (Object.keys(moving).length) setPreview((p) => ({ ...p, ...moving }));
    },
    [editor, graph.nodes, graph.placed, model, preview, setSelection],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const from = parseKey(c.source);
      const to = parseKey(c.target);
      if (from?.kind === 'person' && to?.kind === 'service') editor.connect(from.id, to.id);
    },
    [editor],
  );

  if (!model) return null;
  const dropPoint = () => flow.screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 });
  return (
    <RenameContext.Provider value={editor.rename}>
    <div className="editor-canvas" data-testid="editor-canvas" onContextMenu={(e) => e.preventDefault()}>
      <CanvasToolbar editor={editor} dropPoint={dropPoint} />
      <ReactFlow
        nodes={nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        onNodeContextMenu={(event, node) => {
          event.preventDefault();
          if (!selection.includes(node.id)) setSelection([node.id]);
          setMenu({ x: event.clientX, y: event.clientY, key: node.id });
        }}
        onPaneClick={() => setMenu(null)}
        colorMode={theme === 'system' ? 'system' : theme}
        selectionOnDrag={false}
        elevateNodesOnSelect={false}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
        minZoom={0.1}
        maxZoom={2}
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <MiniMap pannable zoomable className="minimap" nodeColor={minimapColor} nodeStrokeWidth={0} />
        <Controls showInteractive={false} />
      </ReactFlow>
      {menu && <ContextMenu state={menu} editor={editor} onClose={() => setMenu(null)} />}
    </div>
    </RenameContext.Provider>
  );
}
