"use client";
// The map's layout and frame as hooks: the layered layout (or, given lanes, the lane layout)
// computed once per graph (in a Web Worker when the graph is large) and a canvas that fills
// the viewport below it.
import { useEffect, useMemo, useRef, useState } from "react";
import { layoutMap, type MapLayout } from "@/lib/graph/map-layout";
import type { MapEdge, MapNode } from "@/lib/graph/types";

export type { MapLayout };

/** Above this many nodes the layout runs in a Web Worker, behind a progress message. */
const EAGER_LAYOUT_LIMIT = 1500;

const layOut = (nodes: MapNode[], edges: MapEdge[], lanes: readonly string[] | undefined) => layoutMap(nodes, edges, { lanes });

let requests = 0;

/**
 * Lays a large graph out in a Web Worker (map-layout.worker.ts); where workers are unavailable
 * or fail, on the main thread after the first paint. Resolves with the layout, or never if
 * `signal` aborts first.
 */
function layOutInBackground(nodes: MapNode[], edges: MapEdge[], lanes: readonly string[] | undefined, signal: AbortSignal, done: (layout: MapLayout) => void) {
  const fallback = () => {
    // Let the "Laying out…" message paint before the main thread is busy.
    const timer = setTimeout(() => !signal.aborted && done(layOut(nodes, edges, lanes)), 30);
    signal.addEventListener("abort", () => clearTimeout(timer));
  };
  let worker: Worker;
  try {
    worker = new Worker(new URL("./map-layout.worker.ts", import.meta.url));
  } catch {
    return fallback();
  }
  const id = ++requests;
  signal.addEventListener("abort", () => worker.terminate());
  worker.onmessage = (event: MessageEvent<{ id: number; layout?: MapLayout; error?: string }>) => {
    worker.terminate();
    if (signal.aborted || event.data.id !== id) return;
    if (event.data.layout) done(event.data.layout);
    else fallback();
  };
  worker.onerror = () => {
    worker.terminate();
    if (!signal.aborted) fallback();
  };
  worker.postMessage({ id, nodes, edges, lanes });
}

/** `given`: a layout the server precomputed (the map endpoint); then nothing is laid out here. */
export function useMapLayout(nodes: MapNode[], edges: MapEdge[], lanes?: readonly string[], given?: MapLayout | null): MapLayout | null {
  const eager = !given && nodes.length <= EAGER_LAYOUT_LIMIT;
  const input = useMemo(() => ({ nodes, edges, lanes }), [nodes, edges, lanes]);
  const eagerLayout = useMemo(() => (eager ? layOut(input.nodes, input.edges, input.lanes) : null), [eager, input]);
  const [deferred, setDeferred] = useState<{ input: unknown; layout: MapLayout } | null>(null);
  useEffect(() => {
    if (eager || given) return;
    const abort = new AbortController();
    layOutInBackground(input.nodes, input.edges, input.lanes, abort.signal, (layout) => setDeferred({ input, layout }));
    return () => abort.abort();
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
