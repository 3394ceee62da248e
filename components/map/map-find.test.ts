import { describe, expect, it } from "vitest";
import { syntheticProjectMap } from "@/lib/graph/synthetic";
import type { MapNode } from "@/lib/graph/types";
import { buildSearchIndex, facetsOf, filterChipLabel, makeNodeFilter, NO_FILTERS, readingOrder, searchIndex } from "./map-find";

const node = (id: string, kind: MapNode["kind"], label: string, extra: Partial<MapNode> = {}): MapNode => ({ id, kind, label, sublabel: "", status: "draft", href: `/${id}`, ...extra });

const nodes: MapNode[] = [
  node("handoff:1", "handoff", "Graph Transformers for Floor Plans", { sublabel: "NeurIPS 2024", status: "approved", owner: "Rosa Diaz" }),
  node("milestone:1", "milestone", "Train the layout model", { sublabel: "FLOOR-3", status: "blocked", owner: "Ada Lin" }),
  node("milestone:2", "milestone", "Serve layouts", { sublabel: "FLOOR-4", status: "in_progress" }),
  node("service:1", "service", "layout-api", { sublabel: "API", status: "production", layer: "api", owner: "Ada Lin" }),
  node("service:2", "service", "postgres", { sublabel: "Data", status: "production", layer: "data" }),
];

describe("search", () => {
  const index = buildSearchIndex(nodes);
  it("matches label, sublabel, owner and layer, case-insensitively, every word", () => {
    expect(searchIndex(index, "LAYOUT")).toEqual(["milestone:1", "milestone:2", "service:1"]);
    expect(searchIndex(index, "floor-3")).toEqual(["milestone:1"]);
    expect(searchIndex(index, "ada")).toEqual(["milestone:1", "service:1"]);
    expect(searchIndex(index, "data")).toEqual(["service:2"]);
    expect(searchIndex(index, "layout ada api")).toEqual(["service:1"]);
    expect(searchIndex(index, "neurips")).toEqual(["handoff:1"]);
  });
  it("ignores accents either way: tomas finds Tomás, and Tomás finds Tomas", () => {
    const accented = buildSearchIndex([node("milestone:9", "milestone", "Étude", { owner: "Tomás Herrera" }), node("milestone:8", "milestone", "Plain", { owner: "Tomas Ortiz" })]);
    expect(searchIndex(accented, "tomas")).toEqual(["milestone:9", "milestone:8"]);
    expect(searchIndex(accented, "Tomás")).toEqual(["milestone:9", "milestone:8"]);
    expect(searchIndex(accented, "etude herrera")).toEqual(["milestone:9"]);
  });
  it("matches nothing for a blank query, and only what `include` accepts", () => {
    expect(searchIndex(index, "   ")).toEqual([]);
    expect(searchIndex(index, "layout", (id) => id.startsWith("service:"))).toEqual(["service:1"]);
  });
  it("orders matches column by column, top to bottom", () => {
    const at: Record<string, { x: number; y: number }> = { a: { x: 300, y: 0 }, b: { x: 0, y: 50 }, c: { x: 0, y: 10 } };
    expect(readingOrder(["a", "b", "c"], (id) => at[id])).toEqual(["c", "b", "a"]);
  });
  it("searches 5,000 nodes from a prebuilt index", () => {
    const big = syntheticProjectMap({ nodes: 5000, seed: 7 }).nodes;
    const bigIndex = buildSearchIndex(big);
    const target = big[4321];
    expect(searchIndex(bigIndex, target.label)).toContain(target.id);
  });
});

describe("search over collapsed groups", () => {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // The paper's subtree folded into one card: only services stay drawn.
  const drawn = nodes.filter((n) => n.kind === "service");
  const groups = [{ id: "paper:handoff:1", title: "Graph Transformers for Floor Plans", members: ["handoff:1", "milestone:1", "milestone:2"] }];
  const index = buildSearchIndex(drawn, groups, byId);
  it("matches a group by its title", () => {
    expect(searchIndex(index, "transformers")).toEqual(["paper:handoff:1"]);
  });
  it("matches a group by a member's title, key or owner, landing on the group", () => {
    expect(searchIndex(index, "serve layouts")).toEqual(["paper:handoff:1"]);
    expect(searchIndex(index, "floor-3")).toEqual(["paper:handoff:1"]);
    expect(searchIndex(index, "layout")).toEqual(["service:1", "paper:handoff:1"]);
  });
  it("finds nothing of a member that is no longer folded", () => {
    expect(searchIndex(buildSearchIndex(drawn, [], byId), "serve layouts")).toEqual([]);
  });
});

describe("filters", () => {
  const ids = (keep: (n: MapNode) => boolean) => nodes.filter(keep).map((n) => n.id);
  it("passes everything with no filters", () => {
    expect(ids(makeNodeFilter(NO_FILTERS))).toHaveLength(nodes.length);
  });
  it("hides kinds switched off", () => {
    expect(ids(makeNodeFilter({ ...NO_FILTERS, hiddenKinds: ["service", "handoff"] }))).toEqual(["milestone:1", "milestone:2"]);
  });
  it("narrows only the kind a chosen status belongs to", () => {
    expect(ids(makeNodeFilter({ ...NO_FILTERS, statuses: ["milestone.blocked"] }))).toEqual(["handoff:1", "milestone:1", "service:1", "service:2"]);
  });
  it("narrows every kind by owner, with the empty string for no owner", () => {
    expect(ids(makeNodeFilter({ ...NO_FILTERS, owners: ["Ada Lin"] }))).toEqual(["milestone:1", "service:1"]);
    expect(ids(makeNodeFilter({ ...NO_FILTERS, owners: [""] }))).toEqual(["milestone:2", "service:2"]);
  });
  it("narrows services by layer", () => {
    expect(ids(makeNodeFilter({ ...NO_FILTERS, layers: ["data"] }))).toEqual(["handoff:1", "milestone:1", "milestone:2", "service:2"]);
  });
  it("offers each facet's values with counts, and labels chips", () => {
    const facets = facetsOf(nodes);
    expect(facets.statuses.map((s) => s.kind)).toEqual(["handoff", "milestone", "service"]);
    expect(facets.statuses[2].options).toEqual([{ value: "service.production", label: "Production", count: 2 }]);
    expect(facets.owners.map((o) => [o.label, o.count])).toEqual([["Ada Lin", 2], ["Rosa Diaz", 1], ["No owner", 2]]);
    expect(facets.layers.map((o) => o.label)).toEqual(["API", "Data"]);
    expect(filterChipLabel("statuses", "milestone.blocked", facets)).toBe("Milestone: Blocked");
    expect(filterChipLabel("owners", "Ada Lin", facets)).toBe("Owner: Ada Lin");
    expect(filterChipLabel("layers", "api", facets)).toBe("Layer: API");
  });
});
