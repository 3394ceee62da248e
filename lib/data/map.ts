// The project map: a project's handoffs, the milestones they were decomposed into, and the
// services implementing those milestones, the services the project runs and every service those
// call, read or publish to, as plain nodes and edges for lib/graph and the map view.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { authorizeProject } from "@/lib/data/access";
import { checklistFraction } from "@/lib/graph/checklist";
import { venueLine } from "@/lib/handoff/paper";
import type { MapEdge, MapNode, MapUsage, ProjectMapData } from "@/lib/graph/types";
import { compareKeys } from "@/lib/sort";
import { SERVICE_LAYER_LABELS } from "@/lib/validation/service";

export type { MapEdge, MapNode, ProjectMapData } from "@/lib/graph/types";

export const LAYER_LABELS = SERVICE_LAYER_LABELS;

/** How far, and to how many services, a project map follows calls, reads and publishes. */
export const MAP_SERVICE_HOPS = 6;
export const MAP_SERVICE_CAP = 300;
/** Service ids per query when following calls (SQLite binds a bounded number of parameters). */
const HOP_SLICE = 500;

const serviceFields = { id: true, name: true, displayName: true, layer: true, lifecycle: true, owner: { select: { name: true } } } as const;
export type ServiceRow = { id: string; name: string; displayName: string | null; layer: string; lifecycle: string; owner: { name: string } | null };
export type CallRow = { id: string; fromId: string; toId: string; kind: "calls" | "reads" | "publishes" };

/**
 * Everything the map draws, in a few round trips after authorization: handoffs, milestones, the
 * three kinds of links, the services the project runs (ProjectService) and the first hop of calls
 * from those and the milestones' services, each with the service it reaches and how many calls
 * that one makes; then one query per further hop, only while a reached service calls on (at most
 * MAP_SERVICE_HOPS, never per service). A service reached
 * through calls, reads or publishes is drawn with its edges and says why it is there.
 * Milestone dependencies point from prerequisite to dependent, so work flows left to right.
 */
export async function getProjectMap(caller: Caller, key: string) {
  const access = await authorizeProject(caller, { key }, "project", "read", { targetType: "project" });
  const projectId = access.project.id;
  // Each call brings the service it reaches, and whether that one calls on (so that a hop to
  // services that call nothing, such as databases, needs no further query).
  const callFields = { id: true, fromId: true, toId: true, kind: true, to: { select: { ...serviceFields, _count: { select: { calls: true } } } } } as const;
  const [handoffs, milestones, dependencies, decompositions, implementations, runs] = await Promise.all([
    db().handoff.findMany({
      where: { projectId },
      select: { id: true, title: true, paperTitle: true, venue: true, year: true, status: true, author: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().milestone.findMany({
      where: { projectId },
      select: { id: true, key: true, title: true, status: true, health: true, dueDate: true, startDate: true, estimateDays: true, completedAt: true, acceptanceCriteria: true, owner: { select: { name: true } } },
    }),
    db().milestoneDependency.findMany({ where: { projectId }, select: { id: true, milestoneId: true, dependsOnId: true } }),
    db().handoffMilestone.findMany({ where: { handoff: { projectId } }, select: { id: true, handoffId: true, milestoneId: true } }),
    db().milestoneService.findMany({ where: { milestone: { projectId } }, select: { id: true, milestoneId: true, service: { select: serviceFields } } }),
    db().projectService.findMany({ where: { projectId }, select: { service: { select: serviceFields } } }),
  ]);
  // The first hop: calls from those services, by id. (A relation filter on the calls, "from a
  // service this project uses or runs", took seconds on a catalog of 1,500 services on SQLite.)
  const callsFrom = async (ids: string[]) => {
    const parts = [];
    for (let i = 0; i < ids.length; i += HOP_SLICE) parts.push(db().serviceDependency.findMany({ where: { fromId: { in: ids.slice(i, i + HOP_SLICE) } }, select: callFields }));
    return (await Promise.all(parts)).flat();
  };
  const firstHop = await callsFrom([...new Set([...implementations.map((i) => i.service.id), ...runs.map((r) => r.service.id)])]);

  // The services on the map and why: linked by a milestone, run by the project, or reached.
  const services = new Map<string, ServiceRow>();
  const reason = new Map<string, string>();
  for (const link of implementations) services.set(link.service.id, link.service);
  for (const run of runs) {
    if (!services.has(run.service.id)) reason.set(run.service.id, "Run by this project");
    services.set(run.service.id, run.service);
  }
  const included = new Set(services.keys());
  const through = new Map<string, string>(); // reached service → the service it was reached through
  const calls = new Map<string, CallRow>();
  const reached = new Map<string, ServiceRow>();
  let hop: (CallRow & { to: ServiceRow & { _count: { calls: number } } })[] = firstHop;
  let pending: string[] = [];
  /** A service reached by a call was left off because the map already had MAP_SERVICE_CAP. */
  let capped = false;
  for (let hops = 1; ; hops++) {
    pending = [];
    // In id order, so that which service a reached one came through does not vary between loads.
    for (const call of hop.sort(byId)) {
      calls.set(call.id, call);
      if (included.has(call.toId)) continue;
      if (included.size >= MAP_SERVICE_CAP) {
        capped = true;
        continue;
      }
      included.add(call.toId);
      reached.set(call.toId, call.to);
      through.set(call.toId, call.fromId);
      if (call.to._count.calls > 0) pending.push(call.toId);
    }
    if (pending.length > 0 && included.size >= MAP_SERVICE_CAP) capped = true;
    if (pending.length === 0 || hops >= MAP_SERVICE_HOPS || included.size >= MAP_SERVICE_CAP) break;
    hop = await callsFrom(pending);
  }
  // The last services reached, if they call on: their calls among the services on the map.
  if (pending.length) {
    const lastHop = await db().serviceDependency.findMany({ where: { fromId: { in: pending }, toId: { in: [...included] } }, select: { id: true, fromId: true, toId: true, kind: true } });
    for (const call of lastHop) calls.set(call.id, call);
  }
  for (const [id, s] of reached) services.set(id, s);
  for (const [id, from] of through) {
    const name = services.get(from)?.name;
    if (name) reason.set(id, `Reached through ${name}`);
  }

  // Natural key order (FLOOR-2 before FLOOR-10) gives the layout a stable, readable start.
  milestones.sort((a, b) => compareKeys(a.key, b.key));
  const projectKey = access.project.key;
  const nodes: MapNode[] = [];
  for (const h of handoffs) {
    nodes.push({
      id: `handoff:${h.id}`,
      kind: "handoff",
      label: h.paperTitle || h.title,
      // "CVPR 2023" already names its year; "NeurIPS" does not.
      sublabel: venueLine(h.venue, h.year),
      status: h.status,
      href: `/projects/${projectKey}/handoffs/${h.id}`,
      ...(h.author ? { owner: h.author.name } : {}),
      ...(h.paperTitle && h.paperTitle !== h.title ? { detail: h.title } : {}),
    });
  }
  for (const m of milestones) {
    const progress = checklistFraction(m.acceptanceCriteria);
    nodes.push({
      id: `milestone:${m.id}`,
      kind: "milestone",
      label: m.title,
      sublabel: m.key,
      status: m.status,
      health: m.health,
      href: `/projects/${projectKey}/milestones/${m.id}`,
      ...(m.owner ? { owner: m.owner.name } : {}),
      ...(m.dueDate ? { dueDate: m.dueDate.toISOString() } : {}),
      // For the plan drawn on the map (critical path, slipping chains, rolled-up status).
      ...(m.estimateDays !== null ? { estimateDays: m.estimateDays } : {}),
      ...(m.startDate ? { startDate: m.startDate.toISOString() } : {}),
      ...(m.completedAt ? { completedAt: m.completedAt.toISOString() } : {}),
      ...(progress ? { progress } : {}),
    });
  }
  const serviceList = [...services.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const s of serviceList) nodes.push(serviceNode(s, reason.get(s.id)));

  const milestoneIds = new Set(milestones.map((m) => m.id));
  const edges: MapEdge[] = [
    ...decompositions
      .filter((d) => milestoneIds.has(d.milestoneId))
      .map((d): MapEdge => ({ id: `decomposed:${d.id}`, source: `handoff:${d.handoffId}`, target: `milestone:${d.milestoneId}`, kind: "decomposed" })),
    ...dependencies.map((d): MapEdge => ({ id: `depends:${d.id}`, source: `milestone:${d.dependsOnId}`, target: `milestone:${d.milestoneId}`, kind: "depends" })),
    ...implementations.map((i): MapEdge => ({ id: `implements:${i.id}`, source: `milestone:${i.milestoneId}`, target: `service:${i.service.id}`, kind: "implements" })),
    ...serviceEdges([...calls.values()], services),
  ];
  const map: ProjectMapData = { nodes, edges };
  return { ...access, ...map, servicesCapped: capped };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A service as a map node (the project map and the services map draw the same card). */
export function serviceNode(s: ServiceRow, reason?: string, usedBy?: MapUsage): MapNode {
  return {
    id: `service:${s.id}`,
    kind: "service",
    label: s.name,
    sublabel: LAYER_LABELS[s.layer] ?? s.layer,
    status: s.lifecycle,
    layer: s.layer,
    href: `/services/${encodeURIComponent(s.name)}`,
    ...(s.owner ? { owner: s.owner.name } : {}),
    ...(s.displayName && s.displayName !== s.name ? { detail: s.displayName } : {}),
    ...(reason ? { reason } : {}),
    ...(usedBy ? { usedBy } : {}),
  };
}

/** Calls, reads and publishes between services both on the map, in a stable order. */
export function serviceEdges(calls: CallRow[], services: ReadonlyMap<string, unknown>): MapEdge[] {
  return calls
    .filter((c) => services.has(c.fromId) && services.has(c.toId))
    .sort(byId)
    .map((c): MapEdge => ({ id: `${c.kind}:${c.id}`, source: `service:${c.fromId}`, target: `service:${c.toId}`, kind: c.kind }));
}
