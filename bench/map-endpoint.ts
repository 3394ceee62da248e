// Runs under tsx (with the react-server condition, so lib/api/map-response.ts loads) for
// bench/map-endpoint.bench.mjs: the map endpoints' route handlers in process, against a fresh
// migrated SQLite database holding a generated project (lib/graph/synthetic.ts, as
// bench/synthetic-project.ts writes it) owned by one user calling with an API token. Times a 200
// (no If-None-Match) and a 304 (the ETag of the last answer) of GET /projects/{key}/map and GET
// /maps/services, each the median of BENCH_MAP_ROUNDS requests after a warm-up request; and a 200
// built from the database (the cached bodies forgotten first: what the first open after a change costs).
//   BENCH map-endpoint nodes=<n> project_200_built_ms=… project_200_ms=… project_304_ms=… services_200_ms=… services_304_ms=… body_kb=…
// Usage: tsx --conditions=react-server bench/map-endpoint.ts 2000 [3000 …]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, createDb, setDbForTests } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { createToken } from "../lib/data/tokens";
import { writeSyntheticProject } from "./synthetic-project";
import * as mapGraph from "../lib/data/map-graph";
import * as mapRoute from "../app/api/v1/projects/[key]/map/route";
import * as servicesMapRoute from "../app/api/v1/maps/services/route";

// The route handlers read lib/env; the bench signs nothing with it.
process.env.NEXTAUTH_SECRET ??= "legible-bench-secret-0123456789abcdefghijklmnopqrstuvwxyz";
process.env.DATABASE_URL ??= "file:./data/bench-unused.db";

const rounds = Number(process.env.BENCH_MAP_ROUNDS ?? 15);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(call: () => Promise<Response>, expected: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const res = await call();
    await res.arrayBuffer();
    times.push(performance.now() - start);
    if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}`);
  }
  return median(times);
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "legible-map-endpoint-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrate(url);
  const client = createDb(url);
  setDbForTests(client);
  try {
    const user = await client.user.create({ data: { email: "bench@example.test", name: "Bench Owner" } });
    const actor = { id: user.id, email: user.email, name: user.name, isAdmin: false, ip: "127.0.0.1", userAgent: "bench" };
    const { token } = await createToken(actor, { name: "bench" });
    for (const size of process.argv.slice(2).map(Number)) {
      const key = `SCALE${size}`;
      const map = await writeSyntheticProject(client, { key, size, ownerId: user.id });

      const auth = { authorization: `Bearer ${token}` };
      const project200 = () => mapRoute.GET(new Request(`http://bench/api/v1/projects/${key}/map`, { headers: auth }), { params: Promise.resolve({ key }) });
      const services200 = () => servicesMapRoute.GET(new Request("http://bench/api/v1/maps/services", { headers: auth }), { params: Promise.resolve({}) });
      const first = await project200(); // lays out and stores this version
      const etag = first.headers.get("etag")!;
      const bodyKb = (await first.arrayBuffer()).byteLength / 1024;
      const servicesEtag = (await services200()).headers.get("etag")!;
      // A 200 built from the database (what a change costs; before the body cache, what every request cost).
      const forget = (mapGraph as { forgetMapBodies?: () => void }).forgetMapBodies ?? (() => {});
      const built = await time(() => (forget(), project200()), 200);
      const p200 = await time(project200, 200);
      const p304 = await time(() => mapRoute.GET(new Request(`http://bench/api/v1/projects/${key}/map`, { headers: { ...auth, "if-none-match": etag } }), { params: Promise.resolve({ key }) }), 304);
      const s200 = await time(services200, 200);
      const s304 = await time(() => servicesMapRoute.GET(new Request("http://bench/api/v1/maps/services", { headers: { ...auth, "if-none-match": servicesEtag } }), { params: Promise.resolve({}) }), 304);
      const f = (ms: number) => ms.toFixed(1);
      console.log(`BENCH map-endpoint nodes=${map.nodes.length} project_200_built_ms=${f(built)} project_200_ms=${f(p200)} project_304_ms=${f(p304)} ratio=${(built / p304).toFixed(1)} services_200_ms=${f(s200)} services_304_ms=${f(s304)} body_kb=${bodyKb.toFixed(0)}`);
    }
  } finally {
    await closeDb(client);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
