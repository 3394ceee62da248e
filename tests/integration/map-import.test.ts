// Issue 10, items 5 and 7: importing a map file. What it writes (in one transaction, audited, a
// status change recorded as history, nothing ever deleted), who may write what, and hostile files
// refused with a clear message, in bounded time, with nothing written. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { applyMapImport, exportProjectMap, planMapImport } from "@/lib/data/map-code";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const ROLES = ["owner", "engineer", "researcher", "viewer", "outsider", "admin"] as const;

const BASE = `format: 1
project:
  key: MAP
  name: Map project
handoffs:
  - title: Paper A
milestones:
  - key: MAP-1
    title: Collect the data
    owner: engineer@example.test
    dueDate: 2026-05-01
    decomposedFrom: [Paper A]
    implementedBy: [ingest]
  - key: MAP-2
    title: Train the model
    status: in_progress
    dependsOn: [MAP-1]
services:
  - name: ingest
    displayName: Ingest
    layer: worker
    owner: engineer@example.test
    dependencies:
      - to: db
        kind: reads
        description: Reads the raw rows.
    interfaces: [ingestBatch]
`;

async function refusal(run: () => Promise<unknown>): Promise<Error & { status?: number }> {
  try {
    await run();
  } catch (error) {
    return error as Error & { status?: number };
  }
  throw new Error("expected the call to be refused");
}

describeEachProvider("map import", (provider) => {
  let t: TestDb;
  const a = {} as Record<(typeof ROLES)[number], Actor>;

  const counts = async () => {
    const d = t.db;
    return (await Promise.all([d.project.count(), d.milestone.count(), d.milestoneDependency.count(), d.statusUpdate.count(), d.service.count(), d.serviceDependency.count(), d.milestoneService.count(), d.handoffMilestone.count(), d.projectService.count(), d.auditEvent.count({ where: { outcome: "success" } })])).join(",");
  };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const role of ROLES) {
      const u = await t.db.user.create({ data: { email: `${role}@example.test`, name: role, isAdmin: role === "admin" } });
      a[role] = { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
    }
    const members = (["owner", "engineer", "researcher", "viewer"] as const).map((role) => ({ userId: a[role].id, role }));
    const p = await t.db.project.create({ data: { key: "MAP", name: "Map project", memberships: { create: members } } });
    await t.db.handoff.create({ data: { projectId: p.id, title: "Paper A", authors: [], sections: {} } });
    await t.db.milestone.create({ data: { projectId: p.id, key: "MAP-9", title: "Only in the project" } });
    await t.db.service.create({ data: { name: "db", layer: "data", ownerId: a.admin.id } });
  });
  afterAll(() => t?.drop());

  it("a dry run lists what would change and writes nothing; applying writes it in one go, audited", async () => {
    const before = await counts();
    const { plan } = await planMapImport(a.engineer, { text: BASE, filename: "map.yaml" });
    expect(await counts()).toBe(before);
    expect(plan.create.map((e) => `${e.kind} ${e.name}`)).toEqual([
      "service ingest",
      "service-dependency ingest → db (reads)",
      "milestone MAP-1",
      "milestone MAP-2",
      "dependency MAP-2 → MAP-1",
      "link MAP-1 decomposed from “Paper A”",
      "link MAP-1 implemented by ingest",
    ]);
    expect(plan.create[0].note).toMatch(/interfaces not in the catalog .*ingestBatch/);
    expect(plan.missing.map((e) => `${e.kind} ${e.name}`)).toEqual(["milestone MAP-9"]);
    const applied = await applyMapImport(a.engineer, { text: BASE, filename: "map.yaml" });
    expect(applied.applied).toBe(true);
    const m2 = await t.db.milestone.findFirstOrThrow({ where: { key: "MAP-2" }, include: { statusUpdates: true, dependsOn: true } });
    expect(m2.status).toBe("in_progress");
    expect(m2.statusUpdates.map((s) => [s.toStatus, s.note])).toEqual([["in_progress", "Created by map import (map.yaml)"]]);
    const ingest = await t.db.service.findUniqueOrThrow({ where: { name: "ingest" }, include: { owner: true } });
    expect(ingest.owner?.email).toBe("engineer@example.test");
    expect(await t.db.milestone.count({ where: { key: "MAP-9" } })).toBe(1);
    const audits = await t.db.auditEvent.findMany({ where: { action: "map.import" } });
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ key: "MAP", created: 7, updated: 0 });
    // Again: nothing to change, nothing written.
    const again = await counts();
    const second = await applyMapImport(a.engineer, { text: BASE, filename: "map.yaml" });
    expect(second.applied).toBe(false);
    expect([second.plan.create, second.plan.update]).toEqual([[], []]);
    expect(await counts()).toBe(again);
  });

  it("a status change through import is history, like any other; changed fields are named by label", async () => {
    const text = BASE.replace("status: in_progress", "status: blocked\n    health: at_risk").replace("title: Collect the data", "title: Collect all the data");
    const { plan } = await planMapImport(a.engineer, { text });
    expect(plan.update.map((e) => [e.name, e.changes?.map((c) => c.label)])).toEqual([
      ["MAP-1", ["Title"]],
      ["MAP-2", ["Status", "Health"]],
    ]);
    await applyMapImport(a.engineer, { text, filename: "blocked.yaml" });
    const m2 = await t.db.milestone.findFirstOrThrow({ where: { key: "MAP-2" }, include: { statusUpdates: { orderBy: { createdAt: "asc" } } } });
    expect(m2.statusUpdates.at(-1)).toMatchObject({ fromStatus: "in_progress", toStatus: "blocked", fromHealth: "on_track", toHealth: "at_risk", note: "Map import (blocked.yaml)", authorId: a.engineer.id });
    expect(m2.version).toBe(2);
  });

  it("who may: members plan a dry run; researchers and viewers cannot apply; outsiders do not see the project", async () => {
    const text = BASE.replace("title: Train the model", "title: Train the model again");
    const before = await counts();
    for (const who of ["researcher", "viewer"] as const) {
      expect((await planMapImport(a[who], { text })).plan.update.map((e) => e.name)).toEqual(["MAP-1", "MAP-2"]);
      expect((await refusal(() => applyMapImport(a[who], { text }))).status).toBe(403);
    }
    expect((await refusal(() => planMapImport(a.outsider, { text }))).status).toBe(404);
    expect((await refusal(() => applyMapImport(a.outsider, { text }))).status).toBe(404);
    // An engineer may plan but cannot edit a service someone else owns that no milestone of theirs grants.
    const dbEdit = text.replace("services:\n", "services:\n  - name: db\n    layer: data\n    displayName: The database\n");
    expect((await refusal(() => applyMapImport(a.engineer, { text: dbEdit }))).message).toMatch(/Only db's owner/);
    expect(await t.db.auditEvent.count({ where: { outcome: "denied", action: "service.update" } })).toBeGreaterThan(0);
    const sansAudits = (s: string) => s.split(",").slice(0, -1).join(",");
    expect(sansAudits(await counts())).toBe(sansAudits(before));
  });

  it("a project the instance lacks is created for someone who may create projects, as its owner", async () => {
    const text = "format: 1\nproject:\n  key: NEWMAP\n  name: New from a map\nmilestones:\n  - key: NEWMAP-1\n    title: First step\n    owner: outsider@example.test\n";
    const { plan } = await planMapImport(a.outsider, { text });
    expect(plan.create.map((e) => `${e.kind} ${e.name}`)).toEqual(["project NEWMAP", "milestone NEWMAP-1"]);
    await applyMapImport(a.outsider, { text });
    const p = await t.db.project.findUniqueOrThrow({ where: { key: "NEWMAP" }, include: { memberships: true } });
    expect(p.memberships.map((m) => [m.userId, m.role])).toEqual([[a.outsider.id, "owner"]]);
    // Owners must be members: a new project has only its creator.
    const other = text.replace(/NEWMAP/g, "NEWMAP2").replace("outsider@", "engineer@");
    expect((await refusal(() => planMapImport(a.outsider, { text: other }))).message).toMatch(/line 8, column 12: milestones\[0\] \(NEWMAP2-1\): Owner engineer@example.test must be a member of NEWMAP2/);
  });

  it("handoffs with the same title are told apart by id, the only id a map holds; the export round-trips", async () => {
    const project = await t.db.project.findUniqueOrThrow({ where: { key: "MAP" } });
    const twins = [];
    for (const paper of ["One", "Two"]) twins.push(await t.db.handoff.create({ data: { projectId: project.id, title: "Twin", paperTitle: paper, authors: [], sections: {} } }));
    const m1 = await t.db.milestone.findFirstOrThrow({ where: { key: "MAP-1" } });
    await t.db.handoffMilestone.create({ data: { handoffId: twins[1].id, milestoneId: m1.id } });
    const { text } = await exportProjectMap(a.owner, "MAP");
    expect(text).toContain(`  - title: Twin\n    paperTitle: Two\n    id: ${twins[1].id}\n`);
    expect(text).toContain(`    decomposedFrom:\n      - ${twins[1].id}\n      - Paper A\n`);
    const { plan } = await planMapImport(a.owner, { text });
    expect([plan.create, plan.update, plan.missing]).toEqual([[], [], []]);
    expect(text.match(/^ {4}id: /gm)).toHaveLength(2);
  });

  it("a new project of 1,000 milestones in a chain, each with a link, imports in one transaction, in bounded time", async () => {
    const lines = ["format: 1", "project: {key: BIG, name: A big plan}", "milestones:"];
    for (let i = 1; i <= 1000; i++) lines.push(`  - {key: BIG-${i}, title: Step ${i}, status: ${i < 10 ? "done" : "planned"}${i > 1 ? `, dependsOn: [BIG-${i - 1}]` : ""}, implementedBy: [db]}`);
    const { plan } = await applyMapImport(a.admin, { text: lines.join("\n"), filename: "big.yaml" });
    expect(plan.create).toHaveLength(1 + 1000 + 999 + 1000);
    const project = await t.db.project.findUniqueOrThrow({ where: { key: "BIG" }, include: { _count: { select: { milestones: true, dependencies: true } } } });
    expect(project._count).toEqual({ milestones: 1000, dependencies: 999 });
    expect(await t.db.statusUpdate.count({ where: { milestone: { projectId: project.id } } })).toBe(1000);
    expect((await t.db.milestone.findFirstOrThrow({ where: { key: "BIG-3" } })).completedAt).not.toBeNull();
  }, 60_000);

  it("an owner who has since been disabled or left the project does not stop the export from importing back unchanged", async () => {
    const left = await t.db.user.create({ data: { email: "left@example.test", name: "Left", disabledAt: new Date() } });
    await t.db.milestone.update({ where: { projectId_key: { projectId: (await t.db.project.findUniqueOrThrow({ where: { key: "MAP" } })).id, key: "MAP-9" } }, data: { ownerId: left.id } });
    await t.db.service.update({ where: { name: "ingest" }, data: { ownerId: left.id } });
    const { text } = await exportProjectMap(a.owner, "MAP");
    expect(text).toContain("owner: left@example.test");
    const { plan } = await planMapImport(a.owner, { text });
    expect([plan.create, plan.update, plan.missing]).toEqual([[], [], []]);
    // Naming them as a new owner is still refused.
    const moved = text.replace(/owner: engineer@example.test/, "owner: left@example.test");
    expect((await refusal(() => planMapImport(a.owner, { text: moved }))).message).toMatch(/must be a member of MAP/);
  });

  describe("hostile and broken files: refused with a clear message, quickly, nothing written", () => {
    const cases: [string, () => string, RegExp][] = [
      ["an alias bomb", () => `format: 1\na: &a ["x","x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${"bcdefghij"[i]}: &${"bcdefghij"[i]} [${Array(10).fill(i === 0 ? "*a" : `*${"bcdefghij"[i - 1]}`).join(",")}]`).join("\n")}\nproject: {key: MAP, name: Bomb}\n`, /alias bomb/],
      ["deep nesting", () => `format: 1\nproject: {key: MAP, name: Deep}\nservices: ${"[".repeat(200)}${"]".repeat(200)}\n`, /nested more than 64 deep/],
      ["a file over the size cap", () => `format: 1\nproject: {key: MAP, name: Big}\n# ${"x".repeat(1_000_100)}\n`, /the file is 1\.0 MB; the limit is 1\.0 MB/],
      ["an unknown key", () => BASE.replace("    dueDate: 2026-05-01\n", "    dueDate: 2026-05-01\n    priority: high\n"), /map\.yaml, line 12, column 15: unknown key “priority” in milestones\[0\] \(MAP-1\)/],
      ["a duplicate milestone key", () => BASE.replace("key: MAP-2", "key: MAP-1"), /line 14, column 10: milestones\[1\]: the key MAP-1 is listed twice/],
      ["a duplicate service name", () => `${BASE}  - name: ingest\n    layer: api\n`, /services\[1\]: the service ingest is listed twice; each service name may appear once/],
      ["a dependency cycle", () => BASE.replace("    implementedBy: [ingest]\n", "    implementedBy: [ingest]\n    dependsOn: [MAP-2]\n"), /would close a cycle: MAP-\d → MAP-\d → MAP-\d/],
      ["a reference to a handoff the project lacks", () => BASE.replace("  - title: Paper A\n", "  - title: Paper A\n  - title: Paper B\n"), /handoffs\[1\]: MAP has no handoff titled “Paper B”.*never creates them/],
      ["5,000 milestones (a project holds at most 1,000)", () => `format: 1\nproject: {key: MAP, name: Map project}\nmilestones:\n${Array.from({ length: 5000 }, (_, i) => `  - {key: MAP-${i + 100}, title: Step ${i}}`).join("\n")}\n`, /line 4, column 3: Milestones can list at most 1,000/],
      ["1,000 new milestones beside the ones the project has", () => `format: 1\nproject: {key: MAP, name: Map project}\nmilestones:\n${Array.from({ length: 1000 }, (_, i) => `  - {key: MAP-${i + 100}, title: Step ${i}}`).join("\n")}\n`, /Map project has 3 milestones, and a project holds at most 1,000, so 997 more can be added; this would add 1,000/],
      ["a wrong format version", () => BASE.replace("format: 1", "format: 2"), /line 1, column 9: Format must be 1/],
      ["not a mapping", () => "- a\n- b\n", /a map file is a YAML mapping/],
    ];
    for (const [name, make, message] of cases) {
      it(name, async () => {
        const text = make();
        const before = await counts();
        const error = await refusal(() => applyMapImport(a.owner, { text, filename: "map.yaml" }));
        expect(error.message).toMatch(message);
        expect(error.status).toBe(422);
        expect(await counts()).toBe(before);
      });
    }
  });
});
