// The audit page names each event's target (issue 8 item 5): auditTargetNames resolves the ids of a
// page of events, for admins only, one query per target type, and leaves unknown ids unnamed.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { auditTargetNames } from "@/lib/data/audit";
import { ForbiddenError } from "@/lib/errors";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

describeEachProvider("audit target names", (provider) => {
  let t: TestDb;
  let admin: Actor;
  let viewer: Actor;
  let ids: { project: string; handoff: string; milestone: string; service: string; membership: string };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const actor = async (name: string, isAdmin: boolean): Promise<Actor> => {
      const u = await t.db.user.create({ data: { email: `${name.toLowerCase()}@example.test`, name, isAdmin } });
      return { id: u.id, email: u.email, name: u.name, isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
    };
    admin = await actor("Ada", true);
    viewer = await actor("Vic", false);
    const project = await t.db.project.create({ data: { key: "AUD", name: "Audited" } });
    const handoff = await t.db.handoff.create({ data: { projectId: project.id, title: "A paper", authors: [], sections: {} } });
    const milestone = await t.db.milestone.create({ data: { projectId: project.id, key: "AUD-1", title: "Do it" } });
    const service = await t.db.service.create({ data: { name: "ranker", layer: "model" } });
    const membership = await t.db.membership.create({ data: { projectId: project.id, userId: viewer.id, role: "viewer" } });
    ids = { project: project.id, handoff: handoff.id, milestone: milestone.id, service: service.id, membership: membership.id };
  });
  afterAll(() => t?.drop());

  it("names every target type for an admin, by id, project key or service name", async () => {
    const names = await auditTargetNames(admin, [
      { targetType: "handoff", targetId: ids.handoff },
      { targetType: "project", targetId: ids.project },
      { targetType: "project", targetId: "AUD" },
      { targetType: "milestone", targetId: ids.milestone },
      { targetType: "service", targetId: ids.service },
      { targetType: "service", targetId: "ranker" },
      { targetType: "user", targetId: viewer.id },
      { targetType: "membership", targetId: ids.membership },
      { targetType: "handoff", targetId: "gone" },
      { targetType: "user", targetId: "" },
    ]);
    expect(names.handoffs).toEqual([{ id: ids.handoff, title: "A paper", project: { key: "AUD" } }]);
    expect(names.projects).toEqual([{ id: ids.project, key: "AUD", name: "Audited" }]);
    expect(names.milestones).toEqual([{ id: ids.milestone, key: "AUD-1", title: "Do it", project: { key: "AUD" } }]);
    expect(names.services).toEqual([{ id: ids.service, name: "ranker" }]);
    expect(names.users).toEqual([{ id: viewer.id, name: "Vic", email: "vic@example.test" }]);
    expect(names.memberships).toEqual([{ id: ids.membership, project: { key: "AUD" }, user: { name: "Vic" } }]);
  });

  it("refuses anyone but an admin before reading anything, and records the refusal", async () => {
    await expect(auditTargetNames(viewer, [{ targetType: "user", targetId: admin.id }])).rejects.toBeInstanceOf(ForbiddenError);
    expect(await t.db.auditEvent.count({ where: { actorId: viewer.id, action: "audit.read", outcome: "denied" } })).toBe(1);
  });
});
