// getProjectBurnUp on SQLite and PostgreSQL: a small project whose history is written with explicit
// times, read back through lib/data; it ends on the plan's progress, and an outsider learns nothing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { MilestoneStatus } from "@/lib/db/generated/sqlite/enums";
import { getProjectBurnUp } from "@/lib/data/burnup";
import { getProjectPlan } from "@/lib/data/plan";
import { NotFoundError } from "@/lib/errors";
import { dayNumber, dayToIso } from "@/lib/graph/plan";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const DAY = 86_400_000;

// Today is T. B-1 (4 d) is created on T-20 and done on T-12; B-2 (no estimate: the median of 4, 2
// and 1, B-4 cancelled aside, is 2) on T-20, in progress since T-15; B-3 (2 d) is added on T-10;
// B-4 (6 d) is added on T-10 and cancelled on T-5; B-5 (1 d) was written done on T-3 with no history.
describeEachProvider("getProjectBurnUp", (provider) => {
  let t: TestDb;
  let viewer: Actor;
  let outsider: Actor;
  const now = new Date();
  const today = dayNumber(now);
  const date = (offset: number, hour = 10) => new Date((today + offset) * DAY + hour * 3_600_000);

  async function user(label: string): Promise<Actor> {
    const u = await t.db.user.create({ data: { email: `${label}-${randomBytes(3).toString("hex")}@example.test`, name: label } });
    return { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    viewer = await user("viewer");
    outsider = await user("outsider");
    const project = await t.db.project.create({ data: { key: "BU", name: "Burn", memberships: { create: { userId: viewer.id, role: "viewer" } } } });
    const milestone = (key: string, created: number, data: Record<string, unknown> = {}) =>
      t.db.milestone.create({ data: { projectId: project.id, key, title: `Work ${key}`, createdAt: date(created), ...data } });
    const history = (milestoneId: string, steps: [number, MilestoneStatus | null, MilestoneStatus][]) =>
      t.db.statusUpdate.createMany({
        data: steps.map(([offset, from, to], i) => ({ milestoneId, fromStatus: from, toStatus: to, toHealth: "on_track" as const, createdAt: date(offset, 10 + i) })),
      });
    const b1 = await milestone("B-1", -20, { estimateDays: 4, status: "done", completedAt: date(-12) });
    const b2 = await milestone("B-2", -20, { status: "in_progress" });
    const b3 = await milestone("B-3", -10, { estimateDays: 2 });
    const b4 = await milestone("B-4", -10, { estimateDays: 6, status: "cancelled" });
    await milestone("B-5", -3, { estimateDays: 1, status: "done", completedAt: date(-3, 12) });
    await history(b1.id, [[-20, null, "planned"], [-15, "planned", "in_progress"], [-12, "in_progress", "done"]]);
    await history(b2.id, [[-20, null, "planned"], [-15, "planned", "in_progress"], [-14, "in_progress", "in_progress"]]);
    await history(b3.id, [[-10, null, "planned"]]);
    await history(b4.id, [[-10, null, "planned"], [-5, "planned", "cancelled"]]);
  });
  afterAll(() => t?.drop());

  it("replays the status history into done and scope per day, with the scope changes", async () => {
    const burnUp = await getProjectBurnUp(viewer, "BU", now);
    expect(burnUp.project).toEqual({ key: "BU", name: "Burn" });
    expect(burnUp.defaultEstimateDays).toBe(2);
    expect(burnUp.points.map((p) => [p.day - today, p.date, p.done, p.scope])).toEqual([
      [-20, dayToIso(today - 20), 0, 6],
      [-12, dayToIso(today - 12), 4, 6],
      [-10, dayToIso(today - 10), 4, 14],
      [-5, dayToIso(today - 5), 4, 8],
      [-3, dayToIso(today - 3), 5, 9],
      [0, dayToIso(today), 5, 9],
    ]);
    expect(burnUp.changes.map((c) => [c.day - today, c.delta, c.added, c.cancelled])).toEqual([
      [-20, 6, ["B-1", "B-2"], []],
      [-10, 8, ["B-3", "B-4"], []],
      [-5, -6, [], ["B-4"]],
      [-3, 1, ["B-5"], []],
    ]);
    expect([burnUp.done, burnUp.scope]).toEqual([5, 9]);
  });

  it("ends where the plan's progress stands (no criteria ticked, so progress is done over scope)", async () => {
    const [burnUp, plan] = await Promise.all([getProjectBurnUp(viewer, "BU", now), getProjectPlan(viewer, "BU", now)]);
    expect(plan.defaultEstimateDays).toBe(burnUp.defaultEstimateDays);
    expect(plan.progress).toBe(Math.round((burnUp.done / burnUp.scope) * 1000) / 1000);
  });

  it("refuses a caller who cannot see the project as if it did not exist", async () => {
    await expect(getProjectBurnUp(outsider, "BU", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProjectBurnUp(null, "BU", now)).rejects.toThrow();
  });
});
