// The zoomed-out canvas's scene (overview-scene.ts) and the lane counts (lane-counts.ts) once
// groups are collapsed: a group is a tile with its rolled-up colour, and a lane counts what it
// shows, a group counting as its members, so "Collapse all handoffs" never leaves "Handoffs 0".
import { describe, expect, it } from "vitest";
import { allPaperGroups, collapseMap, indexGroups, laneGroupId } from "@/lib/graph/collapse";
import { LANE_LABELS, layoutMap } from "@/lib/graph/map-layout";
import { syntheticProjectMap } from "@/lib/graph/synthetic";
import type { Point } from "@/lib/graph/types";
import { laneCounts, laneGroupNote } from "./lane-counts";
import { rollupColor } from "./MapGroupNode";
import { LANE_LABEL_STYLE, buildScene, distinctLabels, labelFitter, laneTitles, placeLaneLabels, shortKey, type Lane } from "./overview-scene";

const map = syntheticProjectMap({ nodes: 200, seed: 5 });
const layout = layoutMap(map.nodes, map.edges);
const positions = new Map<string, Point>(layout.positions.map((p) => [p.id, p]));
const allById = new Map(map.nodes.map((n) => [n.id, n]));
const index = indexGroups(map.nodes, map.edges);
const papers = map.nodes.filter((n) => n.kind === "handoff").length;
const milestones = map.nodes.filter((n) => n.kind === "milestone").length;

function sceneOf(collapsed: Iterable<string>) {
  const view = collapseMap(map.nodes, map.edges, positions, collapsed, { index });
  const routes = new Map<number, Point[]>();
  const scene = buildScene({ nodes: view.nodes, edges: view.edges, positions: view.positions, routes, hidden: new Set(), groups: view.groups, allById, lanes: layout.lanes, laneLabels: LANE_LABELS, lit: null });
  return { view, scene };
}

describe("the zoomed-out canvas with collapsed groups", () => {
  it("draws every collapsed group as a tile in its rolled-up status colour, and the merged edges to it", () => {
    const { view, scene } = sceneOf(allPaperGroups(index));
    expect(view.groups.length).toBeGreaterThan(0);
    for (const group of view.groups) {
      const tile = scene.tiles.find((t) => t.id === group.id);
      expect(tile, group.id).toBeDefined();
      expect(tile!.group).toBe(true);
      expect(tile!.colour).toBe(rollupColor(group.rollup.status));
      expect(tile!.key).toBe(group.title);
    }
    // Every drawn edge with both ends drawn is stroked, those ending at a group included.
    const stroked = [...scene.strokes.values()].reduce((sum, list) => sum + list.length, 0);
    const ends = new Set(scene.tiles.map((t) => t.id));
    expect(stroked).toBe(view.edges.filter((e) => ends.has(e.source) && ends.has(e.target)).length);
    expect(view.edges.some((e) => e.count > 1 && ends.has(e.source) && ends.has(e.target))).toBe(true);
  });

  it("after Collapse all handoffs, the handoffs lane counts its handoffs and says they are in groups", () => {
    const { view, scene } = sceneOf(allPaperGroups(index));
    const lane = scene.lanes.find((l) => l.label === "Handoffs")!;
    expect(view.nodes.filter((n) => n.kind === "handoff")).toHaveLength(papers - view.groups.length);
    expect(lane.count).toBe(papers);
    expect(lane.detail).toContain(`in ${view.groups.length} collapsed groups`);
    // The milestones folded into the papers' groups are no longer counted in their own lane; it
    // says where they went.
    const folded = view.groups.reduce((sum, g) => sum + g.counts.milestone, 0);
    const ms = scene.lanes.find((l) => l.label === "Milestones")!;
    expect(folded).toBeGreaterThan(0);
    expect(ms.count).toBe(milestones - folded);
    expect(ms.detail).toContain(`${folded.toLocaleString("en")} more in collapsed groups`);
  });

  it("a collapsed lane counts as its members, in its own lane", () => {
    const { scene } = sceneOf([laneGroupId("milestone")]);
    const lane = scene.lanes.find((l) => l.label === "Milestones")!;
    expect(lane.count).toBe(milestones);
    expect(lane.detail).toContain(`${milestones} in 1 collapsed group`);
  });

  it("with nothing collapsed, lanes count their nodes and say nothing about groups", () => {
    const counts = laneCounts(map.nodes, [], allById);
    expect(counts.get("handoff")?.count).toBe(papers);
    expect(laneGroupNote(counts.get("handoff"))).toBe("");
    const { scene } = sceneOf([]);
    expect(scene.lanes.find((l) => l.label === "Handoffs")!.count).toBe(papers);
  });
});

describe("fitting a tile's key", () => {
  const measure = (text: string) => text.length * 6;
  it("keeps a key that fits, falls back to the short key, else its leading words, else cuts with an ellipsis", () => {
    const fitLabel = labelFitter(measure);
    expect(fitLabel("FLOOR-12", "#12", 100)).toBe("FLOOR-12");
    expect(fitLabel("FLOOR-12", "#12", 30)).toBe("#12");
    expect(fitLabel("A long paper title", "A long paper title", 60)).toBe("A long");
    const cut = fitLabel("Alongpapertitle", "Alongpapertitle", 60);
    expect(cut.endsWith("…")).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(60);
  });
  it("measures each text once across frames", () => {
    let calls = 0;
    const fitLabel = labelFitter((text) => (calls++, measure(text)));
    fitLabel("A long paper title", "A long paper title", 60);
    const first = calls;
    fitLabel("A long paper title", "A long paper title", 61);
    fitLabel("A long paper title", "A long paper title", 60);
    expect(calls).toBe(first);
  });
});

describe("tile labels at tile zoom", () => {
  const measure = (text: string) => text.length * 7;
  it("shortens to a form that still tells tiles apart, never to 1-4 letters and an ellipsis", () => {
    expect(shortKey({ kind: "milestone", label: "Layout", sublabel: "FLOOR-12" })).toBe("#12");
    expect(shortKey({ kind: "handoff", label: "HouseDiffusion: vector floor plans from a bubble diagram", sublabel: "" })).toBe("HouseDiffusion");
    expect(shortKey({ kind: "handoff", label: "RAG over the archive of papers", sublabel: "" })).toBe("RAG over the");
    expect(shortKey({ kind: "service", label: "layout-service", sublabel: "" })).toBe("layout-service");
    const fitLabel = labelFitter(measure);
    expect(fitLabel("FLOOR-12", "#12", 80)).toBe("FLOOR-12");
    expect(fitLabel("FLOOR-12", "#12", 40)).toBe("#12");
    expect(fitLabel("RAG over the archive", "RAG over the", 60)).toBe("RAG over");
    expect(fitLabel("layout-service", "layout-service", 40)).toBe("");
    expect(fitLabel("layout-service", "layout-service", 56)).toBe("layout-…");
  });
  it("leaves out cut labels two different tiles would share", () => {
    const list = [{ t: { key: "HouseDiffusion: a" }, text: "House…" }, { t: { key: "House-GAN++: b" }, text: "House…" }, { t: { key: "Graph2Plan: c" }, text: "Graph2…" }];
    expect(distinctLabels(list).map((l) => l.text)).toEqual(["Graph2…"]);
  });
});

describe("lane labels zoomed out", () => {
  const measure = (text: string, px: number) => text.length * px * 0.6;
  const lanes: Lane[] = [
    { label: "Handoffs", x: 0, y: 0, width: 400, height: 600, count: 3, detail: "" },
    { label: "Milestones", x: 400, y: 0, width: 1400, height: 600, count: 15, detail: "7 open · 2 blocked · 5 done" },
    { label: "Gateway", x: 1800, y: 0, width: 300, height: 600, count: 1, detail: "" },
    { label: "API", x: 2100, y: 0, width: 300, height: 600, count: 2, detail: "" },
  ];
  it("puts them in one row, in lane order, each inside its lane and above the highest tile", () => {
    const view = { tx: 100, ty: 300, zoom: 0.12, width: 1280, height: 600 };
    const placed = placeLaneLabels(lanes, view, 44, LANE_LABEL_STYLE.dots, measure);
    expect(new Set(placed.map((p) => p.y)).size).toBe(1);
    expect(placed.map((p) => p.lane)).toEqual([...placed.map((p) => p.lane)].sort((a, b) => a - b));
    for (const p of placed) {
      const lane = lanes[p.lane];
      expect(p.x - p.pad).toBeGreaterThanOrEqual(lane.x * view.zoom + view.tx);
      expect(p.x - p.pad + p.w).toBeLessThanOrEqual((lane.x + lane.width) * view.zoom + view.tx);
      expect(p.y + p.h).toBeLessThanOrEqual(44 * view.zoom + view.ty);
    }
    expect(placed.find((p) => p.lane === 1)?.title).toBe("Milestones  15");
    // Narrow lanes abbreviate rather than spill.
    expect(placed.find((p) => p.lane === 2)?.title).toMatch(/^(Gatew\. 1|Gat\. 1|1)$/);
  });
  it("stays at the top of the view when the lanes' top scrolls out", () => {
    const placed = placeLaneLabels(lanes, { tx: 0, ty: -500, zoom: 0.3, width: 1280, height: 600 }, 44, LANE_LABEL_STYLE.tiles, measure);
    expect(placed.every((p) => p.y === 8)).toBe(true);
  });
  it("shows the detail line only where it fits", () => {
    const narrow = placeLaneLabels(lanes, { tx: 0, ty: 300, zoom: 0.1, width: 1280, height: 600 }, 44, LANE_LABEL_STYLE.dots, measure);
    const m = narrow.find((p) => p.lane === 1)!;
    expect(m.detail === "" || measure(m.detail, 11) <= 140).toBe(true);
    expect(laneTitles("Milestones", 15)).toContain("Miles. 15");
  });
  it("puts a narrow lane's name, abbreviated, under its bare count", () => {
    const placed = placeLaneLabels(lanes, { tx: 0, ty: 300, zoom: 0.12, width: 1280, height: 600 }, 44, LANE_LABEL_STYLE.dots, (t, px) => t.length * px * 0.55);
    const gateway = placed.find((p) => p.lane === 2)!;
    expect(gateway.title).toBe("1");
    expect(gateway.detail).toMatch(/^Gat/);
  });
});
