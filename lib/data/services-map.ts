// The organisation-wide services map: every service in the catalog (also those no milestone
// uses) with its calls, reads and publishes, and for each one the projects and papers using it.
// Any member reads the catalog (lib/auth/permissions.ts); the usage lists come only from projects
// the caller can see (admins: all), so the map tells nobody about work in projects they are not in.
import { db } from "@/lib/db/client";
import type { Actor, Caller } from "@/lib/auth/actor";
import { authorizeInstance } from "@/lib/data/access";
import { serviceEdges, serviceNode } from "@/lib/data/map";
import type { MapUsage, ProjectMapData } from "@/lib/graph/types";

/** The projects a caller can see, as a Prisma filter on a project relation. */
const visibleProject = (actor: Actor) => (actor.isAdmin ? {} : { memberships: { some: { userId: actor.id } } });

/** Four queries, whatever the size of the catalog: services, their edges, and the two kinds of use. */
export async function getServicesMap(caller: Caller): Promise<ProjectMapData & { actor: Actor }> {
  const actor = await authorizeInstance(caller, "service", "read", { targetType: "service" });
  const project = { select: { key: true, name: true } } as const;
  const [services, calls, links, runs] = await Promise.all([
    db().service.findMany({
      select: { id: true, name: true, displayName: true, layer: true, lifecycle: true, owner: { select: { name: true } } },
      orderBy: { name: "asc" },
    }),
    db().serviceDependency.findMany({ select: { id: true, fromId: true, toId: true, kind: true } }),
    db().milestoneService.findMany({
      where: { milestone: { project: visibleProject(actor) } },
      select: {
        serviceId: true,
        milestone: { select: { project, handoffs: { select: { handoff: { select: { id: true, title: true, paperTitle: true } } } } } },
      },
    }),
    db().projectService.findMany({ where: { project: visibleProject(actor) }, select: { serviceId: true, project } }),
  ]);

  const usage = new Map<string, { projects: Map<string, MapUsage["projects"][number]>; papers: Map<string, MapUsage["papers"][number]> }>();
  const usageOf = (serviceId: string) => {
    let u = usage.get(serviceId);
    if (!u) usage.set(serviceId, (u = { projects: new Map(), papers: new Map() }));
    return u;
  };
  const addProject = (serviceId: string, p: { key: string; name: string }) => usageOf(serviceId).projects.set(p.key, { key: p.key, name: p.name, href: `/projects/${p.key}/map` });
  for (const link of links) {
    const p = link.milestone.project;
    addProject(link.serviceId, p);
    for (const { handoff } of link.milestone.handoffs) {
      usageOf(link.serviceId).papers.set(handoff.id, { id: handoff.id, label: handoff.paperTitle || handoff.title, href: `/projects/${p.key}/handoffs/${handoff.id}` });
    }
  }
  for (const run of runs) addProject(run.serviceId, run.project);

  const byName = <T extends { name?: string; label?: string }>(a: T, b: T) => (a.name ?? a.label ?? "").localeCompare(b.name ?? b.label ?? "", "en");
  const nodes = services.map((s) => {
    const u = usage.get(s.id);
    return serviceNode(s, undefined, { projects: u ? [...u.projects.values()].sort(byName) : [], papers: u ? [...u.papers.values()].sort(byName) : [] });
  });
  const ids = new Map(services.map((s) => [s.id, s]));
  return { actor, nodes, edges: serviceEdges(calls, ids) };
}
