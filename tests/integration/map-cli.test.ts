// Issue 10, item 6, for the map: `export-map` and `import-map` spawned as real processes
// (`tsx scripts/legible.ts`, what `npm run legible` runs) against a seeded test database, with the
// exit codes the issue names: 0 done, 1 a bad file (one line with line and column), 2 an unknown
// user or a refused action. SQLite: the command line reads DATABASE_URL like the server.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { exportProjectMap } from "@/lib/data/map-code";
import { runLegible } from "../helpers/cli";
import { createTestDatabase, type TestDb } from "../helpers/db";


const legible = (args: string[], url: string) => runLegible(url, args);

describe("legible export-map and import-map [sqlite]", () => {
  let t: TestDb;
  let dir: string;
  let exported = "";
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const milestoneRows = () => t.db.milestone.findMany({ where: { project: { key: "FLOOR" } }, select: { key: true, title: true, status: true, version: true }, orderBy: { key: "asc" } });

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await seedDemo(t.db, new Date("2026-03-02T10:00:00Z"));
    dir = mkdtempSync(path.join(os.tmpdir(), "legible-map-cli-"));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.drop();
  });

  it("export-map prints the project's map on stdout, as the API exports it", async () => {
    const run = await legible(["export-map", "FLOOR", "--as", "engineer@legible.demo"], t.url);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: "admin@legible.demo" } });
    exported = (await exportProjectMap({ id: admin.id, email: admin.email, name: admin.name, isAdmin: true, ip: "", userAgent: "" }, "FLOOR")).text;
    expect(run.stdout).toBe(exported);
  }, 60_000);

  it("import-map --json of the export: everything unchanged, exit 0, nothing written", async () => {
    const before = await milestoneRows();
    const run = await legible(["import-map", file("floor.yaml", exported), "--as", "engineer@legible.demo", "--json", "--apply"], t.url);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect([plan.create, plan.update, plan.missing]).toEqual([[], [], []]);
    expect(plan.unchanged).toContain("FLOOR-15");
    expect(plan.unchanged).toContain("FLOOR-12 → FLOOR-7");
    expect(await milestoneRows()).toEqual(before);
  }, 60_000);

  it("a change: the dry run writes nothing, --apply writes it; a refused role exits 2", async () => {
    const changed = file("changed.yaml", exported.replace('title: "Gateway integration: /v1/layouts behind ai-gateway"', "title: Gateway integration behind ai-gateway"));
    const before = await milestoneRows();
    const dry = await legible(["import-map", changed, "--as", "engineer@legible.demo"], t.url);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Would update (1):\n  milestone FLOOR-12: Title");
    expect(dry.stdout).toContain("Nothing written. Run again with --apply");
    expect(await milestoneRows()).toEqual(before);
    const denied = await legible(["import-map", changed, "--as", "researcher@legible.demo", "--apply"], t.url);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/^legible import-map: Your role \(researcher\) in Floor-plan generation cannot update milestones\.\n$/);
    expect(await milestoneRows()).toEqual(before);
    const applied = await legible(["import-map", changed, "--as", "engineer@legible.demo", "--apply", "--json"], t.url);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout).update).toEqual(["FLOOR-12"]);
    expect((await milestoneRows()).find((m) => m.key === "FLOOR-12")).toMatchObject({ title: "Gateway integration behind ai-gateway", version: 2 });
  }, 90_000);

  it("a bad file exits 1 with one line naming line and column; an unknown user exits 2", async () => {
    const bad = await legible(["import-map", file("bad.yaml", exported.replace("    health: on_track\n", "    health: on_track\n    priority: high\n")), "--as", "engineer@legible.demo"], t.url);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^legible import-map: bad\.yaml, line \d+, column \d+: unknown key “priority” in milestones\[0\] \(FLOOR-1\)[^\n]*\n$/);
    const nobody = await legible(["export-map", "FLOOR", "--as", "nobody@example.test"], t.url);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toMatch(/no active account has the email nobody@example.test/);
    const hidden = await legible(["export-map", "NOPE", "--as", "engineer@legible.demo"], t.url);
    expect(hidden.code).toBe(2);
  }, 90_000);
});
