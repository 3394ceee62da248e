"use client";
// The map's layout and frame as hooks: the layered layout (or, given lanes, the lane layout)
// computed once per graph (after the first paint when the graph is large) and a canvas that fills
// the viewport below it.
import { useEffect, useMemo, useRef, useState } from "react";
import { layoutMap, type MapLayout } from "@/lib/graph/map-layout";
import type { MapEdge, MapNode } from "@/lib/graph/types";

export type { MapLayout };

/** Above this many nodes the layout runs after the first paint, behind a progress message. */
const EAGER_LAYOUT_LIMIT = 1500;

const layOut = (nodes: MapNode[], edges: MapEdge[], lanes: readonly string[] | undefined) => layoutMap(nodes, edges, { lanes });

/** `given`: a layout the server precomputed (the map endpoint); then nothing is laid out here. */
export function useMapLayout(nodes: MapNode[], edges: MapEdge[], lanes?: readonly string[], given?: MapLayout | null): MapLayout | null {
  const eager = !given && nodes.length <= EAGER_LAYOUT_LIMIT;
  const input = useMemo(() => ({ nodes, edges, lanes }), [nodes, edges, lanes]);
  const eagerLayout = useMemo(() => (eager ? layOut(input.nodes, input.edges, input.lanes) : null), [eager, input]);
  const [deferred, setDeferred] = useState<{ input: unknown; layout: MapLayout } | null>(null);
  useEffect(() => {
    if (eager || given) return;
    // Let the "Laying out…" message paint before the main thread is busy.
    const timer = setTimeout(() => setDeferred({ input, layout: layOut(input.nodes, input.edges, input.lanes) }), 30);
    return () => clearTimeout(timer);
  }, [eager, given, input]);
  if (given) return given;
  return eagerLayout ?? (deferred?.input === input ? deferred.layout : null);
}

/** Keeps the canvas as tall as the viewport below it, never shorter than a usable minimum. */
export function useFillHeight() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fit = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.height = `${Math.max(440, window.innerHeight - top - 24)}px`;
    };
    fit();
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  }, []);
  return ref;
}
