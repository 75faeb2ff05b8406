"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  getNodesBounds,
  getViewportForBounds,
  Handle,
  MarkerType,
  Panel,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useNodesState,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import { toPng, toSvg } from "html-to-image";
import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { LINK_KINDS, RELATIONSHIPS, SECTORS } from "@/components/stakeholders/labels";
import { Button } from "@/components/ui/button";
import type { RouterOutputs } from "@/lib/trpc/client";
import { RING_RADIUS } from "@/server/stakeholders/rings";
import type { StakeholderRelationship } from "@/server/stakeholders/schemas";

type StakeholderMap = RouterOutputs["stakeholder"]["list"];
type Stakeholder = StakeholderMap["stakeholders"][number];
type StakeholderNode = Node<{ stakeholder: Stakeholder }, "stakeholder">;
type RingNode = Node<{ relationship: StakeholderRelationship }, "ring">;
type MapNode = StakeholderNode | RingNode;

/** A stakeholder: filled and bordered in its sector's colours, with its sector and relationship written out. */
function StakeholderCard({ data }: NodeProps<StakeholderNode>) {
  const { stakeholder } = data;
  const colours = SECTORS[stakeholder.sector];
  return (
    <div
      className="w-44 rounded-lg border-2 px-3 py-2 text-left text-sm text-ink shadow-sm"
      style={{ background: colours.fill, borderColor: colours.border, borderStyle: stakeholder.relationship === "to_approach" ? "dashed" : "solid" }}
      data-testid="stakeholder-node"
    >
      <Handle type="target" position={Position.Top} />
      <p className="font-semibold break-words">{stakeholder.name}</p>
      <p className="text-xs">
        {colours.label} · {RELATIONSHIPS[stakeholder.relationship]}
      </p>
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

/** The guide circle of one relationship, centred on the map's origin, behind everything. */
function Ring({ data }: NodeProps<RingNode>) {
  const diameter = RING_RADIUS[data.relationship] * 2;
  return (
    <div className="pointer-events-none relative rounded-full border-2 border-dashed border-line" style={{ width: diameter, height: diameter }}>
      <span className="absolute left-1/2 top-1 -translate-x-1/2 rounded bg-paper px-2 text-xs text-muted">{RELATIONSHIPS[data.relationship]}</span>
    </div>
  );
}

const NODE_TYPES = { stakeholder: StakeholderCard, ring: Ring };

function ringNodes(): RingNode[] {
  return (Object.keys(RING_RADIUS) as StakeholderRelationship[]).map((relationship) => ({
    id: `ring-${relationship}`,
    type: "ring",
    position: { x: -RING_RADIUS[relationship], y: -RING_RADIUS[relationship] },
    data: { relationship },
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
    // A picture to assistive technology (the list below the map says the same in words).
    ariaRole: "img",
    ariaLabel: `Ring: ${RELATIONSHIPS[relationship]}`,
    zIndex: -1,
    // Panning and dragging pass straight through the guide to the pane and the nodes.
    style: { pointerEvents: "none" },
  }));
}

const EDGE_COLOUR = "#57534e";
const IMAGE_WIDTH = 1600;
const IMAGE_HEIGHT = 1200;

/** Downloads the diagram as React Flow's "download image" example does: the viewport, fitted to every node. */
function ExportButtons({ container, fileName }: { container: RefObject<HTMLDivElement | null>; fileName: string }) {
  const { getNodes } = useReactFlow();
  const [failed, setFailed] = useState(false);
  const download = async (render: typeof toPng, extension: "png" | "svg") => {
    setFailed(false);
    const viewportElement = container.current?.querySelector<HTMLElement>(".react-flow__viewport");
    if (!viewportElement) return;
    const viewport = getViewportForBounds(getNodesBounds(getNodes()), IMAGE_WIDTH, IMAGE_HEIGHT, 0.1, 2, 0.05);
    const dataUrl = await render(viewportElement, {
      backgroundColor: "#faf7f2",
      width: IMAGE_WIDTH,
      height: IMAGE_HEIGHT,
      style: { width: `${IMAGE_WIDTH}px`, height: `${IMAGE_HEIGHT}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
    }).catch(() => null);
    if (!dataUrl) {
      setFailed(true);
      return;
    }
    const link = document.createElement("a");
    link.download = `${fileName}.${extension}`;
    link.href = dataUrl;
    link.click();
  };
  return (
    <Panel position="top-right" className="flex flex-wrap items-center justify-end gap-2">
      {failed && (
        <p role="alert" className="rounded bg-card px-2 text-sm font-medium text-danger">
          The image could not be made. Try again.
        </p>
      )}
      <Button variant="secondary" onClick={() => void download(toPng, "png")}>
        Download PNG
      </Button>
      <Button variant="secondary" onClick={() => void download(toSvg, "svg")}>
        Download SVG
      </Button>
    </Panel>
  );
}

type DiagramProps = {
  map: StakeholderMap;
  canManage: boolean;
  fileName: string;
  onMoved: (positions: { id: string; x: number; y: number }[]) => void;
  onConnect: (from: string, to: string) => void;
  onSelect: (id: string) => void;
};

function Diagram({ map, canManage, fileName, onMoved, onConnect, onSelect }: DiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const names = useMemo(() => new Map(map.stakeholders.map(({ id, name }) => [id, name])), [map.stakeholders]);
  const [nodes, setNodes, onNodesChange] = useNodesState<MapNode>([]);
  useEffect(() => {
    setNodes([
      ...ringNodes(),
      ...map.stakeholders.map(
        (stakeholder): StakeholderNode => ({
          id: stakeholder.id,
          type: "stakeholder",
          position: { x: stakeholder.x, y: stakeholder.y },
          data: { stakeholder },
          ariaLabel: `${stakeholder.name}: ${SECTORS[stakeholder.sector].label}, ${RELATIONSHIPS[stakeholder.relationship]}`,
        }),
      ),
    ]);
  }, [map.stakeholders, setNodes]);
  // Whenever someone joins or leaves the map (or the filter changes who shows), everyone is brought into view.
  const { fitView } = useReactFlow();
  const everyone = map.stakeholders.map(({ id }) => id).join(" ");
  useEffect(() => {
    // Fitted to the stakeholders rather than the rings, so a small map is readable; an empty one shows the rings.
    const ids = everyone ? everyone.split(" ").map((id) => ({ id })) : undefined;
    void fitView({ padding: 0.2, maxZoom: 1.25, nodes: ids });
  }, [everyone, fitView]);
  const edges = useMemo(
    (): Edge[] =>
      map.links
        .filter(({ fromId, toId }) => names.has(fromId) && names.has(toId))
        .map((link) => ({
          id: link.id,
          source: link.fromId,
          target: link.toId,
          // Straight: on a radial map a curve between a node's bottom and another's top loops back on itself.
          type: "straight",
          label: LINK_KINDS[link.kind],
          // Colours inline rather than through React Flow's CSS variables, which the exported images cannot resolve.
          style: { stroke: EDGE_COLOUR, strokeWidth: 1.5 },
          labelStyle: { fill: "#1c1917", fontSize: 12 },
          labelBgStyle: { fill: "#ffffff" },
          labelBgPadding: [4, 2],
          markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_COLOUR },
          ariaLabel: `${names.get(link.fromId)} ${LINK_KINDS[link.kind]} ${names.get(link.toId)}`,
        })),
    [map.links, names],
  );

  return (
    <div ref={container} className="h-[36rem] overflow-hidden rounded-lg border border-line bg-card" data-testid="stakeholder-diagram">
      <ReactFlow<MapNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        nodesDraggable={canManage}
        nodesConnectable={canManage}
        edgesFocusable={false}
        deleteKeyCode={null}
        onNodeDragStop={(_, __, dragged) =>
          onMoved(dragged.filter((node) => node.type === "stakeholder").map(({ id, position }) => ({ id, x: position.x, y: position.y })))
        }
        onConnect={(connection: Connection) => {
          if (connection.source !== connection.target) onConnect(connection.source, connection.target);
        }}
        onNodeClick={(_, node) => {
          if (node.type === "stakeholder") onSelect(node.id);
        }}
        minZoom={0.1}
      >
        <Background />
        <Controls showInteractive={false} />
        <ExportButtons container={container} fileName={fileName} />
      </ReactFlow>
    </div>
  );
}

/** The interactive map: pan, zoom, drag (admins), connect two nodes to link them (admins), export. */
export function StakeholderDiagram(props: DiagramProps) {
  return (
    <ReactFlowProvider>
      <Diagram {...props} />
    </ReactFlowProvider>
  );
}
