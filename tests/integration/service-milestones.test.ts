// Issue 9, item 3, from the service's side: a service page links and unlinks one milestone at a
// time. Each link is authorized on the milestone's project (planning it: engineers, managers,
// owners); a milestone of a project the caller cannot see is not found. On SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { linkServiceMilestone, serviceMilestoneChoices, unlinkServiceMilestone } from "@/lib/data/service-milestones";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

describeEachProvider("linking milestones from a service's page", (provider) => {
  let t: TestDb;
  const actors = {} as Record<"engineer" | "manager" | "researcher" | "viewer" | "outsider" | "admin", Actor>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const role of Object.keys({ engineer: 1, manager: 1, researcher: 1, viewer: 1, outsider: 1, admin: 1 }) as (keyof typeof actors)[]) {
      const u = await t.db.user.create({ data: { email: `${role}@example.test`, name: role, isAdmin: role === "admin" } });
      actors[role] = { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
    }
    const members = (["engineer", "manager", "researcher", "viewer"] as const).map((role) => ({ userId: actors[role].id, role }));
    const floor = await t.db.project.create({ data: { key: "FLOOR", name: "Floor plans", memberships: { create: members } } });
    for (const n of [1, 2, 10]) ids[`FLOOR-${n}`] = (await t.db.milestone.create({ data: { projectId: floor.id, key: `FLOOR-${n}`, title: `Step ${n}` } })).id;
    // A project only the outsider plans in, and an archived one the engineer planned in.
    const secret = await t.db.project.create({ data: { key: "SECRET", name: "Secret", memberships: { create: { userId: actors.outsider.id, role: "owner" } } } });
    ids["SECRET-1"] = (await t.db.milestone.create({ data: { projectId: secret.id, key: "SECRET-1", title: "Hidden" } })).id;
    const old = await t.db.project.create({ data: { key: "OLD", name: "Old", archivedAt: new Date(), memberships: { create: { userId: actors.engineer.id, role: "engineer" } } } });
    ids["OLD-1"] = (await t.db.milestone.create({ data: { projectId: old.id, key: "OLD-1", title: "Archived" } })).id;
    await t.db.service.create({ data: { name: "layout-api", layer: "api" } });
  });
  afterAll(() => t?.drop());

  const links = async () => (await t.db.milestoneService.findMany({ select: { milestone: { select: { key: true } } } })).map((l) => l.milestone.key).sort();
  const audits = (action: string) => t.db.auditEvent.findMany({ where: { action, outcome: "success" }, orderBy: [{ at: "asc" }, { id: "asc" }] });

  it("an engineer links a milestone (idempotent) and unlinks it (idempotent), each audited", async () => {
    const milestone = ids["FLOOR-2"];
    expect(await linkServiceMilestone(actors.engineer, "layout-api", { milestone })).toEqual({ key: "FLOOR-2", project: "FLOOR", service: "layout-api", linked: true, changed: true });
    expect(await linkServiceMilestone(actors.manager, "layout-api", { milestone })).toMatchObject({ linked: true, changed: false });
    expect(await links()).toEqual(["FLOOR-2"]);
    expect(await unlinkServiceMilestone(actors.engineer, "layout-api", { milestone })).toMatchObject({ key: "FLOOR-2", linked: false, changed: true });
    expect(await unlinkServiceMilestone(actors.engineer, "layout-api", { milestone })).toMatchObject({ changed: false });
    expect(await links()).toEqual([]);
    expect((await audits("milestone.service.link")).map((e) => e.details)).toEqual([
      { key: "FLOOR-2", service: "layout-api", changed: true, grantsEdit: false },
      { key: "FLOOR-2", service: "layout-api", changed: false, grantsEdit: false },
    ]);
    expect((await audits("milestone.service.unlink")).at(0)).toMatchObject({ targetId: milestone, details: { key: "FLOOR-2", service: "layout-api", changed: true } });
  });

  it("a researcher or a viewer of the project cannot link or unlink (403); nothing changes", async () => {
    await linkServiceMilestone(actors.engineer, "layout-api", { milestone: ids["FLOOR-1"] });
    for (const who of ["researcher", "viewer"] as const) {
      await expect(linkServiceMilestone(actors[who], "layout-api", { milestone: ids["FLOOR-10"] })).rejects.toMatchObject({ status: 403 });
      await expect(unlinkServiceMilestone(actors[who], "layout-api", { milestone: ids["FLOOR-1"] })).rejects.toMatchObject({ status: 403 });
    }
    expect(await links()).toEqual(["FLOOR-1"]);
  });

  it("a milestone of a project the caller cannot see is not found, the same as one that does not exist", async () => {
    await expect(linkServiceMilestone(actors.engineer, "layout-api", { milestone: ids["SECRET-1"] })).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/Milestone/) });
    await expect(linkServiceMilestone(actors.engineer, "layout-api", { milestone: "cmnosuchmilestone00000000" })).rejects.toMatchObject({ status: 404 });
    // A non-member of FLOOR learns nothing about FLOOR's milestones either.
    await expect(unlinkServiceMilestone(actors.outsider, "layout-api", { milestone: ids["FLOOR-1"] })).rejects.toMatchObject({ status: 404 });
    await expect(linkServiceMilestone(actors.engineer, "no-such-service", { milestone: ids["FLOOR-2"] })).rejects.toMatchObject({ status: 404, message: expect.stringMatching(/Service/) });
    expect(await links()).toEqual(["FLOOR-1"]);
    const denied = await t.db.auditEvent.count({ where: { action: "milestone.update", outcome: { not: "success" } } });
    expect(denied).toBeGreaterThan(0);
  });

  it("refuses input that names no milestone, naming the field by its label", async () => {
    await expect(linkServiceMilestone(actors.engineer, "layout-api", {})).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Milestone/) });
    await expect(linkServiceMilestone(actors.engineer, "layout-api", { milestone: "not an id!" })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Milestone/) });
    await expect(linkServiceMilestone(actors.engineer, "layout-api", null)).rejects.toMatchObject({ status: 422 });
  });

  it("offers milestones of active projects the caller plans in, grouped by project, without those linked", async () => {
    expect(await serviceMilestoneChoices(actors.engineer, "layout-api")).toEqual({
      editable: ["FLOOR"],
      groups: [{ project: { key: "FLOOR", name: "Floor plans" }, milestones: [{ id: ids["FLOOR-2"], key: "FLOOR-2", title: "Step 2" }, { id: ids["FLOOR-10"], key: "FLOOR-10", title: "Step 10" }] }],
    });
    expect(await serviceMilestoneChoices(actors.researcher, "layout-api")).toEqual({ editable: [], groups: [] });
    const admin = await serviceMilestoneChoices(actors.admin, "layout-api");
    expect(admin.editable).toEqual(["FLOOR", "SECRET"]);
  });
});
