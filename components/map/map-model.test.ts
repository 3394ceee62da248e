import { describe, expect, it } from "vitest";
import type { MapEdge, MapNode } from "@/lib/graph/types";
import { dependencyOfConnection, dependencyOfEdge, milestoneIdOf, prerequisiteChoices, serviceCycles } from "./map-model";

describe("milestoneIdOf", () => {
  it("reads the id of a milestone node and nothing else", () => {
    expect(milestoneIdOf("milestone:abc")).toBe("abc");
    expect(milestoneIdOf("handoff:abc")).toBeNull();
    expect(milestoneIdOf("service:abc")).toBeNull();
    expect(milestoneIdOf("milestone:")).toBeNull();
    expect(milestoneIdOf(null)).toBeNull();
  });
});

describe("dependencyOfConnection", () => {
  it("a drag from a prerequisite to a dependent: the target waits for the source", () => {
    expect(dependencyOfConnection({ source: "milestone:a", target: "milestone:b" })).toEqual({ milestoneId: "b", dependsOnId: "a" });
  });

  it("refuses a milestone to itself and any end that is not a milestone", () => {
    expect(dependencyOfConnection({ source: "milestone:a", target: "milestone:a" })).toBeNull();
    expect(dependencyOfConnection({ source: "milestone:a", target: "service:s" })).toBeNull();
    expect(dependencyOfConnection({ source: "handoff:h", target: "milestone:a" })).toBeNull();
    expect(dependencyOfConnection({ source: null, target: "milestone:a" })).toBeNull();
  });
});

describe("dependencyOfEdge", () => {
  it("reads dependency edges as drawn (prerequisite → dependent) and ignores other links", () => {
    const depends: MapEdge = { id: "depends:1", source: "milestone:a", target: "milestone:b", kind: "depends" };
    expect(dependencyOfEdge(depends)).toEqual({ milestoneId: "b", dependsOnId: "a" });
    expect(dependencyOfEdge({ ...depends, kind: "implements", target: "service:s" })).toBeNull();
  });
});

describe("prerequisiteChoices", () => {
  it("offers every other milestone the milestone does not wait for already", () => {
    const node = (id: string, kind: "milestone" | "service" = "milestone"): MapNode => ({ id, kind, label: id, sublabel: id, status: "planned", href: "/" });
    const nodes = [node("milestone:a"), node("milestone:b"), node("milestone:c"), node("service:s", "service")];
    const edges: MapEdge[] = [{ id: "depends:1", source: "milestone:b", target: "milestone:a", kind: "depends" }];
    expect(prerequisiteChoices(nodes, edges, "milestone:a").map((n) => n.id)).toEqual(["milestone:c"]);
    // a waits for b: offering a to b would offer a cycle.
    expect(prerequisiteChoices(nodes, edges, "milestone:b").map((n) => n.id)).toEqual(["milestone:c"]);
  });
  it("leaves out every milestone that waits for this one, however far down", () => {
    const node = (id: string): MapNode => ({ id, kind: "milestone", label: id, sublabel: id, status: "planned", href: "/" });
    const nodes = ["a", "b", "c", "d", "e"].map((id) => node(`milestone:${id}`));
    const dep = (source: string, target: string): MapEdge => ({ id: `${source}>${target}`, source: `milestone:${source}`, target: `milestone:${target}`, kind: "depends" });
    const edges = [dep("a", "b"), dep("b", "c"), dep("c", "d")];
    expect(prerequisiteChoices(nodes, edges, "milestone:a").map((n) => n.id)).toEqual(["milestone:e"]);
    expect(prerequisiteChoices(nodes, edges, "milestone:c").map((n) => n.id)).toEqual(["milestone:a", "milestone:e"]);
  });
});

describe("serviceCycles", () => {
  const node = (id: string, kind: MapNode["kind"]): MapNode => ({ id, kind, label: id, sublabel: "", status: "planned", href: "/" });
  const edge = (source: string, target: string, kind: MapEdge["kind"]): MapEdge => ({ id: `${source}>${target}`, source, target, kind });
  it("marks calls, reads and publishes on a cycle among services, never other links", () => {
    const nodes = [node("m1", "milestone"), node("a", "service"), node("b", "service"), node("c", "service")];
    const edges = [edge("m1", "a", "implements"), edge("a", "b", "calls"), edge("b", "a", "publishes"), edge("b", "c", "reads")];
    expect(Array.from(serviceCycles(nodes, edges)!)).toEqual([0, 1, 1, 0]);
    expect(serviceCycles(nodes, edges.slice(0, 2))).toBeNull();
  });
});
