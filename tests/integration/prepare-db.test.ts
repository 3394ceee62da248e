// Two app instances starting at once against one empty database: both run scripts/prepare-db.ts
// (migrate, seed the demo, ensure the built-in template) as real processes, concurrently. Both
// must exit 0, and the demo must exist exactly once.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeDb, createDb, type Db } from "@/lib/db/client";
import { DEMO_PROJECT_KEY, DEMO_USERS } from "@/lib/demo/seed";
import { createEmptyDatabase, describeEachProvider } from "@/tests/helpers/db";

const root = path.resolve(import.meta.dirname, "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

type Run = { code: number | null; output: string };

function prepareDb(url: string, demo = "1"): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["--tsconfig", "tsconfig.json", "scripts/prepare-db.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, LEGIBLE_DEMO: demo, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describeEachProvider("two instances preparing one empty database", (provider) => {
  let empty: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let runs: Run[] = [];
  let db: Db;

  beforeAll(async () => {
    empty = await createEmptyDatabase(provider);
    runs = await Promise.all([prepareDb(empty.url), prepareDb(empty.url)]);
    db = createDb(empty.url);
  }, 180_000);
  afterAll(async () => {
    if (db) await closeDb(db);
    await empty?.remove();
  });

  it("both exit 0", () => {
    for (const run of runs) expect(run.code, run.output).toBe(0);
    // Exactly one of them seeded.
    expect(runs.filter((r) => r.output.includes(`seeded the demo project ${DEMO_PROJECT_KEY}`))).toHaveLength(1);
  });

  it("the demo exists exactly once", async () => {
    expect(await db.user.count()).toBe(DEMO_USERS.length);
    expect(await db.project.count({ where: { key: DEMO_PROJECT_KEY } })).toBe(1);
    expect(await db.handoffTemplate.count({ where: { projectId: null } })).toBe(1);
    expect(await db.service.count({ where: { name: "layout-api" } })).toBe(1);
  });
});

describeEachProvider("two instances preparing one empty database without the demo", (provider) => {
  it("both exit 0 and the built-in template exists once", async () => {
    const empty = await createEmptyDatabase(provider);
    const db = createDb(empty.url);
    try {
      const runs = await Promise.all([prepareDb(empty.url, "0"), prepareDb(empty.url, "0")]);
      for (const run of runs) expect(run.code, run.output).toBe(0);
      expect(await db.user.count()).toBe(0);
      expect(await db.handoffTemplate.count({ where: { projectId: null } })).toBe(1);
    } finally {
      await closeDb(db);
      await empty.remove();
    }
  }, 180_000);
});
