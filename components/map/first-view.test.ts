import { describe, expect, it } from "vitest";
import { layoutMap } from "@/lib/graph/map-layout";
import { syntheticProjectMap } from "@/lib/graph/synthetic";
import { READABLE_ZOOM, boundsOf, firstView, isActiveWork, mapOpeningView, showAllView, viewNodes, visibleBox, type ViewNode } from "./first-view";

const card = (x: number, y: number, active = false): ViewNode => ({ x, y, width: 200, height: 80, active });
const canvas = { width: 1280, height: 800 };

/** Whether the box lies wholly inside what the viewport shows of the canvas (minus insets). */
function shows(view: { x: number; y: number; zoom: number }, box: { x: number; y: number; width: number; height: number }, size = canvas) {
  const seen = visibleBox(view, size.width, size.height);
  return box.x >= seen.x - 0.5 && box.y >= seen.y - 0.5 && box.x + box.width <= seen.x + seen.width + 0.5 && box.y + box.height <= seen.y + seen.height + 0.5;
}

describe("firstView", () => {
  it("fits a small map whole, centred, never above 100%", () => {
    const nodes = [card(0, 0), card(300, 0), card(600, 120, true)];
    const view = firstView(nodes, canvas);
    expect(view.fitsAll).toBe(true);
    expect(view.zoom).toBe(1);
    for (const n of nodes) expect(shows(view, n)).toBe(true);
    const all = boundsOf(nodes);
    // Centred: as much room left of the map as right of it.
    const left = all.x * view.zoom + view.x;
    const right = canvas.width - ((all.x + all.width) * view.zoom + view.x);
    expect(Math.abs(left - right)).toBeLessThan(1);
  });

  it("shrinks a map that fits at a readable zoom, but not below it", () => {
    const wide = [card(0, 0), card(1500, 0)];
    const view = firstView(wide, canvas);
    expect(view.fitsAll).toBe(true);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(view.zoom).toBeLessThan(1);
  });

  it("opens a large map at a readable zoom on the open work, with a card at the centre", () => {
    // Done work on the left, open work in a cluster far to the right and down.
    const nodes: ViewNode[] = [];
    for (let i = 0; i < 40; i++) nodes.push(card(0, i * 100));
    for (let i = 0; i < 6; i++) nodes.push(card(3000 + (i % 2) * 260, 2000 + Math.floor(i / 2) * 100, true));
    const view = firstView(nodes, canvas);
    expect(view.fitsAll).toBe(false);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    for (const n of nodes.filter((n) => n.active)) expect(shows(view, n)).toBe(true);
  });

  it("starts at the map's left edge when the open work stays in view", () => {
    // Papers at x=0, done milestones next, open work a little further right: all fits from the left edge.
    const nodes: ViewNode[] = [];
    for (let i = 0; i < 12; i++) nodes.push(card(0, i * 100), card(300, i * 100));
    for (let i = 0; i < 4; i++) nodes.push(card(900, 400 + i * 100, true));
    const view = firstView(nodes, canvas);
    expect(view.fitsAll).toBe(false);
    const seen = visibleBox(view, canvas.width, canvas.height);
    expect(seen.x).toBeLessThanOrEqual(0);
    for (const n of nodes.filter((n) => n.active)) expect(shows(view, n)).toBe(true);
  });

  it("stays on the open work when the left edge would lose it", () => {
    const nodes: ViewNode[] = [];
    for (let i = 0; i < 12; i++) nodes.push(card(0, i * 100));
    for (let i = 0; i < 4; i++) nodes.push(card(2600, 400 + i * 100, true));
    const view = firstView(nodes, canvas);
    for (const n of nodes.filter((n) => n.active)) expect(shows(view, n)).toBe(true);
    expect(visibleBox(view, canvas.width, canvas.height).x).toBeGreaterThan(0);
  });

  it("centres on the open card nearest the work's centroid when the work does not fit", () => {
    // Two far columns of open work: the centroid falls in the empty gap between them.
    const nodes: ViewNode[] = [];
    for (let i = 0; i < 30; i++) nodes.push(card(0, i * 100, true), card(6000, i * 100, true));
    nodes.push(card(2900, 1500, true));
    const view = firstView(nodes, canvas);
    expect(view.zoom).toBe(READABLE_ZOOM);
    const seen = visibleBox(view, canvas.width, canvas.height);
    const centre = { x: seen.x + seen.width / 2, y: seen.y + seen.height / 2 };
    expect(centre.x).toBeCloseTo(3000, 0);
    expect(centre.y).toBeCloseTo(1540, 0);
  });

  it("never scrolls past the map's edges", () => {
    const nodes = [card(0, 0, true), ...Array.from({ length: 50 }, (_, i) => card(4000, i * 100))];
    const view = firstView(nodes, canvas);
    const seen = visibleBox(view, canvas.width, canvas.height);
    // The open card sits at the map's top-left corner: the view starts there instead of centring
    // on it (which would show empty space left of and above the map).
    expect(seen.x).toBeGreaterThanOrEqual(-24 / view.zoom - 0.5);
    expect(seen.y).toBeGreaterThanOrEqual(-24 / view.zoom - 0.5);
    expect(shows(view, nodes[0])).toBe(true);
  });

  it("with no open work, starts where the map starts (the first lane, the top)", () => {
    const nodes = Array.from({ length: 60 }, (_, i) => card((i % 6) * 400, Math.floor(i / 6) * 200));
    const view = firstView(nodes, canvas);
    const seen = visibleBox(view, canvas.width, canvas.height);
    expect(seen.x).toBeLessThanOrEqual(0);
    expect(seen.y).toBeLessThanOrEqual(0);
    expect(view.zoom).toBe(READABLE_ZOOM);
  });

  it("keeps what it fits clear of the insets", () => {
    const nodes = [card(0, 0), card(300, 200)];
    const view = firstView(nodes, { ...canvas, insets: { top: 300, bottom: 200 } });
    for (const n of nodes) {
      const top = n.y * view.zoom + view.y;
      const bottom = (n.y + n.height) * view.zoom + view.y;
      expect(top).toBeGreaterThanOrEqual(300);
      expect(bottom).toBeLessThanOrEqual(canvas.height - 200);
    }
  });
});

describe("showAllView", () => {
  it("fits everything, however small that makes it", () => {
    const nodes = [card(0, 0), card(8000, 36000)];
    const view = showAllView(nodes, canvas);
    expect(view.zoom).toBeLessThan(0.05);
    for (const n of nodes) expect(shows(view, n)).toBe(true);
  });
});

describe("on a generated 2,000-node project", () => {
  const map = syntheticProjectMap({ nodes: 2000, seed: 3 });
  const layout = layoutMap(map.nodes, map.edges);
  const positions = new Map(layout.positions.map((p) => [p.id, p]));
  const boxes = viewNodes(map.nodes, positions);

  it("opens on cards at a readable size, with open or blocked milestones in view", () => {
    const view = mapOpeningView(boxes, canvas);
    expect(view.fitsAll).toBe(false);
    expect(view.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    const seen = visibleBox(view, canvas.width, canvas.height);
    const inView = map.nodes.filter((n, i) => {
      const b = boxes[i];
      return b.x + b.width > seen.x && b.x < seen.x + seen.width && b.y + b.height > seen.y && b.y < seen.y + seen.height;
    });
    expect(inView.filter(isActiveWork).length).toBeGreaterThan(0);
  });

  it("leaves out kinds that are filtered out", () => {
    expect(viewNodes(map.nodes, positions, new Set(["service"])).length).toBe(map.nodes.filter((n) => n.kind !== "service").length);
  });
});

describe("a map in lanes with no open work (the services map)", () => {
  it("starts at the first lane's top-left corner, so the lanes' labels are on screen", () => {
    const lanes = Array.from({ length: 6 }, (_, i) => ({ x: i * 400, y: 0, width: 400, height: 3000 }));
    const nodes = Array.from({ length: 60 }, (_, i) => card((i % 6) * 400 + 100, 60 + Math.floor(i / 6) * 200));
    const boxes = [...lanes, ...nodes];
    const view = firstView(boxes, canvas);
    const seen = visibleBox(view, canvas.width, canvas.height);
    expect(seen.x).toBeLessThanOrEqual(0);
    expect(seen.y).toBeLessThanOrEqual(0);
  });
});

describe("the view's left edge", () => {
  const sizes = [canvas, { width: 1000, height: 700 }, { width: 1600, height: 900 }, { width: 1137, height: 611 }, { width: 983, height: 451 }];
  const cutAt = (nodes: readonly ViewNode[], view: { x: number; y: number; zoom: number }, size: { width: number; height: number }) => {
    const seen = visibleBox(view, size.width, size.height);
    return nodes.filter((n) => n.width <= 300 && n.x < seen.x && n.x + n.width > seen.x && n.y + n.height > seen.y && n.y < seen.y + seen.height);
  };

  it("never cuts a card in half: the column is shown whole or left out", () => {
    // Columns of cards whose open work is too wide to fit at the readable zoom, so the view is
    // built around one card and would otherwise start wherever that centring puts it.
    for (const offset of [0, 60, 130, 170, 230]) {
      const nodes: ViewNode[] = [];
      for (let col = 0; col < 9; col++) for (let row = 0; row < 12; row++) nodes.push(card(col * 290 + (col % 2) * offset, row * 120, col >= 2 && col <= 7 && row % 3 === 0));
      for (const size of sizes) {
        const view = firstView(nodes, size);
        expect(cutAt(nodes, view, size), `offset ${offset}, canvas ${size.width}×${size.height}`).toEqual([]);
        expect(nodes.some((n) => n.active && shows(view, n, size))).toBe(true);
      }
    }
  });

  it("holds on a generated project laid out in lanes", () => {
    const map = syntheticProjectMap({ nodes: 300, seed: 5 });
    const layout = layoutMap(map.nodes, map.edges);
    const positions = new Map(layout.positions.map((p) => [p.id, p]));
    const boxes = viewNodes(map.nodes, positions, undefined, layout.lanes);
    for (const size of sizes) expect(cutAt(boxes, mapOpeningView(boxes, size), size), `canvas ${size.width}×${size.height}`).toEqual([]);
  });
});
