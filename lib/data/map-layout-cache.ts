// Layouts computed once per graph version and kept in the database (MapLayout), so that
// reopening a map lays nothing out, a change lays out once, and every app instance shares the
// result across restarts. A version hashes exactly what lib/graph/map-layout's layoutMap reads:
// node ids, kinds and layers in the order given, the edges' ends and kinds in a canonical order,
// the lanes, and a fingerprint of the layout code itself (so a new layout algorithm never serves
// positions the old one computed).
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { layoutMap, type MapLayout } from "@/lib/graph/map-layout";
import { syntheticProjectMap } from "@/lib/graph/synthetic";
import type { MapEdge, MapEdgeKind, MapNode } from "@/lib/graph/types";
import { LIMITS } from "@/lib/validation/limits";

const EDGE_KIND_RANK: Record<MapEdgeKind, number> = { decomposed: 0, depends: 1, implements: 2, calls: 3, reads: 4, publishes: 5 };

/**
 * Edges in the order the layout receives them (and the map endpoint sends them, since a long
 * edge's route names its edge by index): by kind, then ends, then id. The database returns links
 * in no fixed order; this makes the same graph the same input.
 */
export function canonicalEdges(edges: readonly MapEdge[]): MapEdge[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...edges].sort((a, b) => EDGE_KIND_RANK[a.kind] - EDGE_KIND_RANK[b.kind] || cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.id, b.id));
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

let fingerprint: string | undefined;
/**
 * What the layout code does, as a hash of its output on a fixed sample (with and without lanes):
 * computed once per process, a few milliseconds. Any change to lib/graph's layout that moves a
 * node changes it, and with it every version.
 */
export function layoutFingerprint(): string {
  if (fingerprint) return fingerprint;
  const sample = syntheticProjectMap({ nodes: 60, seed: 11 });
  const plain = layoutMap(sample.nodes, sample.edges);
  const services = sample.nodes.filter((n) => n.kind === "service");
  const ids = new Set(services.map((s) => s.id));
  const laned = layoutMap(services, sample.edges.filter((e) => ids.has(e.source) && ids.has(e.target)), { lanes: ["gateway", "api", "service", "worker", "model", "data"] });
  return (fingerprint = sha(JSON.stringify([plain, laned])).slice(0, 16));
}

/** The graph version: a hash of exactly what the layout depends on. `edges` must be canonical. */
export function graphVersion(nodes: readonly MapNode[], edges: readonly MapEdge[], lanes?: readonly string[]): string {
  const input = JSON.stringify([
    layoutFingerprint(),
    lanes ?? null,
    nodes.map((n) => [n.id, n.kind, n.layer ?? ""]),
    edges.map((e) => [e.source, e.target, e.kind]),
  ]);
  return sha(input).slice(0, 32);
}

/** Layouts computed by this process: the integration tests read it to prove a reopen lays nothing out. */
export const layoutRuns = { count: 0 };

/**
 * The layout of this graph version as JSON text (stored as computed; the map endpoint embeds it
 * without parsing). Computed and stored when the version is new, pruning the scope's older
 * versions past LIMITS.map.layoutVersions. Two instances computing the same new version at once
 * store it once (the unique key); both answers are the same layout.
 */
export async function cachedLayout(scope: string, version: string, nodes: readonly MapNode[], edges: readonly MapEdge[], lanes?: readonly string[]): Promise<string> {
  const stored = await db().mapLayout.findUnique({ where: { scope_version: { scope, version } }, select: { layout: true } });
  if (stored) return stored.layout;
  layoutRuns.count++;
  const layout: MapLayout = layoutMap(nodes, edges, lanes ? { lanes } : {});
  const text = JSON.stringify(layout);
  try {
    await db().mapLayout.create({ data: { scope, version, layout: text } });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    return text; // another request stored this version first
  }
  const old = await db().mapLayout.findMany({ where: { scope }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: LIMITS.map.layoutVersions, select: { id: true } });
  if (old.length) await db().mapLayout.deleteMany({ where: { id: { in: old.map((o) => o.id) } } });
  return text;
}
