"use client";
// Re-framing the map when what it shows changes, so that a change never leaves its result off
// screen:
//   - after a collapse: the new group cards, whole at card zoom or closer, else the first of them;
//   - after a filter change, Collapse all / Expand all / a lane folded, or a highlight turned on:
//     when what is shown (the nodes and groups left, or the highlighted chain) is not all in view,
//     the camera moves to it (first-view.ts: all of it when it fits at a readable zoom, else the
//     readable zoom around its open work, or all of it zoomed out while cards are still cards),
//     with a short animation; when it is all in view already,
//     or it cannot fit and part of it is in view, the camera stays (no needless jumps);
//   - after a focus or a hop count change: the focused node with its upstream and downstream
//     within the hops, when that fits at the readable zoom, else the focused node kept in view;
//     the details panel's width, where it covers the canvas, is kept clear.
// What is "in view" is the canvas less the legend's strip, the panel and any part below the window.
import { useEffect, useRef, type RefObject } from "react";
import { useReactFlow } from "@xyflow/react";
import { GROUP_SIZE } from "@/lib/graph/collapse";
import type { MapNode, Point } from "@/lib/graph/types";
import { MAP_INSETS, READABLE_ZOOM, boundsOf, mapOpeningView, showAllView, visibleBox, type Box, type Insets } from "./first-view";
import type { MapFlowEdge } from "./MapEdge";
import type { MapFlowNode } from "./MapNodes";
import { NODE_SIZE } from "./map-model";

const DURATION_MS = 350;
/** Below this zoom the map draws tiles, not cards (MapOverview's TILE_ZOOM). */
const CARD_ZOOM = 0.45;
const PADDING = 24;

type Args = {
  frameRef: RefObject<HTMLDivElement | null>;
  /** Whether the opening view has been set (nothing moves before). */
  opened: boolean;
  /** The nodes the filters show, drawn (collapsed groups apart). */
  shownNodes: readonly MapNode[];
  groups: readonly { id: string }[];
  positions: ReadonlyMap<string, Point>;
  /** A key that changes with the filters, collapsed groups and highlight mode. */
  changeKey: string;
  /** Highlighted ids (nodes and groups), when a highlight is on. */
  highlighted: ReadonlySet<string> | null;
  focusId: string | null;
  /** The focused node's upstream and downstream within the hops, shown ones only. */
  around: readonly string[];
  hops: number | null;
};

/** Whether every box lies inside the visible flow rectangle. */
const allInside = (boxes: readonly Box[], view: Box) => boxes.every((b) => b.x >= view.x && b.y >= view.y && b.x + b.width <= view.x + view.width && b.y + b.height <= view.y + view.height);
const anyInside = (boxes: readonly Box[], view: Box) => boxes.some((b) => b.x + b.width > view.x && b.y + b.height > view.y && b.x < view.x + view.width && b.y < view.y + view.height);

/** Whether every box lies inside the canvas (less its insets) at the viewport. */
function fitsAt(boxes: readonly Box[], v: { x: number; y: number; zoom: number }, m: { width: number; height: number; insets: Partial<Insets> }) {
  const view = visibleBox(v, m.width, m.height);
  const top = (m.insets.top ?? 0) / v.zoom;
  const clear = { x: view.x, y: view.y + top, width: view.width - (m.insets.right ?? 0) / v.zoom, height: view.height - top - (m.insets.bottom ?? 0) / v.zoom };
  return allInside(boxes, clear);
}

export function useMapFraming({ frameRef, opened, shownNodes, groups, positions, changeKey, highlighted, focusId, around, hops }: Args) {
  const flow = useReactFlow<MapFlowNode, MapFlowEdge>();
  const boxOf = (id: string, node?: MapNode): Box | null => {
    const at = positions.get(id);
    if (!at) return null;
    return { x: at.x, y: at.y, ...(node ? NODE_SIZE[node.kind] : GROUP_SIZE) };
  };

  /** The canvas, and the part of it the details panel covers on the right. */
  const measure = () => {
    const canvas = frameRef.current?.querySelector<HTMLElement>(".react-flow");
    if (!canvas) return null;
    const rect = canvas.getBoundingClientRect();
    const panel = frameRef.current?.querySelector<HTMLElement>("aside");
    const covered = panel ? Math.max(0, rect.right - panel.getBoundingClientRect().left) : 0;
    // The canvas can run below the window (a toolbar wrapped onto three rows): frame what is seen.
    const below = Math.max(0, rect.bottom - window.innerHeight);
    const insets: Partial<Insets> = { ...MAP_INSETS, right: covered < rect.width / 2 ? covered : 0, bottom: below < rect.height / 2 ? below : 0 };
    return { width: canvas.clientWidth, height: canvas.clientHeight, insets };
  };
  /** The flow rectangle in view, less the insets and padding. */
  const freeView = (m: NonNullable<ReturnType<typeof measure>>): Box => {
    const v = flow.getViewport();
    const box = visibleBox(v, m.width, m.height);
    const top = ((m.insets.top ?? 0) + 4) / v.zoom;
    const right = ((m.insets.right ?? 0) + 4) / v.zoom;
    const bottom = ((m.insets.bottom ?? 0) + 4) / v.zoom;
    return { x: box.x + 4 / v.zoom, y: box.y + top, width: box.width - right - 8 / v.zoom, height: box.height - top - bottom };
  };

  // What is shown changed (filters, collapse, highlight).
  const latest = useRef({ shownNodes, groups, highlighted, around });
  // Declared first, so the effects below read this render's values.
  useEffect(() => {
    latest.current = { shownNodes, groups, highlighted, around };
  });
  const lastKey = useRef<string | null>(null);
  const lastGroups = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!opened) return;
    const previous = lastKey.current;
    const before = lastGroups.current;
    lastKey.current = changeKey;
    lastGroups.current = new Set(groups.map((g) => g.id));
    if (previous === null || previous === changeKey) return;
    const timer = window.setTimeout(() => {
      const m = measure();
      const { shownNodes: nodes, groups: drawnGroups, highlighted: lit } = latest.current;
      if (!m) return;
      // Something was just collapsed: what the reader asked for is the new group cards. Show
      // them whole at card zoom or closer when they fit, else the first of them.
      const fresh = drawnGroups.filter((g) => !before.has(g.id)).flatMap((g) => boxOf(g.id) ?? []);
      if (fresh.length > 0) {
        if (allInside(fresh, freeView(m))) return;
        const options = { width: m.width, height: m.height, insets: m.insets, maxZoom: Math.max(READABLE_ZOOM, flow.getViewport().zoom) };
        const whole = showAllView(fresh, { ...options, minZoom: CARD_ZOOM });
        const next = fitsAt(fresh, whole, m) ? whole : showAllView([fresh[0]], { ...options, minZoom: READABLE_ZOOM });
        return void flow.setViewport(next, { duration: DURATION_MS });
      }
      const boxes: (Box & { active?: boolean })[] = [];
      for (const n of nodes) {
        if (lit && !lit.has(n.id)) continue;
        const b = boxOf(n.id, n);
        if (b) boxes.push({ ...b, active: n.kind === "milestone" && ["planned", "in_progress", "blocked"].includes(n.status) });
      }
      for (const g of drawnGroups) {
        if (lit && !lit.has(g.id)) continue;
        const b = boxOf(g.id);
        if (b) boxes.push(b);
      }
      if (boxes.length === 0) return;
      const view = freeView(m);
      if (allInside(boxes, view)) return;
      const options = { width: m.width, height: m.height, readableZoom: READABLE_ZOOM, insets: m.insets };
      const next = mapOpeningView(boxes, options);
      // Not whole at the readable zoom, but whole while cards are still drawn as cards: all of it.
      const whole = showAllView(boxes, { ...options, minZoom: CARD_ZOOM });
      if (!next.fitsAll && fitsAt(boxes, whole, m)) return void flow.setViewport(whole, { duration: DURATION_MS });
      // Too big to show whole, and part of it in view already: leave the camera where it is.
      if (!next.fitsAll && anyInside(boxes, view)) return;
      void flow.setViewport({ x: next.x, y: next.y, zoom: next.zoom }, { duration: DURATION_MS });
    }, 30);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changeKey, opened]);

  // The focus or its hops changed: frame the node with its neighbourhood.
  const focusKey = focusId ? `${focusId}|${hops ?? "all"}` : null;
  const lastFocus = useRef<string | null>(null);
  useEffect(() => {
    const previous = lastFocus.current;
    lastFocus.current = focusKey;
    if (!opened || !focusKey || !focusId || previous === focusKey) return;
    // After the details panel has opened and the canvas has resized.
    const timer = window.setTimeout(() => {
      const m = measure();
      const shown = latest.current.shownNodes;
      const focused = boxOf(focusId, shown.find((n) => n.id === focusId));
      if (!m || !focused) return;
      const boxes = [focused, ...latest.current.around.flatMap((id) => {
        const b = boxOf(id, shown.find((n) => n.id === id));
        return b ? [b] : [];
      })];
      const view = freeView(m);
      if (allInside(boxes, view)) return;
      const zoom = flow.getViewport().zoom;
      const options = { width: m.width, height: m.height, insets: m.insets, padding: PADDING };
      const all = boundsOf(boxes);
      const room = { width: m.width - (m.insets.right ?? 0) - PADDING * 2, height: m.height - (m.insets.top ?? 0) - (m.insets.bottom ?? 0) - PADDING * 2 };
      const fit = Math.min(room.width / Math.max(1, all.width), room.height / Math.max(1, all.height));
      if (fit >= READABLE_ZOOM) {
        const next = showAllView(boxes, { ...options, maxZoom: Math.min(1.1, Math.max(zoom, READABLE_ZOOM)) });
        return void flow.setViewport(next, { duration: DURATION_MS });
      }
      if (allInside([focused], view) && zoom >= READABLE_ZOOM) return;
      const next = showAllView([focused], { ...options, maxZoom: Math.max(zoom, READABLE_ZOOM) });
      void flow.setViewport(next, { duration: DURATION_MS });
    }, 80);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey, opened]);
}
