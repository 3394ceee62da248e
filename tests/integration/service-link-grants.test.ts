// Who a milestone-service link makes an editor of the service (security review): any planner may
// link any service to their milestone, but the link grants the project's engineers, managers and
// owners editing only when whoever made it could already edit the service (its owner, an admin,
// an editor through a granting link). And the catalog counts only milestones the caller can see.
// Through the routes and the data layer, on SQLite and PostgreSQL.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/data/tokens";
import { getProjectMap } from "@/lib/data/map";
import { setMilestoneServices } from "@/lib/data/milestone-plan";
import { linkServiceMilestone, unlinkServiceMilestone } from "@/lib/data/service-milestones";
import { getService, listServices, updateService } from "@/lib/data/services";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as milestonesRoute from "@/app/api/v1/projects/[key]/milestones/route";
import * as milestoneServicesRoute from "@/app/api/v1/milestones/[id]/services/route";
import * as servicesRoute from "@/app/api/v1/services/route";
import * as serviceRoute from "@/app/api/v1/services/[name]/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
type Who = "researcher" | "svcOwner" | "engineer" | "otherEngineer" | "admin";

describeEachProvider("who a service link makes an editor", (provider) => {
  let t: TestDb;
  const actors = {} as Record<Who, Actor>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const who of ["researcher", "svcOwner", "engineer", "otherEngineer", "admin"] as const) {
      const u = await t.db.user.create({ data: { email: `${who.toLowerCase()}@example.test`, name: who, isAdmin: who === "admin" } });
      actors[who] = { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
    }
    // postgres belongs to svcOwner, who plans in FLOOR (engineer) beside the engineer; BETA is
    // planned by otherEngineer only. The researcher starts in no project.
    await t.db.service.create({ data: { name: "postgres", layer: "data", ownerId: actors.svcOwner.id } });
    const floor = await t.db.project.create({
      data: { key: "FLOOR", name: "Floor plans", memberships: { create: [{ userId: actors.svcOwner.id, role: "engineer" }, { userId: actors.engineer.id, role: "engineer" }, { userId: actors.otherEngineer.id, role: "engineer" }] } },
    });
    const beta = await t.db.project.create({ data: { key: "BETA", name: "Beta", memberships: { create: { userId: actors.otherEngineer.id, role: "owner" } } } });
    for (const [key, projectId] of [["FLOOR-1", floor.id], ["FLOOR-2", floor.id], ["BETA-1", beta.id], ["BETA-2", beta.id]] as const) {
      ids[key] = (await t.db.milestone.create({ data: { projectId, key, title: key } })).id;
    }
  });
  afterAll(() => t?.drop());

  const canEdit = async (who: Who) => (await getService(actors[who], "postgres")).may.update;
  const grants = async () =>
    (await t.db.milestoneService.findMany({ where: { service: { name: "postgres" } }, select: { grantsEdit: true, milestone: { select: { key: true } } } }))
      .map((l) => `${l.milestone.key}:${l.grantsEdit}`)
      .sort();

  it("refuses the reported escalation: a researcher's own project links postgres, which shows on the map, but the PATCH is 403", async () => {
    const token = (await createToken(actors.researcher, { name: "repro" })).token;
    const call = (method: string, body: unknown) => ({ method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await projectsRoute.POST(new Request("http://legible.test/api/v1/projects", call("POST", { key: "RES", name: "Research" })), params({}))).status).toBe(201);
    const made = await milestonesRoute.POST(new Request("http://legible.test/api/v1/projects/RES/milestones", call("POST", { key: "RES-1", title: "Mine" })), params({ key: "RES" }));
    expect(made.status).toBe(201);
    const id = (await t.db.milestone.findFirstOrThrow({ where: { key: "RES-1" } })).id;
    const linked = await milestoneServicesRoute.PUT(new Request(`http://legible.test/api/v1/milestones/${id}/services`, call("PUT", { services: ["postgres"] })), params({ id }));
    expect(linked.status).toBe(200);
    expect(await linked.json()).toEqual({ key: "RES-1", services: ["postgres"] });

    const patched = await serviceRoute.PATCH(new Request("http://legible.test/api/v1/services/postgres", call("PATCH", { description: "pwned", version: 1 })), params({ name: "postgres" }));
    expect(patched.status).toBe(403);
    expect((await patched.json()).detail).toMatch(/^Only postgres's owner, instance admins, and the engineers, managers and owners of the projects whose milestones its owner, an admin or another of its editors linked to it can edit it\.$/);
    expect(await t.db.service.findUniqueOrThrow({ where: { name: "postgres" } })).toMatchObject({ description: "", version: 1 });
    expect(await grants()).toEqual(["RES-1:false"]);
    expect(await canEdit("researcher")).toBe(false);

    // The link is still planning: the researcher's map draws RES-1 implemented by postgres.
    const { nodes, edges } = await getProjectMap(actors.researcher, "RES");
    const service = nodes.find((n) => n.kind === "service");
    expect(service).toMatchObject({ label: "postgres" });
    expect(edges).toContainEqual(expect.objectContaining({ kind: "implements", source: `milestone:${id}`, target: service!.id }));
    // The service page's own link action grants nothing either.
    await setMilestoneServices(actors.researcher, id, { services: [] });
    expect(await linkServiceMilestone(actors.researcher, "postgres", { milestone: id })).toMatchObject({ linked: true, changed: true });
    expect(await grants()).toEqual(["RES-1:false"]);
    expect(await canEdit("researcher")).toBe(false);
  });

  it("a link the service's owner makes grants its project's engineers, until it is removed", async () => {
    expect(await canEdit("engineer")).toBe(false);
    expect(await linkServiceMilestone(actors.svcOwner, "postgres", { milestone: ids["FLOOR-1"] })).toMatchObject({ changed: true });
    expect(await grants()).toEqual(["FLOOR-1:true", "RES-1:false"]);
    expect(await canEdit("engineer")).toBe(true);
    await expect(updateService(actors.engineer, "postgres", { description: "Plans and generations.", version: 1 })).resolves.toMatchObject({ version: 2 });
    expect((await t.db.auditEvent.findMany({ where: { action: "milestone.service.link", outcome: "success" }, orderBy: [{ at: "asc" }, { id: "asc" }] })).at(-1)?.details).toEqual({
      key: "FLOOR-1",
      service: "postgres",
      changed: true,
      grantsEdit: true,
    });

    // Removing the granting link removes the right.
    await unlinkServiceMilestone(actors.engineer, "postgres", { milestone: ids["FLOOR-1"] });
    expect(await canEdit("engineer")).toBe(false);
    await expect(updateService(actors.engineer, "postgres", { description: "Again.", version: 2 })).rejects.toMatchObject({ status: 403 });
  });

  it("an engineer's own link grants nothing until an editor of the service confirms it; a replaced set drops the right", async () => {
    await setMilestoneServices(actors.engineer, ids["FLOOR-2"], { services: ["postgres"] });
    expect(await grants()).toContain("FLOOR-2:false");
    expect(await canEdit("engineer")).toBe(false);
    // The owner saves a set that keeps it (as any edit of the milestone's services does): that is
    // no confirmation, so it still grants nothing (the review's escalation: an editor touching a
    // planner's list made their link grant).
    await setMilestoneServices(actors.svcOwner, ids["FLOOR-2"], { services: ["postgres"] });
    expect(await grants()).toContain("FLOOR-2:false");
    expect(await canEdit("engineer")).toBe(false);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "milestone.services", actorId: actors.svcOwner.id }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    expect(audit.details).toEqual({ key: "FLOOR-2", services: ["postgres"], added: [], removed: [], grantsEdit: [] });
    // Confirming is deliberate, from the service's side: then it grants.
    expect(await linkServiceMilestone(actors.svcOwner, "postgres", { milestone: ids["FLOOR-2"] })).toMatchObject({ changed: true });
    expect(await grants()).toContain("FLOOR-2:true");
    expect(await canEdit("engineer")).toBe(true);
    await setMilestoneServices(actors.engineer, ids["FLOOR-2"], { services: [] });
    expect(await canEdit("engineer")).toBe(false);
  });

  it("an admin's link grants, and so does one an existing editor makes in another project", async () => {
    expect(await canEdit("otherEngineer")).toBe(false);
    await setMilestoneServices(actors.admin, ids["FLOOR-1"], { services: ["postgres"] });
    expect(await canEdit("engineer")).toBe(true);
    expect(await canEdit("otherEngineer")).toBe(true);
    // otherEngineer edits postgres through FLOOR, so their link in BETA grants too: BETA's own
    // planners would stay editors once FLOOR's link is gone.
    expect(await linkServiceMilestone(actors.otherEngineer, "postgres", { milestone: ids["BETA-1"] })).toMatchObject({ changed: true });
    expect(await grants()).toContain("BETA-1:true");
    await unlinkServiceMilestone(actors.admin, "postgres", { milestone: ids["FLOOR-1"] });
    expect(await canEdit("engineer")).toBe(false);
    expect(await canEdit("otherEngineer")).toBe(true);
    // The researcher cannot reach BETA's milestones (404), and their RES link still grants nothing.
    await expect(linkServiceMilestone(actors.researcher, "postgres", { milestone: ids["BETA-2"] })).rejects.toMatchObject({ status: 404 });
    expect(await canEdit("researcher")).toBe(false);
  });

  it("counts in the catalog only the milestones of projects the caller can see (admins: all)", async () => {
    // postgres now implements RES-1 (the researcher's) and BETA-1 (otherEngineer's).
    const count = async (who: Who) => (await listServices(actors[who])).find((s) => s.name === "postgres")!._count.milestones;
    expect(await count("admin")).toBe(2);
    expect(await count("researcher")).toBe(1);
    expect(await count("otherEngineer")).toBe(1);
    expect(await count("engineer")).toBe(0);
    // The API answers the same, and agrees with the service page's own list.
    const token = (await createToken(actors.engineer, { name: "count" })).token;
    const res = await servicesRoute.GET(new Request("http://legible.test/api/v1/services", { headers: { authorization: `Bearer ${token}` } }), params({}));
    const body = (await res.json()) as { services: { name: string; _count: { milestones: number } }[] };
    expect(body.services.find((s) => s.name === "postgres")!._count.milestones).toBe(0);
    expect((await getService(actors.researcher, "postgres")).service.milestones.map((m) => m.milestone.key)).toEqual(["RES-1"]);
  });
});
