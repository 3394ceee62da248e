// The demo monorepo's compose file (docs/examples/demo-monorepo/compose.yaml) describes the demo's
// services as lib/demo/plan/services.ts does: imported into FLOOR after the demo is seeded, it
// changes no layer, name, image or repository path and adds no dependency; it only records how
// each service runs and that FLOOR runs it. A second import changes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { applyComposeImport, planComposeImport } from "@/lib/data/compose-import";
import { DEMO_PROJECT_KEY, DEMO_USERS, seedDemo } from "@/lib/demo/seed";
import { SERVICES, SERVICE_EDGES } from "@/lib/demo/plan/services";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const text = readFileSync(path.join(import.meta.dirname, "..", "..", "docs", "examples", "demo-monorepo", "compose.yaml"), "utf8");

describeEachProvider("the demo monorepo's compose file", (provider) => {
  let t: TestDb;
  let admin: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await seedDemo(t.db, new Date("2026-11-26T12:00:00Z"));
    const u = await t.db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.find((u) => u.key === "admin")!.email } });
    admin = { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
  }, 120_000);
  afterAll(() => t?.drop());

  it("suggests the demo's own layers and dependency kinds", async () => {
    const preview = await planComposeImport(admin, DEMO_PROJECT_KEY, { text });
    expect(Object.fromEntries(preview.services.map((s) => [s.name, s.suggestedLayer]))).toEqual(Object.fromEntries(SERVICES.map((s) => [s.name, s.layer])));
    const stated = preview.services.flatMap((s) => s.dependsOn.map((d) => `${s.name} → ${d.name} (${d.kind})`)).sort();
    expect(stated).toEqual(SERVICE_EDGES.map((e) => `${e.from} → ${e.to} (${e.kind})`).sort());
  });

  it("changes no layer, name, image or repository path, adds no dependency, and a re-import changes nothing", async () => {
    const before = await t.db.service.findMany({ select: { name: true, layer: true, image: true, repositoryPath: true, version: true }, orderBy: { name: "asc" } });
    const dependencies = await t.db.serviceDependency.count();
    const result = await applyComposeImport(admin, DEMO_PROJECT_KEY, { text });
    expect(result.plan.create).toEqual([]);
    expect(result.plan.missing).toEqual([]);
    const fields = new Set(result.plan.update.flatMap((e) => e.changes?.map((c) => c.field) ?? []));
    expect([...fields].every((f) => f === "project" || f.startsWith("runtime."))).toBe(true);
    const after = await t.db.service.findMany({ select: { name: true, layer: true, image: true, repositoryPath: true }, orderBy: { name: "asc" } });
    expect(after).toEqual(before.map(({ version: _v, ...rest }) => rest));
    expect(await t.db.serviceDependency.count()).toBe(dependencies);
    expect(await t.db.projectService.count()).toBe(SERVICES.length);
    const again = await planComposeImport(admin, DEMO_PROJECT_KEY, { text });
    expect(again.plan.create.length + again.plan.update.length + again.plan.missing.length).toBe(0);
  });
});
