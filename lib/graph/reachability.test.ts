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
