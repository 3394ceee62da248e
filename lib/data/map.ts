// The project map: a project's handoffs, the milestones they were decomposed into, and the
// services implementing those milestones, as plain nodes and edges for lib/graph and the map view.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { authorizeProject } from "@/lib/data/access";
import { venueLine } from "@/lib/handoff/paper";
import type { MapEdge, MapNode, ProjectMapData } from "@/lib/graph/types";
import { compareKeys } from "@/lib/sort";

export type { MapEdge, MapNode, ProjectMapData } from "@/lib/graph/types";

const LAYER_LABELS: Record<string, string> = {
  gateway: "Gateway",
  api: "API",
  service: "Service",
  worker: "Worker",
  model: "Model",
  data: "Data",
};

/**
 * Everything the map draws, in two round trips after authorization: handoffs, milestones,
 * the three kinds of links, and the calls among the services those milestones use.
 * Milestone dependencies point from prerequisite to dependent, so work flows left to right.
 */
export async function getProjectMap(caller: Caller, key: string) {
  const access = await authorizeProject(caller, { key }, "project", "read", { targetType: "project" });
  const projectId = access.project.id;
  const usedByProject = { milestones: { some: { milestone: { projectId } } } };
  const [handoffs, milestones, dependencies, decompositions, implementations, serviceCalls] = await Promise.all([
    db().handoff.findMany({
      where: { projectId },
      select: { id: true, title: true, paperTitle: true, venue: true, year: true, status: true, author: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().milestone.findMany({
      where: { projectId },
      select: { id: true, key: true, title: true, status: true, health: true, dueDate: true, owner: { select: { name: true } } },
    }),
    db().milestoneDependency.findMany({ where: { projectId }, select: { id: true, milestoneId: true, dependsOnId: true } }),
    db().handoffMilestone.findMany({ where: { handoff: { projectId } }, select: { id: true, handoffId: true, milestoneId: true } }),
    db().milestoneService.findMany({
      where: { milestone: { projectId } },
      select: {
        id: true,
        milestoneId: true,
        service: { select: { id: true, name: true, displayName: true, layer: true, lifecycle: true, owner: { select: { name: true } } } },
      },
      orderBy: [{ service: { name: "asc" } }],
    }),
    db().serviceDependency.findMany({
      where: { from: usedByProject, to: usedByProject },
      select: { id: true, fromId: true, toId: true, kind: true },
    }),
  ]);

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
    });
  }
  const services = new Map<string, (typeof implementations)[number]["service"]>();
  for (const link of implementations) services.set(link.service.id, link.service);
  for (const s of services.values()) {
    nodes.push({
      id: `service:${s.id}`,
      kind: "service",
      label: s.name,
      sublabel: LAYER_LABELS[s.layer] ?? s.layer,
      status: s.lifecycle,
      layer: s.layer,
      href: `/services/${encodeURIComponent(s.name)}`,
      ...(s.owner ? { owner: s.owner.name } : {}),
      ...(s.displayName && s.displayName !== s.name ? { detail: s.displayName } : {}),
    });
  }

  const milestoneIds = new Set(milestones.map((m) => m.id));
  const edges: MapEdge[] = [
    ...decompositions
      .filter((d) => milestoneIds.has(d.milestoneId))
      .map((d): MapEdge => ({ id: `decomposed:${d.id}`, source: `handoff:${d.handoffId}`, target: `milestone:${d.milestoneId}`, kind: "decomposed" })),
    ...dependencies.map((d): MapEdge => ({ id: `depends:${d.id}`, source: `milestone:${d.dependsOnId}`, target: `milestone:${d.milestoneId}`, kind: "depends" })),
    ...implementations.map((i): MapEdge => ({ id: `implements:${i.id}`, source: `milestone:${i.milestoneId}`, target: `service:${i.service.id}`, kind: "implements" })),
    ...serviceCalls
      .filter((c) => services.has(c.fromId) && services.has(c.toId))
      .map((c): MapEdge => ({ id: `${c.kind}:${c.id}`, source: `service:${c.fromId}`, target: `service:${c.toId}`, kind: c.kind })),
  ];
  const map: ProjectMapData = { nodes, edges };
  return { ...access, ...map };
}
