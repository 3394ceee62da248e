import { describe, expect, it } from "vitest";
import { syntheticProjectMap } from "@/lib/graph/synthetic";

describe("syntheticProjectMap", () => {
  it("is shaped like a real project: 10% papers, 60% milestones, 30% services, about 2 links per node", () => {
    const { nodes, edges } = syntheticProjectMap({ nodes: 2000, seed: 7 });
    const count = (kind: string) => nodes.filter((n) => n.kind === kind).length;
    expect(nodes).toHaveLength(2000);
    expect(count("handoff")).toBe(200);
    expect(count("milestone")).toBe(1200);
    expect(count("service")).toBe(600);
    expect(edges.length / nodes.length).toBeGreaterThan(1.6);
    expect(edges.length / nodes.length).toBeLessThan(2.6);
    const ids = new Set(nodes.map((n) => n.id));
    for (const e of edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.source).not.toBe(e.target);
    }
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });

  it("is deterministic for a seed", () => {
    expect(syntheticProjectMap({ nodes: 300, seed: 3 })).toEqual(syntheticProjectMap({ nodes: 300, seed: 3 }));
  });
});
