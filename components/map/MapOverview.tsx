"use client";
// Semantic zoom. Zoomed in, React Flow draws the full cards (only those in view). Zoomed out past
// TILE_ZOOM the cards are no longer readable and thousands of DOM nodes and SVG paths would make
// every frame slow, so React Flow draws none (useDetailLevel hides them) and this one <canvas>
// draws the map instead: compact tiles with the status colour and the key (milestone key, paper
// or service name); past DOT_ZOOM, dots under large lane labels with counts. Redrawn on every
// viewport change from React Flow's store, without re-rendering React. A click on a tile zooms
// in to it.
import { useEffect, useMemo, useRef } from "react";
import { useStore, useStoreApi, useReactFlow, type ReactFlowState } from "@xyflow/react";
import type { LaneBox } from "@/lib/graph/lanes";
import type { MapEdge, MapNode, MapNodeKind, Point } from "@/lib/graph/types";
import { READABLE_ZOOM } from "./first-view";
import { EDGE_TONE, KIND_LABEL, NODE_SIZE, isBlockingDependency, statusColor } from "./map-model";

/** Below this zoom cards become tiles drawn on the canvas. */
export const TILE_ZOOM = 0.45;
/** Below this zoom tiles become dots and lanes show counts. */
export const DOT_ZOOM = 0.15;

export type DetailLevel = "cards" | "tiles" | "dots";

export function detailLevel(zoom: number): DetailLevel {
  return zoom >= TILE_ZOOM ? "cards" : zoom >= DOT_ZOOM ? "tiles" : "dots";
}

const levelOf = (s: ReactFlowState) => detailLevel(s.transform[2]);

/** The current level of detail; the caller re-renders only when it changes, never per frame. */
export function useDetailLevel(): DetailLevel {
  return useStore(levelOf);
}

/**
 * React Flow's nodes and edges as drawn at `level`: all hidden unless cards are shown. With
 * `canvasEdges` (a large map), edges are drawn by the canvas even among cards, except those `keep`
 * names (the focused paths, the selected edge): hundreds of long SVG paths crossing the view cost
 * seconds a frame to paint without a GPU.
 */
export function useLevelOfDetail<N extends { hidden?: boolean }, E extends { hidden?: boolean }>(level: DetailLevel, nodes: N[], edges: E[], canvasEdges = false, keep?: (edge: E) => boolean): { nodes: N[]; edges: E[] } {
  const hiddenNodes = useMemo(() => (level === "cards" ? null : nodes.map((n) => (n.hidden ? n : { ...n, hidden: true }))), [level, nodes]);
  const hiddenEdges = useMemo(
    () => (level === "cards" && !canvasEdges ? null : edges.map((e) => (e.hidden || (level === "cards" && keep?.(e)) ? e : { ...e, hidden: true }))),
    [level, edges, canvasEdges, keep],
  );
  return { nodes: hiddenNodes ?? nodes, edges: hiddenEdges ?? edges };
}

type Props = {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  positions: ReadonlyMap<string, Point>;
  routes: ReadonlyMap<number, Point[]>;
  /** Kinds filtered out of the map. */
  hidden: ReadonlySet<MapNodeKind>;
  /** The services map's lanes; without them, one lane per kind of node. */
  lanes?: readonly LaneBox[];
  laneLabels?: Readonly<Record<string, string>>;
  /** Draw the edges among cards too (see useLevelOfDetail). */
  edgesAtCards?: boolean;
  /** The focused node and its neighbourhood, drawn lit while the rest dims. */
  focusId?: string | null;
  focus?: { upstream: ReadonlySet<string>; downstream: ReadonlySet<string> } | null;
};

type Tile = { x: number; y: number; w: number; h: number; colour: string; key: string; short: string; node: MapNode };
type Lane = { label: string; x: number; y: number; width: number; height: number; count: number; detail: string };

/** A tile's key: the milestone key, the paper's title, the service's name. */
function tileKey(node: MapNode): string {
  if (node.kind === "milestone") return node.sublabel || node.label;
  return node.label;
}

/** Where the key does not fit: a milestone's number without the project ("FLOOR-12" → "#12"). */
function shortKey(node: MapNode): string {
  const key = tileKey(node);
  const dash = key.lastIndexOf("-");
  return node.kind === "milestone" && dash > 0 && /^\d+$/.test(key.slice(dash + 1)) ? `#${key.slice(dash + 1)}` : key;
}

/**
 * The theme's colours, resolved from CSS (the canvas understands neither var() nor light-dark()):
 * a probe element takes each value as its colour and the computed colour is read back.
 */
function resolver(element: HTMLElement) {
  const cache = new Map<string, string>();
  const probe = document.createElement("span");
  probe.style.display = "none";
  element.parentElement?.appendChild(probe);
  const resolve = (value: string) => {
    let hit = cache.get(value);
    if (hit === undefined) {
      probe.style.color = "";
      probe.style.color = value;
      hit = getComputedStyle(probe).color || "#888";
      cache.set(value, hit);
    }
    return hit;
  };
  resolve.dispose = () => probe.remove();
  return resolve;
}

const OPEN = new Set(["planned", "in_progress"]);

function laneDetail(members: readonly MapNode[]): string {
  let open = 0;
  let blocked = 0;
  let done = 0;
  for (const n of members) {
    if (n.kind !== "milestone") continue;
    if (n.status === "blocked") blocked++;
    else if (OPEN.has(n.status)) open++;
    else if (n.status === "done") done++;
  }
  if (open + blocked + done === 0) return "";
  return [open && `${open.toLocaleString("en")} open`, blocked && `${blocked.toLocaleString("en")} blocked`, done && `${done.toLocaleString("en")} done`].filter(Boolean).join(" · ");
}

export function MapOverview({ nodes, edges, positions, routes, hidden, lanes, laneLabels, edgesAtCards = false, focusId = null, focus = null }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const lit = useMemo(() => (focusId && focus ? new Set([focusId, ...focus.upstream, ...focus.downstream]) : null), [focusId, focus]);
  const store = useStoreApi();
  const flow = useReactFlow();

  // Everything to draw, in flow coordinates, once per graph (not per frame).
  const scene = useMemo(() => {
    const tiles: Tile[] = [];
    const byId = new Map<string, Tile>();
    for (const node of nodes) {
      if (hidden.has(node.kind)) continue;
      const at = positions.get(node.id);
      if (!at) continue;
      const size = NODE_SIZE[node.kind];
      const tile = { x: at.x, y: at.y, w: size.width, h: size.height, colour: statusColor(node), key: tileKey(node), short: shortKey(node), node };
      tiles.push(tile);
      byId.set(node.id, tile);
    }
    // Edges grouped by colour, so each colour is one path and one stroke.
    const strokes = new Map<string, { points: Point[]; lit: boolean; box: { x: number; y: number; w: number; h: number } }[]>();
    edges.forEach((edge, i) => {
      const a = byId.get(edge.source);
      const b = byId.get(edge.target);
      if (!a || !b) return;
      const colour = isBlockingDependency(edge, a.node, b.node) ? "var(--tone-red-solid)" : EDGE_TONE[edge.kind];
      const points = [{ x: a.x + a.w, y: a.y + a.h / 2 }, ...(routes.get(i) ?? []), { x: b.x, y: b.y + b.h / 2 }];
      const list = strokes.get(colour) ?? [];
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const p of points) {
        minX = Math.min(minX, p.x);
        minY = Math.min(minY, p.y);
        maxX = Math.max(maxX, p.x);
        maxY = Math.max(maxY, p.y);
      }
      list.push({ points, lit: !lit || (lit.has(edge.source) && lit.has(edge.target)), box: { x: minX, y: minY, w: maxX - minX, h: maxY - minY } });
      strokes.set(colour, list);
    });
    // Lanes: the services map's, or one per kind of node (papers, milestones, services).
    const laneList: Lane[] = [];
    if (lanes?.length) {
      for (const lane of lanes) {
        const members = tiles.filter((t) => (t.node.layer ?? t.node.kind) === lane.lane).map((t) => t.node);
        laneList.push({ label: laneLabels?.[lane.lane] ?? lane.lane, x: lane.x, y: lane.y, width: lane.width, height: lane.height, count: members.length, detail: "" });
      }
    } else {
      for (const kind of ["handoff", "milestone", "service"] as const) {
        const members = tiles.filter((t) => t.node.kind === kind);
        if (members.length === 0) continue;
        let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        for (const t of members) {
          minX = Math.min(minX, t.x);
          minY = Math.min(minY, t.y);
          maxX = Math.max(maxX, t.x + t.w);
          maxY = Math.max(maxY, t.y + t.h);
        }
        laneList.push({ label: kind === "handoff" ? "Papers" : KIND_LABEL[kind].many, x: minX - 20, y: minY - 20, width: maxX - minX + 40, height: maxY - minY + 40, count: members.length, detail: laneDetail(members.map((t) => t.node)) });
      }
    }
    return { tiles, strokes, lanes: laneList, drawLaneBands: !lanes?.length };
  }, [nodes, edges, positions, routes, hidden, lanes, laneLabels, lit]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let frame = 0;
    let drawn = "";
    let colour = resolver(canvas);
    const draw = () => {
      frame = 0;
      const { transform, width, height } = store.getState();
      const [tx, ty, zoom] = transform;
      const level = detailLevel(zoom);
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      const key = `${tx},${ty},${zoom},${width},${height},${level}`;
      if (key === drawn) return;
      drawn = key;
      if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      const ctx = canvas.getContext("2d");
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const cards = level === "cards";
      const off = cards && !edgesAtCards;
      // (The display style, not the hidden attribute, which a global canvas rule would override.)
      canvas.style.display = off ? "none" : "";
      // Among cards, the edges go under them; tiles and dots go over React Flow's (empty) layer.
      canvas.style.zIndex = cards ? "3" : "4";
      if (off) return;
      // The flow rectangle in view, for culling.
      const vx = -tx / zoom;
      const vy = -ty / zoom;
      const vw = width / zoom;
      const vh = height / zoom;
      const inView = (x: number, y: number, w: number, h: number) => x + w >= vx && y + h >= vy && x <= vx + vw && y <= vy + vh;
      ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);

      if (scene.drawLaneBands) {
        ctx.fillStyle = colour("var(--surface)");
        ctx.globalAlpha = 0.55;
        for (const lane of scene.lanes) ctx.fillRect(lane.x, lane.y, lane.width, lane.height);
        ctx.globalAlpha = 1;
      }

      // Edges: one path per colour, through the routes' waypoints (curves among cards, straight
      // segments further out), only those crossing the view.
      ctx.lineWidth = cards ? 1.5 : Math.max(1, 1.2 / zoom);
      for (const [tone, list] of scene.strokes) {
        for (const litPass of lit ? [false, true] : [true]) {
          ctx.strokeStyle = colour(tone);
          ctx.globalAlpha = lit ? (litPass ? 0.9 : cards ? 0.15 : 0.08) : cards ? 0.75 : level === "dots" ? 0.28 : 0.45;
          ctx.beginPath();
          for (const s of list) {
            if (s.lit !== litPass && lit) continue;
            if (!inView(s.box.x, s.box.y, s.box.w, s.box.h)) continue;
            const p = s.points;
            ctx.moveTo(p[0].x, p[0].y);
            for (let i = 1; i < p.length; i++) {
              if (!cards) {
                ctx.lineTo(p[i].x, p[i].y);
                continue;
              }
              const a = p[i - 1];
              const b = p[i];
              const dx = (b.x - a.x) / 2;
              ctx.bezierCurveTo(a.x + dx, a.y, b.x - dx, b.y, b.x, b.y);
            }
          }
          ctx.stroke();
        }
      }
      ctx.globalAlpha = 1;
      if (cards) return;

      // Tiles: surface with a status-coloured band (tiles) or solid status colour (dots).
      const visible = scene.tiles.filter((t) => inView(t.x, t.y, t.w, t.h));
      if (level === "tiles") {
        ctx.fillStyle = colour("var(--surface)");
        ctx.strokeStyle = colour("var(--border-strong)");
        ctx.lineWidth = 1 / zoom;
        for (const t of visible) {
          ctx.globalAlpha = lit && !lit.has(t.node.id) ? 0.35 : 1;
          ctx.fillRect(t.x, t.y, t.w, t.h);
          ctx.strokeRect(t.x, t.y, t.w, t.h);
        }
        const band = Math.max(6, 4 / zoom);
        for (const t of visible) {
          ctx.globalAlpha = lit && !lit.has(t.node.id) ? 0.35 : 1;
          ctx.fillStyle = colour(t.colour);
          ctx.fillRect(t.x, t.y, band, t.h);
        }
        // Keys in screen pixels (12 px), clipped to the tile.
        const size = 11 / zoom;
        ctx.font = `600 ${size}px ui-sans-serif, system-ui, sans-serif`;
        ctx.textBaseline = "middle";
        ctx.fillStyle = colour("var(--text)");
        for (const t of visible) {
          ctx.globalAlpha = lit && !lit.has(t.node.id) ? 0.35 : 1;
          const room = t.w - band - 8 / zoom;
          let text = t.key;
          if (ctx.measureText(text).width > room) text = t.short;
          if (ctx.measureText(text).width > room) {
            while (text.length > 1 && ctx.measureText(`${text}…`).width > room) text = text.slice(0, -1);
            text = `${text.trimEnd()}…`;
          }
          ctx.fillText(text, t.x + band + 5 / zoom, t.y + t.h / 2);
        }
      } else {
        for (const t of visible) {
          ctx.globalAlpha = lit && !lit.has(t.node.id) ? 0.25 : 1;
          ctx.fillStyle = colour(t.colour);
          ctx.fillRect(t.x, t.y, t.w, t.h);
        }
      }
      ctx.globalAlpha = 1;

      // Far out, lanes say what they hold, in screen pixels, kept on screen while their lane is;
      // a label that would run into the one before it goes below it.
      if (level === "dots") {
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        ctx.textBaseline = "top";
        const placed: { x: number; y: number; w: number; h: number }[] = [];
        for (const lane of scene.lanes) {
          const left = lane.x * zoom + tx;
          const right = (lane.x + lane.width) * zoom + tx;
          if (right < 0 || left > width) continue;
          const title = `${lane.label}  ${lane.count.toLocaleString("en")}`;
          ctx.font = "700 16px ui-sans-serif, system-ui, sans-serif";
          let w = ctx.measureText(title).width;
          if (lane.detail) {
            ctx.font = "500 12px ui-sans-serif, system-ui, sans-serif";
            w = Math.max(w, ctx.measureText(lane.detail).width);
          }
          const h = lane.detail ? 42 : 26;
          const x = Math.min(Math.max(8, left + 6), width - w - 14);
          let y = Math.max(8, lane.y * zoom + ty + 8);
          while (placed.some((p) => x < p.x + p.w + 10 && p.x < x + w + 12 && y < p.y + p.h + 6 && p.y < y + h)) y += h + 6;
          placed.push({ x: x - 6, y, w: w + 12, h });
          ctx.fillStyle = colour("var(--surface)");
          ctx.globalAlpha = 0.94;
          ctx.fillRect(x - 6, y - 4, w + 12, h);
          ctx.globalAlpha = 1;
          ctx.fillStyle = colour("var(--text)");
          ctx.font = "700 16px ui-sans-serif, system-ui, sans-serif";
          ctx.fillText(title, x, y);
          if (lane.detail) {
            ctx.font = "500 12px ui-sans-serif, system-ui, sans-serif";
            ctx.fillStyle = colour("var(--text-muted)");
            ctx.fillText(lane.detail, x, y + 21);
          }
        }
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    draw();
    const unsubscribe = store.subscribe(schedule);
    // Theme changes (light/dark) change the colours.
    const observer = new MutationObserver(() => {
      drawn = "";
      colour.dispose();
      colour = resolver(canvas);
      schedule();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class", "data-theme", "style"] });
    return () => {
      unsubscribe();
      observer.disconnect();
      colour.dispose();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [store, scene, lit, edgesAtCards]);

  // A click (not a drag) on a tile zooms in to it, to a readable zoom.
  useEffect(() => {
    const dom = store.getState().domNode;
    if (!dom) return;
    let down: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => (down = { x: e.clientX, y: e.clientY });
    const onClick = (e: MouseEvent) => {
      const { transform } = store.getState();
      if (detailLevel(transform[2]) === "cards" || !down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4) return;
      if (!(e.target instanceof Element) || !e.target.closest(".react-flow__pane")) return;
      const point = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const slop = 6 / transform[2];
      const hit = scene.tiles.find((t) => point.x >= t.x - slop && point.x <= t.x + t.w + slop && point.y >= t.y - slop && point.y <= t.y + t.h + slop);
      if (hit) void flow.setCenter(hit.x + hit.w / 2, hit.y + hit.h / 2, { zoom: Math.max(READABLE_ZOOM, 0.9), duration: 400 });
    };
    dom.addEventListener("pointerdown", onDown, true);
    dom.addEventListener("click", onClick);
    return () => {
      dom.removeEventListener("pointerdown", onDown, true);
      dom.removeEventListener("click", onClick);
    };
  }, [store, flow, scene]);

  return <canvas ref={canvasRef} aria-hidden data-testid="map-overview" style={{ position: "absolute", inset: 0, zIndex: 4, pointerEvents: "none" }} />;
}
