import { describe, expect, it } from "vitest";
import { neighbourhood, reachable } from "@/lib/graph/reachability";

const edge = (source: string, target: string) => ({ source, target });

// paper → m1 → m2 → svc-a → svc-b ; paper → m3 ; other → m2 ; m4 unrelated
const edges = [
  edge("paper", "m1"),
  edge("m1", "m2"),
  edge("m2", "svc-a"),
  edge("svc-a", "svc-b"),
  edge("paper", "m3"),
  edge("other", "m2"),
  edge("m4", "svc-c"),
];

describe("reachable", () => {
  it("follows edges transitively in either direction", () => {
    expect(reachable("m1", edges, "downstream")).toEqual(new Set(["m2", "svc-a", "svc-b"]));
    expect(reachable("m2", edges, "upstream")).toEqual(new Set(["m1", "paper", "other"]));
    expect(reachable("svc-c", edges, "downstream")).toEqual(new Set());
  });
});

describe("neighbourhood", () => {
  it("collects upstream, downstream and the edges on those paths, and nothing else", () => {
    const focus = neighbourhood("m2", edges);
    expect(focus.upstream).toEqual(new Set(["m1", "paper", "other"]));
    expect(focus.downstream).toEqual(new Set(["svc-a", "svc-b"]));
    // paper → m3 is a sibling branch: not on a path through m2.
    expect([...focus.edges].sort().map((i) => `${edges[i].source}>${edges[i].target}`)).toEqual([
      "paper>m1",
      "m1>m2",
      "m2>svc-a",
      "svc-a>svc-b",
      "other>m2",
    ]);
  });

  it("terminates on cycles and counts cycle members both ways", () => {
    const ring = [edge("a", "b"), edge("b", "c"), edge("c", "a")];
    const focus = neighbourhood("a", ring);
    expect(focus.upstream).toEqual(new Set(["b", "c"]));
    expect(focus.downstream).toEqual(new Set(["b", "c"]));
    expect(focus.edges).toEqual(new Set([0, 1, 2]));
  });
});

describe("neighbourhood within N hops", () => {
  it("keeps only nodes at most N edges away, each way, and the edges among them", () => {
    const one = neighbourhood("m2", edges, 1);
    expect(one.upstream).toEqual(new Set(["m1", "other"]));
    expect(one.downstream).toEqual(new Set(["svc-a"]));
    expect([...one.edges].sort().map((i) => `${edges[i].source}>${edges[i].target}`)).toEqual(["m1>m2", "m2>svc-a", "other>m2"]);

    const two = neighbourhood("m2", edges, 2);
    expect(two.upstream).toEqual(new Set(["m1", "paper", "other"]));
    expect(two.downstream).toEqual(new Set(["svc-a", "svc-b"]));
    expect(two.edges.size).toBe(5);
  });

  it("measures the shortest distance, so a long way round does not hide a near node", () => {
    // a → b → c → d and a shortcut a → d: d is one hop from a.
    const graph = [edge("a", "b"), edge("b", "c"), edge("c", "d"), edge("a", "d")];
    expect(reachable("a", graph, "downstream", 1)).toEqual(new Set(["b", "d"]));
    expect(neighbourhood("a", graph, 1).edges).toEqual(new Set([0, 3]));
  });

  it("with a depth beyond the graph's reach equals the unlimited neighbourhood", () => {
    expect(neighbourhood("m2", edges, 50)).toEqual(neighbourhood("m2", edges));
    expect(neighbourhood("a", [edge("a", "b"), edge("b", "a")], 1).upstream).toEqual(new Set(["b"]));
  });
});
