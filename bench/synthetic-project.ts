// A generated project (lib/graph/synthetic.ts syntheticProjectMap: 10% papers, 60% milestones, 30%
// services, about 2.1 links per node) written into a database by direct Prisma bulk inserts
// (createMany), for the map benchmarks (bench/map-render.seed.ts, bench/map-endpoint.ts). Not the
// lib/data functions: those write one milestone, link and audit event at a time (minutes for
// 5,000 nodes), and what the benchmarks measure is reading and drawing the map, not writing it.
// Every service the generator makes is run by the project (ProjectService), so that the map shows
// all of them (the map follows calls only to MAP_SERVICE_CAP services).
import type { Db } from "../lib/db/client";
import { syntheticProjectMap } from "../lib/graph/synthetic";

const HANDOFF = { draft: "draft", in_review: "in_review", approved: "accepted" } as Record<string, string>;

/** Writes project `key` of `size` nodes owned by `ownerId`; returns the generated map. */
export async function writeSyntheticProject(client: Db, { key, size, ownerId, description }: { key: string; size: number; ownerId: string; description?: string }) {
  const map = syntheticProjectMap({ nodes: size, seed: 11 });
  const project = await client.project.create({ data: { key, name: `Scale ${size.toLocaleString("en")}`, description, memberships: { create: { userId: ownerId, role: "owner" } } } });
  const prefix = key.toLowerCase();
  const local = (id: string) => `${prefix}-${id.slice(id.indexOf(":") + 1)}`;
  const nodes = (kind: string) => map.nodes.filter((n) => n.kind === kind);
  const edges = (...kinds: string[]) => map.edges.filter((e) => kinds.includes(e.kind));
  const chunk = async <T,>(rows: T[], write: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
  };
  await chunk(nodes("handoff"), (part) => client.handoff.createMany({
    data: part.map((h) => ({ id: local(h.id), projectId: project.id, authorId: ownerId, title: h.label, paperTitle: h.label, status: (HANDOFF[h.status] ?? "draft") as "draft", authors: ["A. Researcher"], sections: {}, venue: h.sublabel.split(" ")[0], year: Number(h.sublabel.split(" ")[1]) || null })),
  }));
  await chunk(nodes("milestone"), (part) => client.milestone.createMany({
    data: part.map((m) => ({ id: local(m.id), projectId: project.id, key: `${key}-${m.sublabel.slice(4)}`, title: m.label, status: m.status as "planned", health: (m.health ?? "on_track") as "on_track", ownerId, dueDate: m.dueDate ? new Date(m.dueDate) : null })),
  }));
  await chunk(nodes("service"), (part) => client.service.createMany({
    data: part.map((s) => ({ id: local(s.id), name: `${prefix}-${s.label}`, layer: s.layer as "api", lifecycle: s.status === "active" ? "production" : "deprecated", ownerId })),
  }));
  await chunk(nodes("service"), (part) => client.projectService.createMany({ data: part.map((s) => ({ projectId: project.id, serviceId: local(s.id) })) }));
  await chunk(edges("decomposed"), (part) => client.handoffMilestone.createMany({ data: part.map((e) => ({ handoffId: local(e.source), milestoneId: local(e.target) })) }));
  await chunk(edges("depends"), (part) => client.milestoneDependency.createMany({ data: part.map((e) => ({ projectId: project.id, dependsOnId: local(e.source), milestoneId: local(e.target) })) }));
  await chunk(edges("implements"), (part) => client.milestoneService.createMany({ data: part.map((e) => ({ milestoneId: local(e.source), serviceId: local(e.target) })) }));
  await chunk(edges("calls", "reads", "publishes"), (part) => client.serviceDependency.createMany({ data: part.map((e) => ({ fromId: local(e.source), toId: local(e.target), kind: e.kind as "calls" })) }));
  return map;
}
