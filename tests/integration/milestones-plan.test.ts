// Issue 9, items 1–3 and their API (item 6): editing a milestone with optimistic concurrency,
// deleting it with what hangs off it, dependencies that stay a DAG (a cycle is refused with the
// cycle named in order), and the services that implement it. Through the data layer and the
// route handlers, on SQLite and PostgreSQL, with the permission matrix's cells.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/data/tokens";
import { deleteMilestone, updateMilestone, updateMilestoneStatus } from "@/lib/data/milestones";
import { addDependency, milestonePlanChoices, removeDependency, setMilestoneServices, tickMilestoneCriterion } from "@/lib/data/milestone-plan";
import * as milestoneRoute from "@/app/api/v1/milestones/[id]/route";
import * as dependenciesRoute from "@/app/api/v1/milestones/[id]/dependencies/route";
import * as dependencyRoute from "@/app/api/v1/milestones/[id]/dependencies/[dependsOnId]/route";
import * as servicesRoute from "@/app/api/v1/milestones/[id]/services/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describeEachProvider("milestone planning", (provider) => {
  let t: TestDb;
  const actors = {} as Record<"owner" | "manager" | "engineer" | "viewer" | "outsider", Actor>;
  const tokens = {} as Record<keyof typeof actors, string>;
  const ids: Record<string, string> = {};
  let projectId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const role of ["owner", "manager", "engineer", "viewer", "outsider"] as const) {
      const u = await t.db.user.create({ data: { email: `${role}@example.test`, name: role.charAt(0).toUpperCase() + role.slice(1) } });
      actors[role] = { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
      tokens[role] = (await createToken(actors[role], { name: role })).token;
    }
    const members = (["owner", "manager", "engineer", "viewer"] as const).map((role) => ({ userId: actors[role].id, role }));
    projectId = (await t.db.project.create({ data: { key: "FLOOR", name: "Floor plans", memberships: { create: members } } })).id;
    for (let n = 1; n <= 8; n++) ids[`FLOOR-${n}`] = (await t.db.milestone.create({ data: { projectId, key: `FLOOR-${n}`, title: `Step ${n}`, description: `About ${n}.` } })).id;
    const other = await t.db.project.create({ data: { key: "OTHER", name: "Other", memberships: { create: { userId: actors.owner.id, role: "owner" } } } });
    ids["OTHER-1"] = (await t.db.milestone.create({ data: { projectId: other.id, key: "OTHER-1", title: "Elsewhere" } })).id;
    await t.db.service.createMany({ data: [{ name: "layout-api", layer: "api" }, { name: "floor-model", layer: "model" }] });
  });
  afterAll(() => t?.drop());

  const call = (role: keyof typeof actors, method: string, body?: unknown) => ({
    method,
    headers: { authorization: `Bearer ${tokens[role]}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const patch = (role: keyof typeof actors, id: string, body: unknown) => milestoneRoute.PATCH(new Request(`http://legible.test/api/v1/milestones/${id}`, call(role, "PATCH", body)), params({ id }));
  const depend = (role: keyof typeof actors, id: string, dependsOn: string) =>
    dependenciesRoute.POST(new Request(`http://legible.test/api/v1/milestones/${id}/dependencies`, call(role, "POST", { dependsOn })), params({ id }));
  const audits = (action: string) => t.db.auditEvent.findMany({ where: { action, outcome: "success" }, orderBy: [{ at: "asc" }, { id: "asc" }] });

  it("edits every field from the version read; a PATCH leaves the fields it does not name", async () => {
    const id = ids["FLOOR-1"];
    const saved = await updateMilestone(actors.engineer, id, {
      title: "Train the floor model",
      acceptanceCriteria: "Done when:\n- Loss below 0.1\n- [x] Data cleaned",
      ownerId: actors.engineer.id,
      startDate: "2026-03-01",
      dueDate: "2026-03-20",
      estimateDays: 5,
      version: 1,
    });
    expect(saved).toMatchObject({ title: "Train the floor model", description: "About 1.", estimateDays: 5, ownerId: actors.engineer.id, version: 2 });
    // Plain bullets become boxes to tick.
    expect(saved.acceptanceCriteria).toBe("Done when:\n- [ ] Loss below 0.1\n- [x] Data cleaned");
    const res = await patch("manager", id, { title: "Train it", version: 2 });
    expect(res.status).toBe(200);
    const { milestone } = await res.json();
    expect(milestone).toMatchObject({ title: "Train it", description: "About 1.", estimateDays: 5, version: 3 });
    expect((await audits("milestone.update")).at(-1)?.details).toMatchObject({ key: "FLOOR-1", fields: ["title"] });
  });

  it("a stale save gets 409 problem JSON carrying the current milestone, and changes nothing", async () => {
    const id = ids["FLOOR-1"];
    const res = await patch("engineer", id, { title: "My older idea", version: 2 });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = await res.json();
    expect(problem.detail).toMatch(/Someone changed this milestone/);
    expect(problem.current).toMatchObject({ id, title: "Train it", version: 3 });
    expect((await t.db.milestone.findUniqueOrThrow({ where: { id } })).title).toBe("Train it");
  });

  it("refuses dates out of order (also against the stored one), a key of another project and a key in use", async () => {
    const id = ids["FLOOR-1"];
    await expect(updateMilestone(actors.engineer, id, { startDate: "2026-04-01", version: 3 })).rejects.toThrow("Due date must be on or after the start date.");
    await expect(updateMilestone(actors.engineer, id, { key: "OTHER-9", version: 3 })).rejects.toThrow("Key must start with FLOOR-.");
    await expect(updateMilestone(actors.engineer, id, { key: "FLOOR-2", version: 3 })).rejects.toMatchObject({ status: 409 });
    const renamed = await updateMilestone(actors.engineer, id, { key: "floor-11", version: 3 });
    expect(renamed.key).toBe("FLOOR-11");
    ids["FLOOR-11"] = id;
  });

  it("ticks an acceptance criterion from the version read", async () => {
    const id = ids["FLOOR-11"];
    await tickMilestoneCriterion(actors.engineer, id, { index: 0, checked: "true", version: 4 });
    expect((await t.db.milestone.findUniqueOrThrow({ where: { id } })).acceptanceCriteria).toBe("Done when:\n- [x] Loss below 0.1\n- [x] Data cleaned");
    await expect(tickMilestoneCriterion(actors.engineer, id, { index: 1, checked: "false", version: 4 })).rejects.toMatchObject({ status: 409 });
    await expect(tickMilestoneCriterion(actors.engineer, id, { index: 7, checked: "true", version: 5 })).rejects.toThrow("Criterion 8 does not exist.");
  });

  it("adds dependencies by key or id (201) and refuses the edge that closes a cycle, naming it in order", async () => {
    // FLOOR-3 → FLOOR-7 → FLOOR-5: 3 depends on 7, 7 depends on 5.
    const first = await depend("engineer", ids["FLOOR-3"], "floor-7");
    expect(first.status).toBe(201);
    expect((await first.json()).dependency).toMatchObject({ milestone: "FLOOR-3", dependsOn: { key: "FLOOR-7" } });
    expect((await depend("engineer", ids["FLOOR-7"], ids["FLOOR-5"])).status).toBe(201);
    const before = await t.db.milestoneDependency.count();
    const res = await depend("engineer", ids["FLOOR-5"], "FLOOR-3");
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = await res.json();
    expect(problem.cycle).toEqual(["FLOOR-5", "FLOOR-3", "FLOOR-7", "FLOOR-5"]);
    expect(problem.detail).toContain("FLOOR-5 → FLOOR-3 → FLOOR-7 → FLOOR-5");
    // The two-node case of the issue: FLOOR-7 depends on FLOOR-3 closes 3 → 7 → 3.
    const two = await (await depend("engineer", ids["FLOOR-7"], "FLOOR-3")).json();
    expect(two.cycle).toEqual(["FLOOR-7", "FLOOR-3", "FLOOR-7"]);
    expect(await t.db.milestoneDependency.count()).toBe(before);
    expect((await audits("milestone.dependency.add")).map((e) => e.details)).toEqual([
      { key: "FLOOR-3", dependsOn: "FLOOR-7" },
      { key: "FLOOR-7", dependsOn: "FLOOR-5" },
    ]);
  });

  it("refuses a self-dependency, a duplicate, and milestones of other projects or none", async () => {
    const id = ids["FLOOR-3"];
    await expect(addDependency(actors.engineer, id, { dependsOn: "FLOOR-3" })).rejects.toThrow("Depends on cannot be the milestone itself.");
    await expect(addDependency(actors.engineer, id, { dependsOn: "FLOOR-7" })).rejects.toMatchObject({ status: 409, message: "FLOOR-3 already depends on FLOOR-7." });
    for (const other of [ids["OTHER-1"], "OTHER-1", "FLOOR-99"]) {
      await expect(addDependency(actors.engineer, id, { dependsOn: other })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Depends on must name a milestone of Floor plans/) });
    }
    // A milestone of a project the caller cannot see is the same answer: it names nothing here.
    await expect(addDependency(actors.outsider, ids["OTHER-1"], { dependsOn: "FLOOR-3" })).rejects.toMatchObject({ status: 404 });
    expect(await t.db.milestoneDependency.count({ where: { milestoneId: id } })).toBe(1);
  });

  it("removes a dependency (DELETE), and answers 404 for one that is not there", async () => {
    const id = ids["FLOOR-7"];
    const url = (d: string) => new Request(`http://legible.test/api/v1/milestones/${id}/dependencies/${d}`, call("engineer", "DELETE"));
    const res = await dependencyRoute.DELETE(url(ids["FLOOR-5"]), params({ id, dependsOnId: ids["FLOOR-5"] }));
    expect(res.status).toBe(200);
    expect((await res.json()).removed).toEqual({ key: "FLOOR-7", dependsOn: "FLOOR-5" });
    expect((await dependencyRoute.DELETE(url(ids["FLOOR-5"]), params({ id, dependsOnId: ids["FLOOR-5"] }))).status).toBe(404);
    await expect(removeDependency(actors.engineer, id, "nope")).rejects.toMatchObject({ status: 404 });
  });

  it("sets the services that implement a milestone (the whole set), refusing unknown names by name", async () => {
    const id = ids["FLOOR-2"];
    const put = (role: keyof typeof actors, services: unknown) => servicesRoute.PUT(new Request(`http://legible.test/api/v1/milestones/${id}/services`, call(role, "PUT", { services })), params({ id }));
    const res = await put("engineer", ["layout-api", "floor-model", "layout-api"]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ key: "FLOOR-2", services: ["floor-model", "layout-api"] });
    const refused = await put("engineer", ["layout-api", "ghost-one", "ghost-two"]);
    expect(refused.status).toBe(422);
    expect((await refused.json()).detail).toBe("Implemented by names services the catalog does not have: ghost-one, ghost-two.");
    await setMilestoneServices(actors.manager, id, { services: ["layout-api"] });
    const links = await t.db.milestoneService.findMany({ where: { milestoneId: id }, select: { service: { select: { name: true } } } });
    expect(links.map((l) => l.service.name)).toEqual(["layout-api"]);
    expect((await audits("milestone.services")).map((e) => e.details)).toEqual([
      { key: "FLOOR-2", services: ["floor-model", "layout-api"], added: ["floor-model", "layout-api"], removed: [], grantsEdit: [] },
      { key: "FLOOR-2", services: ["layout-api"], added: [], removed: ["floor-model"], grantsEdit: [] },
    ]);
  });

  it("follows the matrix: viewers plan nothing, engineers do not delete, outsiders learn nothing", async () => {
    const id = ids["FLOOR-4"];
    expect((await patch("viewer", id, { title: "Nope", version: 1 })).status).toBe(403);
    expect((await depend("viewer", id, "FLOOR-1")).status).toBe(403);
    await expect(setMilestoneServices(actors.viewer, id, { services: [] })).rejects.toMatchObject({ status: 403 });
    await expect(tickMilestoneCriterion(actors.viewer, id, { index: 0, checked: true, version: 1 })).rejects.toMatchObject({ status: 403 });
    expect((await patch("outsider", id, { title: "Nope", version: 1 })).status).toBe(404);
    expect((await milestoneRoute.DELETE(new Request(`http://legible.test/api/v1/milestones/${id}`, call("engineer", "DELETE")), params({ id }))).status).toBe(403);
    expect(await t.db.milestone.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Step 4", version: 1 });
  });

  it("deletes a milestone with its dependencies both ways and its links, saying what went", async () => {
    const id = ids["FLOOR-7"];
    await addDependency(actors.engineer, id, { dependsOn: "FLOOR-8" });
    await setMilestoneServices(actors.engineer, id, { services: ["layout-api"] });
    const res = await milestoneRoute.DELETE(new Request(`http://legible.test/api/v1/milestones/${id}`, call("manager", "DELETE")), params({ id }));
    expect(res.status).toBe(200);
    // FLOOR-3 depended on it, it depended on FLOOR-8.
    expect((await res.json()).deleted).toEqual({ project: "FLOOR", key: "FLOOR-7", dependencies: 2, services: 1, handoffs: 0 });
    expect(await t.db.milestone.findUnique({ where: { id } })).toBeNull();
    expect(await t.db.milestoneDependency.count({ where: { OR: [{ milestoneId: id }, { dependsOnId: id }] } })).toBe(0);
    expect(await t.db.milestoneService.count({ where: { milestoneId: id } })).toBe(0);
    expect((await audits("milestone.delete")).at(-1)?.details).toMatchObject({ key: "FLOOR-7", dependencies: 2 });
    await expect(deleteMilestone(actors.owner, id)).rejects.toMatchObject({ status: 404 });
  });

  it("marking a milestone done answers with the prerequisites still open, in key order", async () => {
    const make = async (key: string, status: "planned" | "done" | "cancelled" | "blocked") =>
      (await t.db.milestone.create({ data: { projectId, key, title: key, status } })).id;
    const [goal, open, blocked, done, cancelled] = await Promise.all([make("FLOOR-30", "planned"), make("FLOOR-32", "planned"), make("FLOOR-31", "blocked"), make("FLOOR-33", "done"), make("FLOOR-34", "cancelled")]);
    await t.db.milestoneDependency.createMany({ data: [open, blocked, done, cancelled].map((dependsOnId) => ({ projectId, milestoneId: goal, dependsOnId })) });
    const started = await updateMilestoneStatus(actors.engineer, goal, { status: "in_progress", health: "on_track", version: 1 });
    expect(started.openPrerequisites).toEqual([]);
    const finished = await updateMilestoneStatus(actors.engineer, goal, { status: "done", health: "on_track", version: 2 });
    expect(finished.status).toBe("done");
    expect(finished.openPrerequisites).toEqual(["FLOOR-31", "FLOOR-32"]);
  });

  it("does not offer as a prerequisite any milestone that waits on this one, directly or through others", async () => {
    const make = async (key: string) => (await t.db.milestone.create({ data: { projectId, key, title: key } })).id;
    const [root, middle, leaf, free] = [await make("FLOOR-40"), await make("FLOOR-41"), await make("FLOOR-42"), await make("FLOOR-43")];
    // leaf waits on middle, middle waits on root.
    await t.db.milestoneDependency.createMany({ data: [{ projectId, milestoneId: middle, dependsOnId: root }, { projectId, milestoneId: leaf, dependsOnId: middle }] });
    const offered = (await milestonePlanChoices(actors.engineer, root)).milestones.map((m) => m.id);
    expect(offered).toContain(free);
    expect(offered).not.toContain(middle);
    expect(offered).not.toContain(leaf);
    expect(offered).not.toContain(root);
    expect((await milestonePlanChoices(actors.engineer, leaf)).milestones.map((m) => m.id)).toEqual(expect.arrayContaining([root, middle, free]));
  });
});
