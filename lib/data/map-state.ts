// Reads a project as the map format sees it (lib/import/map-state.ts's MapState): its milestones
// with their dependencies and links, its handoffs (as references), its services with everything
// they depend on, and the catalog entries and accounts a file names. A handful of queries, run on
// the client given: the database, or the import's transaction (so the plan it applies is the plan
// of what the transaction sees). No authorization here: lib/data/map-code.ts checks first.
import type { Tx } from "@/lib/db/client";
import { inChunks } from "@/lib/data/map-write";
import { dayOf, normalRuntime, type MapState, type ServiceState } from "@/lib/import/map-state";

/** The extra names a file brings: services, dependency targets and owners' emails. */
export type MapNames = { services: string[]; emails: string[] };

const SERVICE_SELECT = {
  id: true,
  name: true,
  displayName: true,
  description: true,
  layer: true,
  lifecycle: true,
  owner: { select: { email: true } },
  repositoryPath: true,
  image: true,
  runtime: true,
  calls: { select: { kind: true, description: true, to: { select: { name: true } } } },
  interfaces: { select: { name: true } },
} as const;

/** Catalog services by name, and every service they depend on, directly or not. */
async function loadServices(client: Tx, names: string[]): Promise<ServiceState[]> {
  const found = new Map<string, ServiceState>();
  let wanted = [...new Set(names)];
  // One query per step of the dependency chain: a handful for any real catalog.
  for (let round = 0; wanted.length && round < 50; round++) {
    const rows = (await Promise.all(inChunks(wanted).map((part) => client.service.findMany({ where: { name: { in: part } }, select: SERVICE_SELECT })))).flat();
    for (const s of rows) {
      found.set(s.name, {
        id: s.id,
        name: s.name,
        displayName: s.displayName,
        description: s.description,
        layer: s.layer,
        lifecycle: s.lifecycle,
        owner: s.owner?.email ?? null,
        repositoryPath: s.repositoryPath,
        image: s.image,
        runtime: normalRuntime(s.runtime),
        dependencies: s.calls.map((d) => ({ to: d.to.name, kind: d.kind, description: d.description })),
        interfaces: s.interfaces.map((i) => i.name),
      });
    }
    wanted = [...new Set(rows.flatMap((s) => s.calls.map((d) => d.to.name)))].filter((n) => !found.has(n));
  }
  return [...found.values()];
}

/** The project (by key) as a MapState; `project` is null when no project has the key. */
export async function loadMapState(client: Tx, key: string, extra: MapNames = { services: [], emails: [] }): Promise<MapState> {
  const project = await client.project.findUnique({ where: { key }, select: { id: true, key: true, name: true, description: true } });
  const users = extra.emails.length
    ? (await Promise.all(inChunks([...new Set(extra.emails)]).map((part) => client.user.findMany({ where: { email: { in: part } }, select: { id: true, email: true, disabledAt: true } }))))
        .flat()
        .map((u) => ({ id: u.id, email: u.email, active: !u.disabledAt }))
    : [];
  if (!project) return { project: null, memberEmails: [], handoffs: [], milestones: [], services: await loadServices(client, extra.services), runs: [], users };
  const [members, handoffs, milestones, runs] = await Promise.all([
    client.membership.findMany({ where: { projectId: project.id, user: { disabledAt: null } }, select: { user: { select: { email: true } } } }),
    client.handoff.findMany({ where: { projectId: project.id }, select: { id: true, title: true, paperTitle: true } }),
    client.milestone.findMany({
      where: { projectId: project.id },
      select: {
        id: true,
        key: true,
        title: true,
        description: true,
        acceptanceCriteria: true,
        owner: { select: { email: true } },
        status: true,
        health: true,
        startDate: true,
        dueDate: true,
        estimateDays: true,
        dependsOn: { select: { dependsOn: { select: { key: true } } } },
        handoffs: { select: { handoffId: true } },
        services: { select: { service: { select: { name: true } } } },
      },
    }),
    client.projectService.findMany({ where: { projectId: project.id }, select: { service: { select: { name: true } } } }),
  ]);
  const runNames = runs.map((r) => r.service.name);
  const linked = milestones.flatMap((m) => m.services.map((s) => s.service.name));
  return {
    project,
    memberEmails: members.map((m) => m.user.email),
    handoffs,
    milestones: milestones.map((m) => ({
      id: m.id,
      key: m.key,
      title: m.title,
      description: m.description,
      acceptanceCriteria: m.acceptanceCriteria,
      owner: m.owner?.email ?? null,
      status: m.status,
      health: m.health,
      startDate: dayOf(m.startDate),
      dueDate: dayOf(m.dueDate),
      estimateDays: m.estimateDays,
      dependsOn: m.dependsOn.map((d) => d.dependsOn.key),
      handoffIds: m.handoffs.map((h) => h.handoffId),
      implementedBy: m.services.map((s) => s.service.name),
    })),
    services: await loadServices(client, [...runNames, ...linked, ...extra.services]),
    runs: runNames,
    users,
  };
}
