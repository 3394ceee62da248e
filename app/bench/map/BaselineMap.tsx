"use client";
// A plain React Flow: default nodes and edges, default settings; it opens at the same viewport as
// the map page (first-view.ts), so the benchmark's scripted zoom and pan cross the same ground.
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import { ReactFlow, type Edge, type Node } from "@xyflow/react";
import { mapOpeningView } from "@/components/map/first-view";

export type BaselineData = {
  nodes: { id: string; label: string; x: number; y: number; width: number; height: number; active: boolean }[];
  edges: { id: string; source: string; target: string }[];
};

export function BaselineMap({ data }: { data: BaselineData }) {
  const nodes = useMemo<Node[]>(() => data.nodes.map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, data: { label: n.label }, width: n.width, height: n.height })), [data]);
  const edges = useMemo<Edge[]>(() => data.edges.map((e) => ({ ...e })), [data]);
  return (
    <div style={{ width: "100%", height: "100%" }} data-testid="baseline-map">
      <ReactFlow nodes={nodes} edges={edges} onInit={(flow) => void flow.setViewport(mapOpeningView(data.nodes, { width: window.innerWidth, height: window.innerHeight }))} minZoom={0.01} />
    </div>
  );
}
