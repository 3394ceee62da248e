// Writes a generated project map (lib/graph/synthetic.ts) into the database named by DATABASE_URL,
// for measuring the map page and endpoint at scale (issue 11: a 2,000-node project has 200 papers,
// 1,200 milestones, 600 services). Not part of the demo.
//   DATABASE_URL=file:./data/x.db npx tsx --tsconfig tsconfig.json scripts/seed-synthetic-map.ts BIG 2000 [member email]
// It writes rows with the database client directly: the project holds more milestones than the
// app lets one project make (LIMITS.milestone.perProject), which is the point of the measurement.
import { createDb, closeDb } from "@/lib/db/client";
import { syntheticProjectMap } from "@/lib/graph/synthetic";

const [key = "BIG", count = "2000", email = "admin@legible.demo"] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL to the database to seed.");
const db = createDb(url);

async function main() {
  const map = syntheticProjectMap({ nodes: Number(count), seed: 1 });
  const tag = key.toLowerCase();
  const id = (nodeId: string) => `${tag}${nodeId.split(":")[1]}`; // "milestone:m12" → "bigm12"
  const project = await db.project.create({ data: { key, name: `Generated ${count}-node project` } });
  const user = await db.user.findUnique({ where: { email } });
  if (user) await db.membership.create({ data: { projectId: project.id, userId: user.id, role: "owner" } });
  const of = (kind: string) => map.nodes.filter((n) => n.kind === kind);
  await db.handoff.createMany({ data: of("handoff").map((n) => ({ id: id(n.id), projectId: project.id, title: n.label, paperTitle: n.label, authors: [], sections: {} })) });
  await db.milestone.createMany({ data: of("milestone").map((n, i) => ({ id: id(n.id), projectId: project.id, key: `${key}-${i + 1}`, title: n.label })) });
  type Layer = "gateway" | "api" | "service" | "worker" | "model" | "data";
  await db.service.createMany({ data: of("service").map((n) => ({ id: id(n.id), name: `${tag}-${n.label}`, layer: n.layer as Layer })) });
  const edges = (kind: string) => map.edges.filter((e) => e.kind === kind);
  await db.handoffMilestone.createMany({ data: edges("decomposed").map((e) => ({ handoffId: id(e.source), milestoneId: id(e.target) })) });
  await db.milestoneDependency.createMany({ data: edges("depends").map((e) => ({ projectId: project.id, milestoneId: id(e.target), dependsOnId: id(e.source) })) });
  await db.milestoneService.createMany({ data: edges("implements").map((e) => ({ milestoneId: id(e.source), serviceId: id(e.target) })) });
  const calls = new Map<string, { fromId: string; toId: string; kind: "calls" | "reads" | "publishes" }>();
  for (const e of map.edges) {
    if (e.kind !== "calls" && e.kind !== "reads" && e.kind !== "publishes") continue;
    calls.set(`${e.source}|${e.target}|${e.kind}`, { fromId: id(e.source), toId: id(e.target), kind: e.kind });
  }
  await db.serviceDependency.createMany({ data: [...calls.values()] });
  console.log(`seeded ${key}: ${map.nodes.length} nodes, ${map.edges.length} edges${user ? `, owner ${email}` : ""}`);
}

main().finally(() => closeDb(db));
