// Issue 10's "Done when", from the command line: on a database seeded with the demo (which imported
// docs/examples/demo-monorepo/compose.yaml into FLOOR and each openapi/*.yaml into its service),
// the demo engineer re-imports the monorepo's compose file and OpenAPI specs and nothing changes,
// exports FLOOR as YAML and re-imports it and nothing changes; a changed compose file (a new
// service, a dependency dropped) previews as its create plus the drift and applies; and the exit
// codes are the issue's: 0 done, 1 a bad file (one line naming line and column), 2 an unknown user
// or a refused action. Spawns `tsx scripts/legible.ts`, what `npm run legible` runs. On SQLite and
// PostgreSQL.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_MONOREPO } from "@/lib/demo/monorepo";
import { DEMO_PROJECT_KEY, seedDemo } from "@/lib/demo/seed";
import { SERVICES } from "@/lib/demo/plan/services";
import { runLegible, type CliRun } from "../helpers/cli";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const root = path.resolve(import.meta.dirname, "..", "..");
const monorepo = path.join(root, DEMO_MONOREPO.root);
const compose = path.join(monorepo, DEMO_MONOREPO.compose);
const spec = (service: string) => path.join(monorepo, DEMO_MONOREPO.openapi[service]!);
const ENGINEER = "engineer@legible.demo";

type Run = CliRun;

/**
 * stderr without pg's deprecation warning about a query overlapping another on one client: on
 * PostgreSQL, Prisma 6.19's query interpreter runs a nested select's relation queries at once
 * inside an interactive transaction (export-map's snapshot), which pg 8 warns about (an error in
 * pg 9). Ours to fix only by leaving the transaction or the nested selects; anything else there fails.
 */
const stderrOf = (run: Run) =>
  run.stderr
    .split("\n")
    .filter((line) => !/DeprecationWarning: Calling client\.query\(\) when the client is already executing a query|Use `node --trace-deprecation/.test(line))
    .join("\n")
    .trim();

const legible = runLegible;

/** The parsed --json plan of a run that must have succeeded. */
function planOf(run: Run): { create: string[]; update: string[]; unchanged: string[]; missing: string[] } {
  expect(run.code, run.stderr).toBe(0);
  expect(stderrOf(run)).toBe("");
  const plan = JSON.parse(run.stdout);
  expect(Object.keys(plan)).toEqual(["create", "update", "unchanged", "missing"]);
  return plan;
}

describeEachProvider("issue 10 done, from the command line", (provider) => {
  let t: TestDb;
  let dir: string;
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  /** Everything an import could write, with versions, so "changes nothing" is checked on the rows. */
  const snapshot = async () => ({
    services: await t.db.service.findMany({ select: { name: true, layer: true, image: true, repositoryPath: true, runtime: true, version: true }, orderBy: { name: "asc" } }),
    dependencies: await t.db.serviceDependency.count(),
    interfaces: await t.db.interface.findMany({ select: { name: true, method: true, path: true, requestSchema: true, responseSchema: true, version: true }, orderBy: [{ serviceId: "asc" }, { name: "asc" }] }),
    runs: await t.db.projectService.count(),
    milestones: await t.db.milestone.findMany({ select: { key: true, title: true, status: true, version: true }, orderBy: { key: "asc" } }),
    links: await t.db.milestoneService.count(),
    milestoneDependencies: await t.db.milestoneDependency.count(),
    audit: await t.db.auditEvent.count(),
  });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await seedDemo(t.db, new Date("2026-11-26T12:00:00Z"));
    dir = mkdtempSync(path.join(os.tmpdir(), "legible-catalog-done-"));
  }, 180_000);
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await t?.drop();
  });

  it("re-importing the demo monorepo's compose file and OpenAPI specs as the engineer changes nothing", async () => {
    const before = await snapshot();
    const [preview, applied, layout, projectApi] = await Promise.all([
      legible(t.url, ["import-compose", compose, "--project", DEMO_PROJECT_KEY, "--as", ENGINEER, "--json"]),
      legible(t.url, ["import-compose", compose, "--project", DEMO_PROJECT_KEY, "--as", ENGINEER, "--json", "--apply"]),
      legible(t.url, ["import-openapi", spec("layout-api"), "--service", "layout-api", "--as", ENGINEER, "--json", "--apply"]),
      legible(t.url, ["import-openapi", spec("project-api"), "--service", "project-api", "--as", ENGINEER, "--json"]),
    ]);
    for (const run of [preview, applied]) {
      const plan = planOf(run);
      expect([plan.create, plan.update, plan.missing]).toEqual([[], [], []]);
      for (const s of SERVICES) expect(plan.unchanged).toContain(s.name);
      expect(plan.unchanged).toContain("layout-api → constraint-checker (calls)");
      expect(plan.unchanged).toContain("layout-api → postgres (reads)");
    }
    expect(planOf(layout)).toEqual({ create: [], update: [], unchanged: ["generateLayouts", "getGeneration"], missing: [] });
    const projectApiPlan = planOf(projectApi);
    expect([projectApiPlan.create, projectApiPlan.update, projectApiPlan.missing]).toEqual([[], [], []]);
    expect(projectApiPlan.unchanged).toEqual(expect.arrayContaining(["savePlan", "requestExport"]));
    // Each of the other specs, by the service's owner (the admin owns ai-gateway and object-store,
    // the researcher floorplan-generator, the engineer constraint-checker): unchanged, --apply too.
    const owners: Record<string, string> = { "ai-gateway": "admin@legible.demo", "object-store": "admin@legible.demo", "floorplan-generator": "researcher@legible.demo", "constraint-checker": ENGINEER };
    const others = await Promise.all(Object.entries(owners).map(([service, as]) => legible(t.url, ["import-openapi", spec(service), "--service", service, "--as", as, "--json", "--apply"])));
    for (const run of others) {
      const plan = planOf(run);
      expect([plan.create, plan.update, plan.missing]).toEqual([[], [], []]);
      expect(plan.unchanged.length).toBeGreaterThan(0);
    }
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it("export-map FLOOR, then import-map of that file: nothing to create, update or miss, and --apply changes nothing", async () => {
    const exported = await legible(t.url, ["export-map", DEMO_PROJECT_KEY, "--as", ENGINEER]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(stderrOf(exported)).toBe("");
    expect(exported.stdout).toContain("format: 1\nproject:\n  key: FLOOR\n");
    for (const s of SERVICES) expect(exported.stdout).toContain(`  - name: ${s.name}\n`);
    const floor = file("floor-map.yaml", exported.stdout);
    const before = await snapshot();
    const [dry, applied] = await Promise.all([
      legible(t.url, ["import-map", floor, "--as", ENGINEER, "--json"]),
      legible(t.url, ["import-map", floor, "--as", ENGINEER, "--json", "--apply"]),
    ]);
    for (const run of [dry, applied]) {
      const plan = planOf(run);
      expect([plan.create, plan.update, plan.missing]).toEqual([[], [], []]);
      expect(plan.unchanged).toContain("FLOOR-15");
    }
    expect(await snapshot()).toEqual(before);
    // The export of the re-imported project is the same file.
    const again = await legible(t.url, ["export-map", DEMO_PROJECT_KEY, "--as", ENGINEER]);
    expect(again.stdout).toBe(exported.stdout);
  }, 120_000);

  it("a changed compose file previews as its create plus the drift, applies, and a re-run changes nothing", async () => {
    const original = readFileSync(compose, "utf8");
    // A new service reading postgres; layout-api no longer declares constraint-checker (the
    // catalog keeps that dependency: an import never deletes, it reports the drift).
    const changed = original
      .replace("      constraint-checker:\n        condition: service_started\n      postgres:", "      postgres:")
      .replace("  postgres:\n    <<: *service\n", "  feature-store:\n    <<: *service\n    image: ghcr.io/legible-demo/feature-store:0.1.0\n    build: services/feature-store\n    depends_on: [postgres]\n\n  postgres:\n    <<: *service\n");
    expect(changed).not.toBe(original);
    expect(changed).toContain("feature-store");
    const path_ = file("compose-changed.yaml", changed);
    const before = await snapshot();
    const preview = planOf(await legible(t.url, ["import-compose", path_, "--project", DEMO_PROJECT_KEY, "--as", ENGINEER, "--json"]));
    expect(preview.create).toEqual(["feature-store", "feature-store → postgres (reads)"]);
    expect(preview.missing).toEqual(["layout-api → constraint-checker (calls)"]);
    expect(await snapshot()).toEqual(before);

    const applied = await legible(t.url, ["import-compose", path_, "--project", DEMO_PROJECT_KEY, "--as", ENGINEER, "--apply"]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/^Created \(2\):/m);
    const service = await t.db.service.findUniqueOrThrow({ where: { name: "feature-store" }, select: { layer: true, repositoryPath: true, owner: { select: { email: true } }, projects: { select: { project: { select: { key: true } } } } } });
    // Suggested from its name (no database image): a service.
    expect(service).toEqual({ layer: "service", repositoryPath: "services/feature-store", owner: { email: ENGINEER }, projects: [{ project: { key: DEMO_PROJECT_KEY } }] });
    expect(await t.db.serviceDependency.count()).toBe(before.dependencies + 1);

    const again = planOf(await legible(t.url, ["import-compose", path_, "--project", DEMO_PROJECT_KEY, "--as", ENGINEER, "--json", "--apply"]));
    expect([again.create, again.update]).toEqual([[], []]);
    expect(again.missing).toEqual(["layout-api → constraint-checker (calls)"]);
    // The exported map now names the new service, as the project map draws it.
    const exported = await legible(t.url, ["export-map", DEMO_PROJECT_KEY, "--as", ENGINEER]);
    expect(exported.stdout).toContain("  - name: feature-store\n");
  }, 120_000);

  it("exit codes: 1 for a bad file with its line and column, 2 for an unknown user or a refused action", async () => {
    const bad = file("compose-bad.yaml", readFileSync(compose, "utf8").replace("    image: postgres:16.4\n", "    imagee: postgres:16.4\n"));
    const badSpec = file("layout-bad.yaml", readFileSync(spec("layout-api"), "utf8") + "paths: {}\n");
    const badMap = file("map-bad.yaml", "format: 1\nproject:\n  key: FLOOR\n  name: Floor-plan generation\n  colour: blue\n");
    const before = await snapshot();
    const [badCompose, badOpenApi, badImportMap, unknown, refusedOpenApi, refusedExport] = await Promise.all([
      legible(t.url, ["import-compose", bad, "--project", DEMO_PROJECT_KEY, "--as", ENGINEER, "--json", "--apply"]),
      legible(t.url, ["import-openapi", badSpec, "--service", "layout-api", "--as", ENGINEER, "--json"]),
      legible(t.url, ["import-map", badMap, "--as", ENGINEER, "--json"]),
      legible(t.url, ["import-compose", compose, "--project", DEMO_PROJECT_KEY, "--as", "nobody@legible.demo", "--json"]),
      // layout-api is the engineer's; the researcher may not import its interfaces.
      legible(t.url, ["import-openapi", spec("layout-api"), "--service", "layout-api", "--as", "researcher@legible.demo", "--apply"]),
      legible(t.url, ["export-map", "NOPE", "--as", ENGINEER]),
    ]);
    expect(badCompose.code).toBe(1);
    expect(badCompose.stdout).toBe("");
    expect(badCompose.stderr.trim().split("\n")).toHaveLength(1);
    expect(badCompose.stderr).toMatch(/compose-bad\.yaml, line \d+, column 5: services\.postgres: imagee is not a service key/);
    expect(badOpenApi.code).toBe(1);
    expect(badOpenApi.stderr).toMatch(/layout-bad\.yaml, line \d+, column 1: /);
    expect(badImportMap.code).toBe(1);
    expect(badImportMap.stderr).toContain("map-bad.yaml, line 5, column 11: unknown key “colour” in project");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no active account has the email nobody@legible\.demo/);
    expect(refusedOpenApi.code).toBe(2);
    expect(refusedExport.code).toBe(2);
    // Only the refusals' audit events were written.
    expect({ ...(await snapshot()), audit: before.audit }).toEqual(before);
  }, 120_000);
});
