// Runs under tsx for bench/map-render.bench.mjs: writes generated projects shaped like real ones
// (bench/synthetic-project.ts) into the benchmark server's SQLite database, one project per size,
// owned by the demo manager.
// Usage: DATABASE_URL=file:… tsx bench/map-render.seed.ts 2000 5000   → prints {"2000":"SCALE2000",…}
import { closeDb, createDb } from "../lib/db/client";
import { writeSyntheticProject } from "./synthetic-project";

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
      const map = await writeSyntheticProject(client, { key, size, ownerId: owner.id, description: "Generated for the map-render benchmark" });
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
