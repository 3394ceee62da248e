// Runs under tsx for bench/map-render.bench.mjs: writes generated projects shaped like real ones
// (lib/graph/synthetic.ts syntheticProjectMap: 10% papers, 60% milestones, 30% services, about
// 2.1 links per node) into the benchmark server's SQLite database, one project per size, owned
// by the demo manager. Direct Prisma bulk inserts (createMany), not the lib/data functions: those
// write one milestone, link and audit event at a time (minutes for 5,000 nodes), and what is
// measured is the map drawing what the data layer reads, not how it was written.
// Every service the generator makes is run by the project (ProjectService), so that the map shows
// all of them (the map follows calls only to MAP_SERVICE_CAP services).
// Usage: DATABASE_URL=file:… tsx bench/map-render.seed.ts 2000 5000   → prints {"2000":"SCALE2000",…}
import { closeDb, createDb } from "../lib/db/client";
import { syntheticProjectMap } from "../lib/graph/synthetic";

const DEMO_MANAGER = "manager@legible.demo";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const client = createDb(url);
  const keys: Record<string, string> = {};
  try {
    const owner = await client.user.findUniqueOrThrow({ where: { email: DEMO_MANAGER }, select: { id: true } });
    for (const size of process.argv.slice(2).map(Number)) {
      const key = `SCALE${size}`;
      keys[size] = key;
      await client.project.deleteMany({ where: { key } });
      const prefix = key.toLowerCase();
      await client.service.deleteMany({ where: { name: { startsWith: `${prefix}-` } } });
      const map = syntheticProjectMap({ nodes: size, seed: 11 });
      const project = await client.project.create({ data: { key, name: `Scale ${size.toLocaleString("en")}`, description: "Generated for the map-render benchmark", memberships: { create: { userId: owner.id, role: "owner" } } } });
      const local = (id: string) => `${prefix}-${id.slice(id.indexOf(":") + 1)}`;
      const HANDOFF = { draft: "draft", in_review: "in_review", approved: "accepted" } as Record<string, string>;
      const handoffs = map.nodes.filter((n) => n.kind === "handoff");
      const milestones = map.nodes.filter((n) => n.kind === "milestone");
      const services = map.nodes.filter((n) => n.kind === "service");
      const chunk = async <T,>(rows: T[], write: (part: T[]) => Promise<unknown>) => {
        for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
      };
      await chunk(handoffs, (part) => client.handoff.createMany({
        data: part.map((h) => ({ id: local(h.id), projectId: project.id, authorId: owner.id, title: h.label, paperTitle: h.label, status: (HANDOFF[h.status] ?? "draft") as "draft", authors: ["A. Researcher"], sections: {}, venue: h.sublabel.split(" ")[0], year: Number(h.sublabel.split(" ")[1]) || null })),
      }));
      await chunk(milestones, (part) => client.milestone.createMany({
        data: part.map((m) => ({ id: local(m.id), projectId: project.id, key: `${key}-${m.sublabel.slice(4)}`, title: m.label, status: m.status as "planned", health: (m.health ?? "on_track") as "on_track", ownerId: owner.id, dueDate: m.dueDate ? new Date(m.dueDate) : null })),
      }));
      await chunk(services, (part) => client.service.createMany({
        data: part.map((s) => ({ id: local(s.id), name: `${prefix}-${s.label}`, layer: s.layer as "api", lifecycle: s.status === "active" ? "production" : "deprecated", ownerId: owner.id })),
      }));
      await chunk(services, (part) => client.projectService.createMany({ data: part.map((s) => ({ projectId: project.id, serviceId: local(s.id) })) }));
      const of = (kind: string) => map.edges.filter((e) => e.kind === kind);
      await chunk(of("decomposed"), (part) => client.handoffMilestone.createMany({ data: part.map((e) => ({ handoffId: local(e.source), milestoneId: local(e.target) })) }));
      await chunk(of("depends"), (part) => client.milestoneDependency.createMany({ data: part.map((e) => ({ projectId: project.id, dependsOnId: local(e.source), milestoneId: local(e.target) })) }));
      await chunk(of("implements"), (part) => client.milestoneService.createMany({ data: part.map((e) => ({ milestoneId: local(e.source), serviceId: local(e.target) })) }));
      const calls = map.edges.filter((e) => e.kind === "calls" || e.kind === "reads" || e.kind === "publishes");
      await chunk(calls, (part) => client.serviceDependency.createMany({ data: part.map((e) => ({ fromId: local(e.source), toId: local(e.target), kind: e.kind as "calls" })) }));
      console.error(`# seeded ${key}: ${map.nodes.length} nodes, ${map.edges.length} links`);
    }
  } finally {
    await closeDb(client);
  }
  console.log(JSON.stringify(keys));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
