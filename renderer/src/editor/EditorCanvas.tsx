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
  type Edge,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { CanvasToolbar } from './CanvasToolbar';
import { ContextMenu, type ContextMenuState } from './ContextMenu';
import { parseKey } from '../../../simulation/scenario/layout';
import { NO_PREVIEW, useNodeChanges } from './useNodeChanges';
import { PersonNode } from './nodes/PersonNode';
import { ServiceNode } from './nodes/ServiceNode';
import { TeamNode } from './nodes/TeamNode';
import type { EditorNode } from './nodes/nodeData';
import { useCanvasGraph } from './useCanvasGraph';
import { useDetail } from './useDetail';
import { detailAt } from './levelOfDetail';
import { overviewLines } from './overviewLines';
import { OverviewLines } from './OverviewLines';
import { useEditor } from './useEditor';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useModel } from './useModel';
import { RenameContext, startRenaming } from './renameContext';
import { useStableNodes } from './useStableNodes';
import { useLinkDrop } from './useLinkDrop';
import { useViewCommands } from './useViewCommands';
import { CanvasLegend } from './CanvasLegend';
import { useLabels } from './useDetail';
import { TeamTitleScale } from './TeamTitleScale';

const nodeTypes = { person: PersonNode, service: ServiceNode, team: TeamNode };
const minimapColor = (n: EditorNode) => (n.type === 'person' ? '#6d83f2' : n.type === 'service' ? '#37b24d' : 'rgba(255, 200, 80, 0.35)');
const EMPTY: Record<string, { x: number; y: number }> = {};
// Props React Flow receives are constants or stable callbacks: it copies changed
// ones into its store, which makes every node and edge re-check the store.
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const FIT_VIEW = { padding: 0.15, maxZoom: 1.2 };
const PRO_OPTIONS = { hideAttribution: true };
const NO_EDGES: Edge[] = [];

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
  const [preview, setPreview] = useState(NO_PREVIEW);
  const [menu, setMenu] = useState<ContextMenuState | null>(null);

  const graph = useCanvasGraph({ model: model!, positions, preview, selection });
  const nodes = useStableNodes(graph.nodes);
  const detail = useDetail();
  const labels = useLabels();
  const lines = useMemo(() => (detail === 'overview' ? overviewLines(graph.nodes, graph.edges, selection) : null), [detail, graph.nodes, graph.edges, selection]);
  const onNodesChange = useNodeChanges(editor, { model, nodes: graph.nodes, placed: graph.placed, preview }, setPreview);
  const { onConnectStart, onConnectEnd } = useLinkDrop(editor);

  const onConnect = useCallback(
    (c: Connection) => {
      const from = parseKey(c.source);
      const to = parseKey(c.target);
      if (from?.kind === 'person' && to?.kind === 'service') editor.connect(from.id, to.id);
    },
    [editor],
  );

  const onNodeContextMenu = useCallback(
    (event: MouseEvent, node: EditorNode) => {
      event.preventDefault();
      if (!useSessionStore.getState().selection.includes(node.id)) setSelection([node.id]);
      setMenu({ x: event.clientX, y: event.clientY, key: node.id });
    },
    [setSelection],
  );
  const closeMenu = useCallback(() => setMenu(null), []);
  const renameNode = useCallback(
    async (key: string) => {
      const node = flow.getInternalNode(key);
      if (node && detailAt(flow.getZoom()) === 'overview') {
        // The overview draws no names: come close enough to read the one being edited first.
        const { x, y } = node.internals.positionAbsolute;
        await flow.setCenter(x + (node.measured.width ?? 0) / 2, y + Math.min((node.measured.height ?? 0) / 2, 60), { zoom: 1 });
        await new Promise(requestAnimationFrame);
      }
      startRenaming(key);
    },
    [flow],
  );

  useEditorShortcuts(editor, graph.placed, renameNode);
  const paneRef = useRef<HTMLDivElement>(null);
  const paneCentre = useViewCommands(paneRef);

  // Something outside the canvas (the outline) asked to see a node: centre it if it is out of sight, at the same zoom.
  const focus = useSessionStore((s) => s.focus);
  useEffect(() => {
    if (!focus) return;
    const node = flow.getInternalNode(focus.key);
    const pane = paneRef.current?.getBoundingClientRect();
    if (!node || !pane) return;
    const { x, y } = node.internals.positionAbsolute;
    const centre = { x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 };
    const onScreen = flow.flowToScreenPosition(centre);
    const margin = 40;
    const visible = onScreen.x > pane.left + margin && onScreen.x < pane.right - margin && onScreen.y > pane.top + margin && onScreen.y < pane.bottom - margin;
    if (!visible) void flow.setCenter(centre.x, centre.y, { zoom: flow.getZoom(), duration: 200 });
  }, [focus, flow]);

  if (!model) return null;
  return (
    <RenameContext.Provider value={editor.rename}>
    <div ref={paneRef} className="editor-canvas" data-testid="editor-canvas" data-detail={detail} data-labels={labels} tabIndex={-1} role="region" aria-label="Canvas" onContextMenu={(e) => e.preventDefault()}>
      <CanvasToolbar editor={editor} dropPoint={paneCentre} />
      <CanvasLegend />
      <ReactFlow
        nodes={nodes}
        edges={lines ? NO_EDGES : graph.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        onNodeContextMenu={onNodeContextMenu}
        onPaneClick={closeMenu}
        colorMode={theme === 'system' ? 'system' : theme}
        selectionOnDrag={false}
        elevateNodesOnSelect={false}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        deleteKeyCode={null}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.1}
        maxZoom={2}
        onlyRenderVisibleElements
        proOptions={PRO_OPTIONS}
      >
        {lines && <OverviewLines lines={lines} />}
        <TeamTitleScale paneRef={paneRef} />
        {/* The dots scale with the zoom: in the overview they are a few pixels apart and a tenth of a
            pixel wide, invisible, yet every frame of a pan paints all of them again. */}
        {detail === 'full' && <Background variant={BackgroundVariant.Dots} gap={20} size={1} />}
        <MiniMap pannable zoomable className="minimap" nodeColor={minimapColor} nodeStrokeWidth={0} />
        <Controls showInteractive={false} />
      </ReactFlow>
      {menu && <ContextMenu state={menu} editor={editor} onRename={renameNode} onClose={closeMenu} />}
    </div>
    </RenameContext.Provider>
  );
}
