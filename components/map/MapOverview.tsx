"use client";
// Semantic zoom. Zoomed in, React Flow draws the full cards (only those in view). Zoomed out past
// TILE_ZOOM the cards are no longer readable and thousands of DOM nodes and SVG paths would make
// every frame slow, so React Flow draws none (useDetailLevel hides them) and this one <canvas>
// draws the map instead: compact tiles with the status colour and the key (milestone key, paper
// or service name; a collapsed group is a stacked tile in its rolled-up colour); past DOT_ZOOM,
// dots under large lane labels with what each lane shows (overview-scene.ts). It follows React
// Flow's store without re-rendering React, drawn with a margin and moved by CSS while the view
// pans (see below). A click on a tile zooms in to it.
import { useEffect, useMemo, useRef } from "react";
import { useStore, useStoreApi, useReactFlow, type ReactFlowState } from "@xyflow/react";
import { READABLE_ZOOM } from "./first-view";
import { LANE_LABEL_STYLE, buildScene, distinctLabels, labelFitter, placeLaneLabels, type SceneInput, type Tile } from "./overview-scene";

/** Below this zoom cards become tiles drawn on the canvas. */
export const TILE_ZOOM = 0.45;
/** Below this zoom tiles become dots and lanes show counts. */
export const DOT_ZOOM = 0.15;

export type DetailLevel = "cards" | "tiles" | "dots";

export function detailLevel(zoom: number): DetailLevel {
  return zoom >= TILE_ZOOM ? "cards" : zoom >= DOT_ZOOM ? "tiles" : "dots";
}

/** The tiles' key font (its size is set per use). */
const KEY_FONT = "ui-sans-serif, system-ui, sans-serif";

const levelOf = (s: ReactFlowState) => detailLevel(s.transform[2]);

/** The current level of detail; the caller re-renders only when it changes, never per frame. */
export function useDetailLevel(): DetailLevel {
  return useStore(levelOf);
}

const NO_EDGES: never[] = [];

/**
 * React Flow's nodes and edges as drawn at `level`: all hidden unless cards are shown. With
 * `canvasEdges` (a large map), edges are drawn by the canvas even among cards, except those `keep`
 * names (the focused paths, the selected edge): hundreds of long SVG paths crossing the view cost
 * seconds a frame to paint without a GPU.
 * Edges React Flow does not draw are left out of its list rather than handed over hidden: it
 * checks every edge it holds for visibility on every frame of a pan. The hidden copies of the
 * nodes are made once per list of nodes, not at every change of level (tiles ↔ dots).
 */
export function useLevelOfDetail<N extends { hidden?: boolean }, E extends { hidden?: boolean }>(level: DetailLevel, nodes: N[], edges: E[], canvasEdges = false, keep?: (edge: E) => boolean): { nodes: N[]; edges: E[] } {
  const cards = level === "cards";
  const hiddenNodes = useMemo(() => (cards ? null : nodes.map((n) => (n.hidden ? n : { ...n, hidden: true }))), [cards, nodes]);
  const drawnEdges = useMemo((): E[] => {
    if (!cards) return NO_EDGES;
    if (!canvasEdges) return edges;
    const kept = edges.filter((e) => !e.hidden && keep?.(e));
    return kept.length ? kept : NO_EDGES;
  }, [cards, edges, canvasEdges, keep]);
  return { nodes: hiddenNodes ?? nodes, edges: drawnEdges };
}

/** What the canvas draws (SceneInput: the map's lanes, or one lane per kind without them), and how. */
type Props = Pick<SceneInput, "nodes" | "edges" | "positions" | "routes" | "hidden" | "lanes" | "laneLabels" | "groups" | "allById"> & {
  /** Draw the edges among cards too (see useLevelOfDetail). */
  edgesAtCards?: boolean;
  /** The focused node and its neighbourhood, drawn lit while the rest dims. */
  focusId?: string | null;
  focus?: { upstream: ReadonlySet<string>; downstream: ReadonlySet<string> } | null;
};

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

export function MapOverview({ nodes, edges, positions, routes, hidden, lanes, laneLabels, edgesAtCards = false, focusId = null, focus = null, groups, allById }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const labelsRef = useRef<HTMLCanvasElement>(null);
  const lit = useMemo(() => (focusId && focus ? new Set([focusId, ...focus.upstream, ...focus.downstream]) : null), [focusId, focus]);
  const store = useStoreApi();
  const flow = useReactFlow();

  // Everything to draw, in flow coordinates, once per graph (not per frame).
  const scene = useMemo(() => buildScene({ nodes, edges, positions, routes, hidden, groups, allById, lanes, laneLabels, lit }), [nodes, edges, positions, routes, hidden, groups, allById, lanes, laneLabels, lit]);

  // The canvas is drawn with a margin around the view and then moved (and, while zooming, scaled)
  // by CSS as the view pans, so most frames of a pan or a zoom draw nothing: it is drawn again
  // when the view leaves what it holds, the zoom has changed more than twice, the level changes,
  // or (crisp again) a moment after a zoom stops. Lane labels, which stay on screen, have a
  // canvas of their own, drawn every frame.
  useEffect(() => {
    const canvas = canvasRef.current;
    const labels = labelsRef.current;
    if (!canvas || !labels) return;
    let frame = 0;
    let sharpen = 0;
    let drawn = "";
    let held: { level: DetailLevel; tx: number; ty: number; zoom: number; width: number; height: number; mx: number; my: number } | null = null;
    let colour = resolver(canvas);
    const measurer = document.createElement("canvas").getContext("2d");
    if (measurer) measurer.font = `600 11px ${KEY_FONT}`;
    const fitLabel = labelFitter((text) => measurer?.measureText(text).width ?? text.length * 6);
    const draw = () => {
      frame = 0;
      const { transform, width, height } = store.getState();
      const [tx, ty, zoom] = transform;
      const level = detailLevel(zoom);
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      const key = `${tx},${ty},${zoom},${width},${height},${level}`;
      if (key === drawn) return;
      drawn = key;
      const cards = level === "cards";
      const off = cards && !edgesAtCards;
      // (The display style, not the hidden attribute, which a global canvas rule would override.)
      canvas.style.display = off ? "none" : "";
      labels.style.display = cards ? "none" : "";
      // Among cards, the edges go under them; tiles and dots go over React Flow's (empty) layer.
      canvas.style.zIndex = cards ? "3" : "4";
      if (off) return;
      drawLabels(level, tx, ty, zoom, width, height, dpr);
      if (held && held.level === level && held.width === width && held.height === height) {
        // Where the held drawing's top-left corner is now, and at what scale.
        const r = zoom / held.zoom;
        const left = ((-held.mx - held.tx) / held.zoom) * zoom + tx;
        const top = ((-held.my - held.ty) / held.zoom) * zoom + ty;
        const covers = left <= 0.5 && top <= 0.5 && left + (width + 2 * held.mx) * r >= width - 0.5 && top + (height + 2 * held.my) * r >= height - 0.5;
        if (covers && r >= 0.5 && r <= 2) {
          canvas.style.transform = `translate(${left}px, ${top}px) scale(${r})`;
          if (r !== 1) {
            window.clearTimeout(sharpen);
            sharpen = window.setTimeout(() => ((held = null), (drawn = ""), schedule()), 150);
          }
          return;
        }
      }
      // Half a view of margin on each side.
      const mx = Math.round(width / 2);
      const my = Math.round(height / 2);
      const cw = width + 2 * mx;
      const ch = height + 2 * my;
      if (canvas.width !== Math.round(cw * dpr) || canvas.height !== Math.round(ch * dpr)) {
        canvas.width = Math.round(cw * dpr);
        canvas.height = Math.round(ch * dpr);
        canvas.style.width = `${cw}px`;
        canvas.style.height = `${ch}px`;
      }
      held = { level, tx, ty, zoom, width, height, mx, my };
      canvas.style.transform = `translate(${-mx}px, ${-my}px)`;
      const ctx = canvas.getContext("2d");
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      // The flow rectangle drawn, for culling.
      const vx = -(tx + mx) / zoom;
      const vy = -(ty + my) / zoom;
      const vw = cw / zoom;
      const vh = ch / zoom;
      const inView = (x: number, y: number, w: number, h: number) => x + w >= vx && y + h >= vy && x <= vx + vw && y <= vy + vh;
      ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * (tx + mx), dpr * (ty + my));

      if (scene.drawLaneBands) {
        ctx.fillStyle = colour("var(--surface)");
        ctx.globalAlpha = 0.55;
        for (const lane of scene.lanes) ctx.fillRect(lane.x, lane.y, lane.width, lane.height);
        ctx.globalAlpha = 1;
      }

      // Edges: one path per colour, through the routes' waypoints (curves among cards, straight
      // segments further out), only those crossing the view.
      // One device pixel wide zoomed out: thin strokes are drawn as hairlines, far cheaper.
      ctx.lineWidth = cards ? 1.5 : 1 / zoom;
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

      // Tiles: surface with a status-coloured band (tiles) or solid status colour (dots), batched:
      // one path per fill (lit, then dimmed), one per band colour. A collapsed group's tile has a
      // second edge behind it, like a stack of cards.
      const visible = scene.tiles.filter((t) => inView(t.x, t.y, t.w, t.h));
      const passes: [Tile[], number][] = lit ? [[visible.filter((t) => lit.has(t.id)), 1], [visible.filter((t) => !lit.has(t.id)), level === "tiles" ? 0.35 : 0.25]] : [[visible, 1]];
      const byColour = (list: Tile[]) => {
        const map = new Map<string, Tile[]>();
        for (const t of list) {
          const same = map.get(t.colour);
          if (same) same.push(t);
          else map.set(t.colour, [t]);
        }
        return map;
      };
      if (level === "tiles") {
        const band = Math.max(6, 4 / zoom);
        const stack = 5 / zoom;
        ctx.lineWidth = 1 / zoom;
        ctx.font = `600 ${11 / zoom}px ${KEY_FONT}`;
        ctx.textBaseline = "middle";
        for (const [list, alpha] of passes) {
          if (list.length === 0) continue;
          ctx.globalAlpha = alpha;
          const boxes = new Path2D();
          for (const t of list) {
            if (t.group) boxes.rect(t.x + stack, t.y - stack, t.w, t.h);
            boxes.rect(t.x, t.y, t.w, t.h);
          }
          ctx.fillStyle = colour("var(--surface)");
          ctx.strokeStyle = colour("var(--border-strong)");
          ctx.fill(boxes);
          ctx.stroke(boxes);
          // The front face of a group over its stacked edge.
          const fronts = new Path2D();
          for (const t of list) if (t.group) fronts.rect(t.x, t.y, t.w, t.h);
          ctx.fill(fronts);
          ctx.stroke(fronts);
          for (const [tone, same] of byColour(list)) {
            ctx.fillStyle = colour(tone);
            const bands = new Path2D();
            for (const t of same) bands.rect(t.x, t.y, t.group ? band * 1.6 : band, t.h);
            ctx.fill(bands);
          }
          // Keys in screen pixels (11 px), cut to the tile; none where a tile is too small to read.
          ctx.fillStyle = colour("var(--text)");
          const keyed: { t: Tile; text: string }[] = [];
          for (const t of list) {
            const room = (t.w - band - 8 / zoom) * zoom;
            if (room < 16 || t.h * zoom < 10) continue;
            const text = fitLabel(t.key, t.short, room);
            if (text) keyed.push({ t, text });
          }
          for (const { t, text } of distinctLabels(keyed)) ctx.fillText(text, t.x + band + 5 / zoom, t.y + t.h / 2);
        }
      } else {
        for (const [list, alpha] of passes) {
          ctx.globalAlpha = alpha;
          for (const [tone, same] of byColour(list)) {
            ctx.fillStyle = colour(tone);
            const dots = new Path2D();
            for (const t of same) dots.rect(t.x, t.y, t.w, t.h);
            ctx.fill(dots);
          }
        }
      }
      ctx.globalAlpha = 1;

    };
    // Zoomed out, lanes say what they hold, in one row above the tiles, each over its lane, kept
    // at the top of the view (placeLaneLabels); a canvas of its own, drawn every frame (a few words).
    const textWidth = new Map<string, number>();
    const measure = (text: string, px: number, bold: boolean) => {
      const k = `${px}${bold ? "b" : ""}\u0000${text}`;
      let w = textWidth.get(k);
      if (w === undefined && measurer) {
        measurer.font = `${bold ? 700 : 500} ${px}px ${KEY_FONT}`;
        w = measurer.measureText(text).width;
        measurer.font = `600 11px ${KEY_FONT}`;
        textWidth.set(k, w);
      }
      return w ?? text.length * px * 0.6;
    };
    const drawLabels = (level: DetailLevel, tx: number, ty: number, zoom: number, width: number, height: number, dpr: number) => {
      if (level === "cards") return;
      if (labels.width !== Math.round(width * dpr) || labels.height !== Math.round(height * dpr)) {
        labels.width = Math.round(width * dpr);
        labels.height = Math.round(height * dpr);
        labels.style.width = `${width}px`;
        labels.style.height = `${height}px`;
      }
      const ctx = labels.getContext("2d");
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.textBaseline = "top";
      const placed = placeLaneLabels(scene.lanes, { tx, ty, zoom, width, height }, scene.top, LANE_LABEL_STYLE[level], measure);
      for (const p of placed) {
        ctx.fillStyle = colour("var(--surface)");
        ctx.globalAlpha = 0.94;
        ctx.fillRect(p.x - p.pad, p.y - 4, p.w, p.h);
        ctx.globalAlpha = 1;
        ctx.fillStyle = colour("var(--text)");
        ctx.font = `700 ${p.size.title}px ${KEY_FONT}`;
        ctx.fillText(p.title, p.x, p.y);
        if (p.detail) {
          ctx.font = `500 ${p.size.detail}px ${KEY_FONT}`;
          ctx.fillStyle = colour("var(--text-muted)");
          ctx.fillText(p.detail, p.x, p.y + p.size.title + 5);
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
      held = null;
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
      window.clearTimeout(sharpen);
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

  return (
    <>
      <canvas ref={canvasRef} aria-hidden data-testid="map-overview" style={{ position: "absolute", left: 0, top: 0, maxWidth: "none", transformOrigin: "0 0", zIndex: 4, pointerEvents: "none" }} />
      <canvas ref={labelsRef} aria-hidden style={{ position: "absolute", left: 0, top: 0, zIndex: 4, pointerEvents: "none", display: "none" }} />
    </>
  );
}
