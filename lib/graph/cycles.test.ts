import { describe, expect, it } from "vitest";
import { backEdges, createsCycle, cycleEdges, cycleThrough, findCycle } from "@/lib/graph/cycles";

const nodes = (...ids: string[]) => ids.map((id) => ({ id }));
const edge = (source: string, target: string) => ({ source, target });

/** A cycle is valid when each member has an edge to the next, and the last back to the first. */
function expectIsCycle(cycle: string[] | null, edges: { source: string; target: string }[]) {
  expect(cycle).not.toBeNull();
  const has = new Set(edges.map((e) => `${e.source}>${e.target}`));
  cycle!.forEach((id, i) => expect(has.has(`${id}>${cycle![(i + 1) % cycle!.length]}`)).toBe(true));
  expect(new Set(cycle).size).toBe(cycle!.length);
}

describe("findCycle", () => {
  it("returns null for a DAG, including diamonds and disconnected parts", () => {
    const edges = [edge("a", "b"), edge("a", "c"), edge("b", "d"), edge("c", "d"), edge("x", "y")];
    expect(findCycle(nodes("a", "b", "c", "d", "x", "y"), edges)).toBeNull();
    expect(findCycle([], [])).toBeNull();
  });

  it("reports the members of a cycle in edge order", () => {
    const edges = [edge("start", "a"), edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "end")];
    const cycle = findCycle(nodes("start", "a", "b", "c", "end"), edges);
    expect(cycle).toEqual(["a", "b", "c"]);
    expectIsCycle(cycle, edges);
  });

  it("finds a cycle with no source to start from, and a self-loop", () => {
    const ring = [edge("x", "y"), edge("y", "z"), edge("z", "x")];
    expectIsCycle(findCycle(nodes("x", "y", "z"), ring), ring);
    expect(findCycle(nodes("solo"), [edge("solo", "solo")])).toEqual(["solo"]);
  });

  it("ignores edges naming unknown nodes", () => {
    expect(findCycle(nodes("a"), [edge("a", "ghost"), edge("ghost", "a")])).toBeNull();
  });

  it("walks a 10,000-node chain without recursion", () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `m${i}`);
    const edges = ids.slice(1).map((id, i) => edge(ids[i], id));
    expect(findCycle(nodes(...ids), edges)).toBeNull();
    edges.push(edge("m9999", "m0"));
    expect(findCycle(nodes(...ids), edges)).toHaveLength(10_000);
  });
});

describe("backEdges", () => {
  it("flags just enough edges that reversing them leaves a DAG", () => {
    // a→b→c→a and b→a: two cycles sharing a→b.
    const from = [0, 1, 2, 1];
    const to = [1, 2, 0, 0];
    const back = backEdges(3, from, to);
    const reversed = from.map((f, e) => (back[e] ? edge(String(to[e]), String(f)) : edge(String(f), String(to[e]))));
    expect(findCycle(nodes("0", "1", "2"), reversed)).toBeNull();
    expect(Array.from(back)).toEqual([0, 0, 1, 1]);
  });
});

describe("createsCycle", () => {
  const deps = [edge("a", "b"), edge("b", "c")];
  it("refuses an edge that closes a loop, including a self-loop", () => {
    expect(createsCycle(deps, edge("c", "a"))).toBe(true);
    expect(createsCycle(deps, edge("b", "b"))).toBe(true);
  });
  it("allows an edge that keeps the graph acyclic", () => {
    expect(createsCycle(deps, edge("a", "c"))).toBe(false);
    expect(createsCycle(deps, edge("d", "a"))).toBe(false);
  });
});

describe("cycleThrough", () => {
  const e = (source: string, target: string) => ({ source, target });
  it("names the shortest cycle through the node, starting with it", () => {
    const edges = [e("a", "b"), e("b", "c"), e("c", "a"), e("b", "a"), e("c", "d")];
    expect(cycleThrough("a", edges)).toEqual(["a", "b"]);
    expect(cycleThrough("c", edges)).toEqual(["c", "a", "b"]);
  });
  it("is null when no cycle passes through the node, even if others exist", () => {
    expect(cycleThrough("x", [e("x", "a"), e("a", "b"), e("b", "a")])).toBeNull();
    expect(cycleThrough("a", [])).toBeNull();
  });
  it("treats a self-loop as a cycle of one", () => {
    expect(cycleThrough("a", [e("a", "a")])).toEqual(["a"]);
  });
});

describe("cycleEdges", () => {
  const ids = (...names: string[]) => names.map((id) => ({ id }));
  it("flags exactly the edges within a strongly connected component, and self-loops", () => {
    const edges = [
      { source: "a", target: "b" },
      { source: "b", target: "c" },
      { source: "c", target: "a" },
      { source: "c", target: "d" },
      { source: "d", target: "d" },
      { source: "e", target: "a" },
      { source: "a", target: "nowhere" },
    ];
    expect(Array.from(cycleEdges(ids("a", "b", "c", "d", "e"), edges))).toEqual([1, 1, 1, 0, 1, 0, 0]);
  });
  it("flags nothing in a DAG, and survives a long chain closed into a ring", () => {
    expect(Array.from(cycleEdges(ids("a", "b", "c"), [{ source: "a", target: "b" }, { source: "a", target: "c" }, { source: "b", target: "c" }]))).toEqual([0, 0, 0]);
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}` }));
    const edges = nodes.map((_, i) => ({ source: `n${i}`, target: `n${(i + 1) % n}` }));
    expect(cycleEdges(nodes, edges).every((f) => f === 1)).toBe(true);
    edges.pop();
    expect(cycleEdges(nodes, edges).some((f) => f === 1)).toBe(false);
  });
});
