// Arranging a project map: nodes someone dragged stay where they were left, for the whole team,
// until they are unpinned or "Re-layout" drops every pin. Pins are drawn over the computed
// layout; a pin whose node has left the map is ignored and pruned. Arranging is the map
// "arrange" cell of the permission matrix (the roles that plan milestones).
import type { Caller } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { authorizeProject } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { getProjectMap } from "@/lib/data/map";
import { cachedLayout, canonicalEdges, graphVersion } from "@/lib/data/map-layout-cache";
import { ConflictError, NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import type { MapLayout } from "@/lib/graph/map-layout";
import { PIN_MARGIN, pinBounds } from "@/lib/graph/map-pins";
import type { MapNode } from "@/lib/graph/types";
import { MAP_PIN_LABELS as L } from "@/lib/validation/labels";
import { LIMITS, formatCount } from "@/lib/validation/limits";
import { mapPinPathSchema, setMapPinsSchema } from "@/lib/validation/map-pins";

/** A pin as the map endpoint and the pin routes return it. */
export type MapPinView = { node: string; x: number; y: number; by: string | null; at: string };

const pinFields = { nodeId: true, x: true, y: true, pinnedAt: true, pinnedBy: { select: { name: true } } } as const;
type PinRow = { nodeId: string; x: number; y: number; pinnedAt: Date; pinnedBy: { name: string } | null };
const view = (p: PinRow): MapPinView => ({ node: p.nodeId, x: p.x, y: p.y, by: p.pinnedBy?.name ?? null, at: p.pinnedAt.toISOString() });

const PRUNE_SLICE = 500;

const authorizeArrange = (caller: Caller, key: string) => authorizeProject(caller, { key }, "map", "arrange", { targetType: "project" });

/**
 * The project's pins for the nodes on its map now, for a caller already authorized to read it.
 * Pins of nodes that left the map (a milestone deleted, a service no longer reached) are left
 * out and deleted: they could never apply again, as node ids are never reused.
 */
export async function currentPins(projectId: string, nodes: readonly MapNode[]): Promise<MapPinView[]> {
  const pins = await db().mapPin.findMany({ where: { projectId }, select: { id: true, ...pinFields }, orderBy: { nodeId: "asc" } });
  if (pins.length === 0) return [];
  const onMap = new Set(nodes.map((n) => n.id));
  const stale = pins.filter((p) => !onMap.has(p.nodeId)).map((p) => p.id);
  // In slices: SQLite takes a bounded number of parameters per statement.
  for (let i = 0; i < stale.length; i += PRUNE_SLICE) await db().mapPin.deleteMany({ where: { projectId, id: { in: stale.slice(i, i + PRUNE_SLICE) } } });
  return pins.filter((p) => onMap.has(p.nodeId)).map(view);
}

/**
 * Pins nodes where they were dropped: `{ pins: [{ node, x, y }] }`, each replacing that node's pin.
 * Refused: a node not on this project's map (422, named), a position beyond the layout's extent
 * plus PIN_MARGIN (422, naming the field and the range), more than LIMITS.map.pinsPerProject
 * pins in all (409). Returns every pin of the project after the change.
 */
export async function setMapPins(caller: Caller, key: string, input: unknown): Promise<{ pins: MapPinView[] }> {
  const { actor, project } = await authorizeArrange(caller, key);
  const { pins } = parseInput(setMapPinsSchema, input);
  const map = await getProjectMap(actor, key);
  const onMap = new Set(map.nodes.map((n) => n.id));
  const missing = pins.findIndex((p) => !onMap.has(p.node));
  if (missing >= 0) {
    const node = pins[missing].node;
    throw new ValidationError(`${L.node} ${node} is not on the map of ${project.name}; pin only nodes the map shows.`, { [`pins.${missing}.node`]: [`is not on the map of ${project.name}`] });
  }
  // Within the layout's extent plus PIN_MARGIN: one far-off pin would make "Show all" zoom out to nothing for everyone.
  const edges = canonicalEdges(map.edges);
  const layout = JSON.parse(await cachedLayout(`project:${project.id}`, graphVersion(map.nodes, edges), map.nodes, edges)) as MapLayout;
  const bounds = pinBounds(layout);
  for (const [i, pin] of pins.entries()) {
    for (const [axis, min, max] of [["x", bounds.minX, bounds.maxX], ["y", bounds.minY, bounds.maxY]] as const) {
      if (pin[axis] >= min && pin[axis] <= max) continue;
      const range = `between ${formatCount(min)} and ${formatCount(max)}`;
      throw new ValidationError(`${L[axis]} must be ${range} on the map of ${project.name} (its layout's extent and ${formatCount(PIN_MARGIN)} px around it); ${pin.node} is at ${pin[axis].toLocaleString("en-US", { maximumFractionDigits: 6 })}.`, {
        [`pins.${i}.${axis}`]: [`must be ${range} on this map`],
      });
    }
  }
  // The last position given for a node wins, as if each had been dropped in turn.
  const byNode = new Map(pins.map((p) => [p.node, p]));
  return db().$transaction(async (tx) => {
    const existing = new Set((await tx.mapPin.findMany({ where: { projectId: project.id }, select: { nodeId: true } })).map((p) => p.nodeId));
    const added = [...byNode.keys()].filter((n) => !existing.has(n)).length;
    if (existing.size + added > LIMITS.map.pinsPerProject) {
      throw new ConflictError(`${project.name}'s map can have at most ${formatCount(LIMITS.map.pinsPerProject)} pinned nodes; it has ${formatCount(existing.size)}. Unpin some, or re-layout, first.`);
    }
    for (const pin of byNode.values()) {
      const data = { x: pin.x, y: pin.y, pinnedById: actor.id, pinnedAt: new Date() };
      await tx.mapPin.upsert({ where: { projectId_nodeId: { projectId: project.id, nodeId: pin.node } }, create: { projectId: project.id, nodeId: pin.node, ...data }, update: data });
    }
    const nodes = [...byNode.keys()];
    await auditWrite(tx, actor, { action: "map.pins.set", targetType: "project", targetId: project.key, projectId: project.id, details: { count: nodes.length, nodes: nodes.slice(0, 20) } });
    return { pins: (await tx.mapPin.findMany({ where: { projectId: project.id }, select: pinFields, orderBy: { nodeId: "asc" } })).map(view) };
  });
}

/** Unpins one node; 404 when it is not pinned. */
export async function removeMapPin(caller: Caller, key: string, nodeId: string): Promise<{ node: string }> {
  const { actor, project } = await authorizeArrange(caller, key);
  // Parsed under its documented name, so that an error names the path parameter {node}.
  const { node } = parseInput(mapPinPathSchema, { node: nodeId });
  return db().$transaction(async (tx) => {
    const { count } = await tx.mapPin.deleteMany({ where: { projectId: project.id, nodeId: node } });
    if (count === 0) throw new NotFoundError("Pin");
    await auditWrite(tx, actor, { action: "map.pin.remove", targetType: "project", targetId: project.key, projectId: project.id, details: { node } });
    return { node };
  });
}

/** Re-layout: drops every pin of the project, so the map shows the computed layout again. */
export async function clearMapPins(caller: Caller, key: string): Promise<{ removed: number }> {
  const { actor, project } = await authorizeArrange(caller, key);
  return db().$transaction(async (tx) => {
    const { count } = await tx.mapPin.deleteMany({ where: { projectId: project.id } });
    await auditWrite(tx, actor, { action: "map.pins.clear", targetType: "project", targetId: project.key, projectId: project.id, details: { removed: count } });
    return { removed: count };
  });
}
