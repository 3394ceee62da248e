// Pure helpers behind the map view: node sizes, layout hints, labels and edge styling rules.
// No React here, so the rules can be read (and tested) on their own.
import { statusTone, toneColor, type StatusKind } from "@/components/ui/status";
import { cycleEdges } from "@/lib/graph/cycles";
import type { MapEdge, MapEdgeKind, MapNode, MapNodeKind } from "@/lib/graph/types";

export { NODE_SIZE, layoutNodes } from "@/lib/graph/map-layout";

export const KIND_ORDER: MapNodeKind[] = ["handoff", "milestone", "service"];

export const KIND_LABEL: Record<MapNodeKind, { one: string; many: string }> = {
  handoff: { one: "Handoff", many: "Handoffs" },
  milestone: { one: "Milestone", many: "Milestones" },
  service: { one: "Service", many: "Services" },
};

/** How an edge reads from its source to its target, in a sentence or a list. */
export const EDGE_LABEL: Record<MapEdgeKind, string> = {
  decomposed: "decomposed into",
  depends: "must finish before",
  implements: "implemented by",
  calls: "calls",
  reads: "reads from",
  publishes: "publishes to",
};

export const EDGE_KIND_ORDER: MapEdgeKind[] = ["decomposed", "depends", "implements", "calls", "reads", "publishes"];

const FINISHED = new Set(["done", "cancelled"]);

/**
 * A dependency is holding work up when its prerequisite is unfinished and either end is
 * blocked: drawn red and moving, so a manager sees where the jam is.
 */
export function isBlockingDependency(edge: MapEdge, prerequisite: MapNode | undefined, dependent: MapNode | undefined): boolean {
  if (edge.kind !== "depends" || !prerequisite || !dependent) return false;
  if (FINISHED.has(prerequisite.status)) return false;
  return prerequisite.status === "blocked" || dependent.status === "blocked";
}

/** Stroke colour per edge kind, from the theme's tones (both light and dark follow). */
export const EDGE_TONE: Record<MapEdgeKind, string> = {
  decomposed: "var(--tone-violet-solid)",
  depends: "var(--tone-gray-solid)",
  implements: "var(--tone-teal-solid)",
  calls: "var(--tone-blue-solid)",
  reads: "var(--tone-amber-solid)",
  publishes: "var(--tone-pink-solid)",
};

/** SVG dash pattern per edge kind; solid where absent. */
export const EDGE_DASH: Partial<Record<MapEdgeKind, string>> = {
  implements: "6 4",
  reads: "2 4",
  publishes: "8 3 2 3",
};

/** Which status vocabulary a node's `status` belongs to. */
export const STATUS_KIND: Record<MapNodeKind, StatusKind> = { handoff: "handoff", milestone: "milestone", service: "lifecycle" };

/** Colour of a node's status, following the active theme. */
export function statusColor(node: MapNode): string {
  return toneColor(statusTone(STATUS_KIND[node.kind], node.status));
}

/** The milestone a node stands for ("milestone:ID" → "ID"), or null for a paper or a service. */
export function milestoneIdOf(nodeId: string | null | undefined): string | null {
  const prefix = "milestone:";
  return nodeId?.startsWith(prefix) && nodeId.length > prefix.length ? nodeId.slice(prefix.length) : null;
}

/** A dependency in the data layer's words: `milestoneId` depends on (waits for) `dependsOnId`. */
export type DependencyRef = { milestoneId: string; dependsOnId: string };

/**
 * What a drag on the map means. Dependency arrows run from the prerequisite to the milestone that
 * waits for it, so a drag from one milestone's right-hand handle (source) to another's left-hand
 * one (target) reads the same way: the target waits for the source. Null unless both ends are
 * milestones and differ (the server still refuses duplicates and cycles, naming them).
 */
export function dependencyOfConnection(connection: { source: string | null; target: string | null }): DependencyRef | null {
  const dependsOnId = milestoneIdOf(connection.source);
  const milestoneId = milestoneIdOf(connection.target);
  if (!dependsOnId || !milestoneId || dependsOnId === milestoneId) return null;
  return { milestoneId, dependsOnId };
}

/** The dependency a map edge draws, or null for every other kind of link. */
export function dependencyOfEdge(edge: MapEdge): DependencyRef | null {
  return edge.kind === "depends" ? dependencyOfConnection(edge) : null;
}

/** Milestones the milestone `nodeId` could wait for: every other one it does not wait for already and that does not wait for it. */
export function prerequisiteChoices(nodes: readonly MapNode[], edges: readonly MapEdge[], nodeId: string): MapNode[] {
  const waiting = new Map<string, string[]>(); // prerequisite → the milestones that wait for it
  const already = new Set<string>();
  for (const e of edges) {
    if (e.kind !== "depends") continue;
    const list = waiting.get(e.source);
    if (list) list.push(e.target);
    else waiting.set(e.source, [e.target]);
    if (e.target === nodeId) already.add(e.source);
  }
  // Milestones that wait, directly or not, for this one: choosing one would make a cycle.
  const after = new Set<string>();
  const queue = [nodeId];
  while (queue.length) {
    for (const next of waiting.get(queue.pop()!) ?? []) {
      if (!after.has(next)) {
        after.add(next);
        queue.push(next);
      }
    }
  }
  return nodes.filter((n) => n.kind === "milestone" && n.id !== nodeId && !already.has(n.id) && !after.has(n.id));
}

/** Links among services: the only ones that may form cycles worth marking. */
export const SERVICE_LINKS: ReadonlySet<MapEdgeKind> = new Set(["calls", "reads", "publishes"]);

/** Per edge, whether it is a call, read or publish on a cycle among services; null when none is. */
export function serviceCycles(nodes: readonly MapNode[], edges: readonly MapEdge[]): Uint8Array | null {
  const flags = cycleEdges(nodes, edges.map((e) => (SERVICE_LINKS.has(e.kind) ? e : { source: "", target: "" })));
  return flags.includes(1) ? flags : null;
}
