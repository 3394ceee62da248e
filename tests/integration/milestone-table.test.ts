// The milestones table across projects (/milestones, issue 9 item 5) on SQLite and PostgreSQL:
// every milestone of every project the caller may read and nothing else, with each project's
// computed plan (slip, risk chain), owners and direct prerequisites; then filtered as a URL says.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listMilestoneTable } from "@/lib/data/milestone-table";
import { getProjectPlan } from "@/lib/data/plan";
import { dayNumber } from "@/lib/graph/plan";
import { filterRows, sortRows } from "@/lib/plan/milestone-table";
import { parseTableQuery } from "@/lib/plan/milestone-table-query";
import { UnauthenticatedError } from "@/lib/errors";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const DAY = 86_400_000;

describeEachProvider("milestones table across projects", (provider) => {
  let t: TestDb;
  const actors = {} as Record<"manager" | "viewer" | "outsider" | "admin", Actor>;
  const today = dayNumber(new Date());
  const date = (offset: number) => new Date((today + offset) * DAY);

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    for (const name of ["manager", "viewer", "outsider", "admin"] as const) {
      const u = await t.db.user.create({ data: { email: `${name}@example.test`, name: name.charAt(0).toUpperCase() + name.slice(1), isAdmin: name === "admin" } });
      actors[name] = { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
    }
    const project = (key: string, members: [keyof typeof actors, "manager" | "viewer"][], archived = false) =>
      t.db.project.create({
        data: { key, name: `Project ${key}`, archivedAt: archived ? new Date() : null, memberships: { create: members.map(([who, role]) => ({ userId: actors[who].id, role })) } },
      });
    const alpha = await project("ALPHA", [["manager", "manager"], ["viewer", "viewer"]]);
    const beta = await project("BETA", [["manager", "manager"]]);
    const hidden = await project("HIDDEN", []);
    const archived = await project("OLD", [["manager", "manager"]], true);
    const milestone = (projectId: string, key: string, data: Record<string, unknown> = {}) => t.db.milestone.create({ data: { projectId, key, title: `Work ${key}`, ...data } });
    // ALPHA-1 is blocked; ALPHA-2 waits on it and cannot finish by its due date; ALPHA-3 waits on ALPHA-2.
    const a1 = await milestone(alpha.id, "ALPHA-1", { status: "blocked", estimateDays: 3, ownerId: actors.manager.id, dueDate: date(-1) });
    const a2 = await milestone(alpha.id, "ALPHA-2", { estimateDays: 5, dueDate: date(2), ownerId: actors.viewer.id });
    const a3 = await milestone(alpha.id, "ALPHA-3", { estimateDays: 1 });
    await milestone(alpha.id, "ALPHA-10", { status: "done", completedAt: date(-3) });
    for (const [m, on] of [[a2, a1], [a3, a2]]) await t.db.milestoneDependency.create({ data: { projectId: alpha.id, milestoneId: m.id, dependsOnId: on.id } });
    await milestone(beta.id, "BETA-1", { status: "in_progress", dueDate: date(10) });
    await milestone(hidden.id, "HIDDEN-1");
    await milestone(archived.id, "OLD-1");
  });
  afterAll(() => t?.drop());

  const keysOf = (rows: { key: string }[]) => rows.map((r) => r.key).sort();

  it("lists every milestone of the projects the caller is a member of, none of others or of archived ones", async () => {
    const manager = await listMilestoneTable(actors.manager);
    expect(manager.projects.map((p) => p.key).sort()).toEqual(["ALPHA", "BETA"]);
    expect(keysOf(manager.rows)).toEqual(["ALPHA-1", "ALPHA-10", "ALPHA-2", "ALPHA-3", "BETA-1"]);
    expect(keysOf((await listMilestoneTable(actors.viewer)).rows)).toEqual(["ALPHA-1", "ALPHA-10", "ALPHA-2", "ALPHA-3"]);
    expect((await listMilestoneTable(actors.outsider)).rows).toEqual([]);
    expect(keysOf((await listMilestoneTable(actors.admin)).rows)).toEqual(["ALPHA-1", "ALPHA-10", "ALPHA-2", "ALPHA-3", "BETA-1", "HIDDEN-1"]);
  });

  it("refuses a signed-out caller", async () => {
    await expect(listMilestoneTable(null)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("carries the project's computed plan, the owner and the direct prerequisites of each milestone", async () => {
    const { rows, today: day } = await listMilestoneTable(actors.manager);
    const plan = await getProjectPlan(actors.manager, "ALPHA");
    const row = (key: string) => rows.find((r) => r.key === key)!;
    const planned = (key: string) => plan.milestones.find((m) => m.key === key)!;
    expect(day).toBe(plan.today);
    expect(row("ALPHA-1")).toMatchObject({ project: { key: "ALPHA", name: "Project ALPHA" }, status: "blocked", owner: { id: actors.manager.id, name: "Manager" }, dependsOn: [] });
    expect(row("ALPHA-2")).toMatchObject({ owner: { id: actors.viewer.id, name: "Viewer" }, dependsOn: ["ALPHA-1"], atRiskBecause: ["ALPHA-1"], atRiskDistance: 1 });
    expect(row("ALPHA-2").slipDays).toBeGreaterThan(0);
    expect(row("ALPHA-2").slipDays).toBe(planned("ALPHA-2").slipDays);
    expect(row("ALPHA-2").dueDate).toBe(planned("ALPHA-2").dueDate);
    // ALPHA-2 is late itself, so it is the nearest cause of ALPHA-3's risk; "blocked by ALPHA-1" still finds ALPHA-3 (below).
    expect(row("ALPHA-3")).toMatchObject({ owner: null, dependsOn: ["ALPHA-2"], atRiskBecause: ["ALPHA-2"] });
    expect(row("ALPHA-10")).toMatchObject({ status: "done", progress: 1 });
  });

  it("a URL's view of it: a manager's blocked-by, overdue and project filters, sorted by due date", async () => {
    const data = await listMilestoneTable(actors.manager);
    const view = (params: Record<string, string>) => {
      const { query, notices } = parseTableQuery(params, { projectKeys: data.projects.map((p) => p.key), ownerIds: [actors.manager.id, actors.viewer.id], milestoneKeys: data.rows.map((r) => r.key) });
      return { keys: sortRows(filterRows(data.rows, query, { me: actors.manager.id, today: data.today }), query.sort, query.dir).map((r) => r.key), notices };
    };
    expect(view({ blockedBy: "ALPHA-1" })).toEqual({ keys: ["ALPHA-2", "ALPHA-3"], notices: [] });
    expect(view({ overdue: "yes" })).toEqual({ keys: ["ALPHA-1"], notices: [] });
    expect(view({ slipping: "yes", owner: actors.viewer.id })).toEqual({ keys: ["ALPHA-2"], notices: [] });
    expect(view({ owner: "me" }).keys).toEqual(["ALPHA-1"]);
    expect(view({ project: "BETA,ALPHA", status: "blocked,in_progress", sort: "due", dir: "desc" }).keys).toEqual(["BETA-1", "ALPHA-1"]);
    // A project the manager cannot see is named in a notice and filters nothing, as if it did not exist.
    expect(view({ project: "HIDDEN" })).toEqual({ keys: expect.arrayContaining(["ALPHA-1", "BETA-1"]), notices: ['Project: "HIDDEN" is not a project you can see; ignored.'] });
    expect(view({ blockedBy: "HIDDEN-1" }).notices).toEqual(['Blocked by: "HIDDEN-1" is not a milestone you can see; ignored.']);
  });
});
