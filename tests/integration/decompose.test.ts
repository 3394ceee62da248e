// Decompose (issue 9, item 3): a typed list becomes the handoff's milestones, their dependencies
// and the links, in one transaction with one audit event; a dry run, a cycle, a bad reference and a
// refused caller write nothing. Through the data layer and the REST route, on both databases.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { DecomposeCycleError, decomposeHandoff } from "@/lib/data/decompose";
import { createToken } from "@/lib/data/tokens";
import * as decomposeRoute from "@/app/api/v1/handoffs/[id]/decompose/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describeEachProvider("decompose a handoff", (provider) => {
  let t: TestDb;
  const actors = {} as Record<"engineer" | "researcher" | "viewer", Actor>;
  let projectId = "";
  let handoffId = "";

  /** Every row a decomposition could write, to check that a refusal wrote none. */
  const counts = async () => ({
    milestones: await t.db.milestone.count(),
    dependencies: await t.db.milestoneDependency.count(),
    links: await t.db.handoffMilestone.count(),
    statusUpdates: await t.db.statusUpdate.count(),
    decomposeEvents: await t.db.auditEvent.count({ where: { action: "handoff.decompose" } }),
  });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const project = await t.db.project.create({ data: { key: "FLOOR", name: "Floor plans" } });
    projectId = project.id;
    for (const role of ["engineer", "researcher", "viewer"] as const) {
      const email = `${role}-${randomBytes(3).toString("hex")}@example.test`;
      const u = await t.db.user.create({ data: { email, name: role } });
      await t.db.membership.create({ data: { projectId, userId: u.id, role } });
      actors[role] = { id: u.id, email, name: role, isAdmin: false, ip: "127.0.0.1", userAgent: `vitest ${provider}` };
    }
    await t.db.milestone.create({ data: { projectId, key: "FLOOR-4", title: "Existing groundwork" } });
    handoffId = (await t.db.handoff.create({ data: { projectId, title: "HouseDiffusion", authors: [], sections: {} } })).id;
  });
  afterAll(() => t?.drop());

  const LIST = ["Data loader for RPLAN (3d)", "Train the denoiser ~5 days after 1", "- Serve behind the layout API (2d) after 2, FLOOR-4"].join("\n");

  it("previews the keys, estimates and dependencies and writes nothing", async () => {
    const before = await counts();
    const preview = await decomposeHandoff(actors.engineer, handoffId, { list: LIST }, { dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect(preview.milestones.map((m) => [m.key, m.title, m.estimateDays, m.after.map((d) => d.key)])).toEqual([
      ["FLOOR-5", "Data loader for RPLAN", 3, []],
      ["FLOOR-6", "Train the denoiser", 5, ["FLOOR-5"]],
      ["FLOOR-7", "Serve behind the layout API", 2, ["FLOOR-6", "FLOOR-4"]],
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses researchers and viewers before reading the list, writing nothing", async () => {
    const before = await counts();
    for (const role of ["researcher", "viewer"] as const) {
      await expect(decomposeHandoff(actors[role], handoffId, { list: LIST })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(decomposeHandoff(actors[role], handoffId, { list: "" }, { dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await counts()).toEqual({ ...before });
  });

  it("refuses a cycle, naming it in order, and an unknown key with its line and column; nothing is written", async () => {
    const before = await counts();
    const cycle = decomposeHandoff(actors.engineer, handoffId, { list: "First step after 3\nSecond step after 1\nThird step after 2" });
    await expect(cycle).rejects.toBeInstanceOf(DecomposeCycleError);
    await expect(cycle).rejects.toMatchObject({ cycle: ["FLOOR-5", "FLOOR-7", "FLOOR-6", "FLOOR-5"] });
    await expect(cycle).rejects.toThrow("FLOOR-5 → FLOOR-7 → FLOOR-6 → FLOOR-5 (lines 1, 3, 2 of the list). Nothing was created.");
    // A preview names the same cycle without claiming anything was not created.
    const preview = decomposeHandoff(actors.engineer, handoffId, { list: "First step after 3\nSecond step after 1\nThird step after 2" }, { dryRun: true });
    await expect(preview).rejects.toThrow(/FLOOR-5 → FLOOR-7 → FLOOR-6 → FLOOR-5 \(lines 1, 3, 2 of the list\)\.$/);
    const unknown = decomposeHandoff(actors.engineer, handoffId, { list: "First step\nSecond step after 1, FLOOR-99" });
    await expect(unknown).rejects.toBeInstanceOf(ValidationError);
    await expect(unknown).rejects.toThrow(`Milestones: Line 2, column 22: "after FLOOR-99" — Floor plans has no milestone FLOOR-99.`);
    await expect(decomposeHandoff(actors.engineer, handoffId, { list: "A\nSecond after 7" })).rejects.toThrow(/Line 1, column 1: the title must be at least 3 characters/);
    expect(await counts()).toEqual(before);
  });

  it("creates the milestones, the edges and the links in one go, with one audit event", async () => {
    const before = await counts();
    const created = await decomposeHandoff(actors.engineer, handoffId, { list: LIST });
    expect(created.dryRun).toBe(false);
    expect(created.milestones.map((m) => m.key)).toEqual(["FLOOR-5", "FLOOR-6", "FLOOR-7"]);
    const rows = await t.db.milestone.findMany({
      where: { projectId, key: { in: ["FLOOR-5", "FLOOR-6", "FLOOR-7"] } },
      select: { key: true, status: true, estimateDays: true, dependsOn: { select: { dependsOn: { select: { key: true } } } }, handoffs: { select: { handoffId: true } } },
      orderBy: { key: "asc" },
    });
    expect(rows.map((r) => [r.key, r.status, r.estimateDays, r.dependsOn.map((d) => d.dependsOn.key).sort(), r.handoffs.map((h) => h.handoffId)])).toEqual([
      ["FLOOR-5", "planned", 3, [], [handoffId]],
      ["FLOOR-6", "planned", 5, ["FLOOR-5"], [handoffId]],
      ["FLOOR-7", "planned", 2, ["FLOOR-4", "FLOOR-6"], [handoffId]],
    ]);
    expect(await counts()).toEqual({
      milestones: before.milestones + 3,
      dependencies: before.dependencies + 3,
      links: before.links + 3,
      statusUpdates: before.statusUpdates + 3,
      decomposeEvents: before.decomposeEvents + 1,
    });
    // The next decomposition continues after the keys just taken.
    const next = await decomposeHandoff(actors.engineer, handoffId, { list: "Write it up after FLOOR-7" }, { dryRun: true });
    expect(next.milestones[0]).toMatchObject({ key: "FLOOR-8", after: [{ key: "FLOOR-7", existing: true }] });
  });

  it("answers over the API: 200 preview, 409 with the cycle, 422 naming the line, 201 created", async () => {
    const { token } = await createToken(actors.engineer, { name: "decompose" });
    const post = (body: unknown, query = "") =>
      decomposeRoute.POST(
        new Request(`http://localhost/api/v1/handoffs/${handoffId}/decompose${query}`, { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }),
        params({ id: handoffId }),
      );
    const before = await counts();
    const preview = await post({ list: "Evaluate on RPLAN (1d)\nReport after 1" }, "?dryRun=1");
    expect(preview.status).toBe(200);
    expect((await preview.json()).milestones.map((m: { key: string }) => m.key)).toEqual(["FLOOR-8", "FLOOR-9"]);
    const cycle = await post({ list: "Loop one after 2\nLoop two after 1" });
    expect(cycle.status).toBe(409);
    expect(cycle.headers.get("content-type")).toBe("application/problem+json");
    expect(await cycle.json()).toMatchObject({ status: 409, cycle: ["FLOOR-8", "FLOOR-9", "FLOOR-8"], detail: expect.stringContaining("FLOOR-8 → FLOOR-9 → FLOOR-8") });
    const bad = await post({ list: "One thing\nTwo things after 7" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).detail).toBe(`Milestones: Line 2, column 18: "after 7" — the list has 2 milestones.`);
    expect(await counts()).toEqual(before);
    const created = await post({ list: "Evaluate on RPLAN (1d)\nReport after 1" });
    expect(created.status).toBe(201);
    expect((await created.json()).milestones.map((m: { key: string; id: string }) => m.key)).toEqual(["FLOOR-8", "FLOOR-9"]);
  });
});
