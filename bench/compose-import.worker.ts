// Runs under tsx for bench/compose-import.bench.mjs: a generated compose file of 500 services with
// dependencies, previewed and applied (lib/data/compose-import.ts) into a project of a fresh SQLite
// database each round, against a bare YAML parse (yaml.parse) of the same file. Prints one JSON line.
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parse } from "yaml";
import { closeDb, createDb, setDbForTests } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { applyComposeImport, planComposeImport } from "../lib/data/compose-import";

const SERVICES = 500;
const ROUNDS = Number(process.env.BENCH_COMPOSE_ROUNDS ?? 5);

/** A deterministic generator (mulberry32). */
function random(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Services by kind, each depending on up to four services generated before it. */
export function generateCompose(count: number, seed = 7): { text: string; edges: number } {
  const rnd = random(seed);
  const kinds = ["gateway", "api", "api", "service", "service", "service", "worker", "model", "postgres", "redis"];
  const names: string[] = [];
  const lines = ["name: bench", "x-logging: &logging", "  driver: json-file", "services:"];
  let edges = 0;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const name = `${kind}_${String(i).padStart(3, "0")}`;
    const image = kind === "postgres" ? "postgres:16.4" : kind === "redis" ? "redis:7.4" : kind === "gateway" ? "nginx:1.27" : `ghcr.io/bench/${name.replace("_", "-")}:1.${i}`;
    lines.push(`  ${name}:`, `    image: ${image}`);
    if (!["postgres", "redis", "gateway"].includes(kind)) lines.push(`    build:`, `      context: services/${name}`);
    lines.push(`    ports:`, `      - "${8000 + i}:8000"`, `    profiles: [${i % 3 ? "core" : "full"}]`, `    networks: [backend${i % 4}]`);
    lines.push(`    environment:`, ...["LOG_LEVEL", "DATABASE_URL", `FEATURE_${i}`].map((e) => `      ${e}: \${${e}:-x}`));
    lines.push(`    logging: *logging`);
    const deps = new Set<string>();
    const want = i === 0 ? 0 : 1 + Math.floor(rnd() * 4);
    for (let d = 0; d < want; d++) deps.add(names[Math.floor(rnd() * names.length)]);
    if (deps.size) {
      lines.push(`    depends_on:`);
      for (const d of deps) lines.push(`      ${d}:`, `        condition: service_started`);
      edges += deps.size;
    }
    names.push(name);
  }
  return { text: `${lines.join("\n")}\n`, edges };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function oneRound(text: string, round: number): Promise<{ ms: number; created: number }> {
  const file = path.join(os.tmpdir(), `legible-bench-compose-${process.pid}-${round}.db`);
  const url = `file:${file}`;
  await migrate(url);
  const client = createDb(url);
  setDbForTests(client);
  try {
    const user = await client.user.create({ data: { email: "bench@example.test", name: "Bench", isAdmin: false } });
    await client.project.create({ data: { key: "BENCH", name: "Bench", memberships: { create: { userId: user.id, role: "engineer" } } } });
    const actor = { id: user.id, email: user.email, name: user.name, isAdmin: false, ip: "127.0.0.1", userAgent: "bench" };
    const input = { text, filename: "compose.yaml" };
    const t0 = performance.now();
    const preview = await planComposeImport(actor, "BENCH", input);
    const applied = await applyComposeImport(actor, "BENCH", input);
    const ms = performance.now() - t0;
    if (preview.plan.create.length !== applied.plan.create.length) throw new Error("the applied plan differs from the preview");
    return { ms, created: await client.service.count() };
  } finally {
    await closeDb(client);
    setDbForTests(undefined);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
}

async function main() {
  const { text, edges } = generateCompose(SERVICES);
  // Warm-up: module loading, the first transaction, JIT.
  await oneRound(text, -1);
  const ours: number[] = [];
  const base: number[] = [];
  let created = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const b: number[] = [];
    for (let j = 0; j < 5; j++) {
      const t0 = performance.now();
      parse(text, { maxAliasCount: 5_000 });
      b.push(performance.now() - t0);
    }
    base.push(median(b));
    const r = await oneRound(text, i);
    ours.push(r.ms);
    created = r.created;
  }
  console.log(JSON.stringify({ ours: median(ours), baseline: median(base), services: created, edges, bytes: Buffer.byteLength(text) }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
