// The dashboard's reads (lib/data/dashboard.ts) on SQLite and PostgreSQL: a small project whose
// figures are worked out by hand below, and a second project its members cannot see.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getDashboard, getProjectDashboard } from "@/lib/data/dashboard";
import { getProjectPlan } from "@/lib/data/plan";
import { dayNumber, dayToIso } from "@/lib/graph/plan";
import { NotFoundError } from "@/lib/errors";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const DAY = 86_400_000;

// Today is T. Estimates in days.
//   D-1  2 d, blocked ("Waiting on the data licence."): T..T+1
//   D-2  2 d, after D-1: T+2..T+3; at risk from D-1
//   D-3  5 d, after D-2, due T+1: T+4..T+8 → slips 7 days; at risk from D-1 through D-2
//   D-4  1 d, in progress, due T-3 ("Reviewer is away.", the newest note): T..T → overdue, slips 3 days
//   D-5  done five days ago;  D-8 cancelled
//   D-6  1 d, due T+10;  D-7  1 d, due T+20;  D-9 1 d, due T-1 but done (neither overdue nor next)
describeEachProvider("dashboard reads", (provider) => {
  let t: TestDb;
  let viewer: Actor;
  let outsider: Actor;
  const now = new Date();
  const today = dayNumber(now);
  const date = (offset: number) => new Date((today + offset) * DAY);
  const iso = (offset: number) => dayToIso(today + offset);

  async function user(label: string): Promise<Actor> {
    const u = await t.db.user.create({ data: { email: `${label}-${randomBytes(3).toString("hex")}@example.test`, name: label } });
    return { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    viewer = await user("viewer");
    outsider = await user("outsider");
    const project = await t.db.project.create({ data: { key: "DASH", name: "Dashboard", memberships: { create: { userId: viewer.id, role: "viewer" } } } });
    const milestone = (key: string, data: Record<string, unknown> = {}) =>
      t.db.milestone.create({ data: { projectId: project.id, key, title: `Work ${key}`, estimateDays: 1, ...data } });
    const d1 = await milestone("D-1", { estimateDays: 2, status: "blocked" });
    const d2 = await milestone("D-2", { estimateDays: 2 });
    const d3 = await milestone("D-3", { estimateDays: 5, dueDate: date(1) });
    const d4 = await milestone("D-4", { status: "in_progress", dueDate: date(-3) });
    await milestone("D-5", { status: "done", completedAt: date(-5) });
    await milestone("D-6", { dueDate: date(10) });
    await milestone("D-7", { dueDate: date(20) });
    await milestone("D-8", { status: "cancelled" });
    await milestone("D-9", { status: "done", dueDate: date(-1), completedAt: date(-2) });
    for (const [m, on] of [[d2, d1], [d3, d2]]) await t.db.milestoneDependency.create({ data: { projectId: project.id, milestoneId: m.id, dependsOnId: on.id } });
    const note = (milestoneId: string, toStatus: "blocked" | "in_progress", toHealth: "on_track" | "at_risk", text: string, daysAgo: number) =>
      t.db.statusUpdate.create({ data: { milestoneId, authorId: viewer.id, toStatus, toHealth, note: text, createdAt: new Date(now.getTime() - daysAgo * DAY) } });
    await note(d1.id, "blocked", "on_track", "Licence requested.", 4);
    await note(d1.id, "blocked", "on_track", "Waiting on the data licence.", 2);
    await note(d4.id, "in_progress", "at_risk", "Reviewer is away.", 1);
    // A change without a note is newer still, and is not the latest health note.
    await t.db.statusUpdate.create({ data: { milestoneId: d4.id, toStatus: "in_progress", toHealth: "at_risk", createdAt: now } });

    // A project the viewer is not a member of, with a blocked milestone and a note of its own.
    const other = await t.db.project.create({ data: { key: "HIDE", name: "Hidden", memberships: { create: { userId: outsider.id, role: "owner" } } } });
    const hidden = await t.db.milestone.create({ data: { projectId: other.id, key: "HIDE-1", title: "Secret work", status: "blocked", dueDate: date(-1) } });
    await t.db.statusUpdate.create({ data: { milestoneId: hidden.id, toStatus: "blocked", toHealth: "off_track", note: "Secret note.", createdAt: now } });
  });
  afterAll(() => t?.drop());

  it("gives each visible project its standing, counts, signals, next due dates, latest note and cause chains", async () => {
    const dashboards = await getDashboard(viewer, now);
    expect(dashboards.map((d) => d.plan.project.key)).toEqual(["DASH"]);
    const [{ plan, summary, latestNote }] = dashboards;
    // Progress by estimate: D-5 and D-9 done (1 + 1) of 2 + 2 + 5 + 1 + 1 + 1 + 1 + 1 (cancelled counts no work).
    expect(plan.progress).toBe(Math.round((2 / 14) * 1000) / 1000);
    expect(plan.criticalPath).toEqual(["D-1", "D-2", "D-3"]);
    expect(plan.earliestFinish).toBe(iso(8));
    expect(summary.counts).toEqual({ planned: 4, in_progress: 1, blocked: 1, done: 2, cancelled: 1 });
    expect(summary.total).toBe(9);
    expect({ blocked: summary.blocked, atRisk: summary.atRisk, slipping: summary.slipping, overdue: summary.overdue }).toEqual({ blocked: 1, atRisk: 2, slipping: 2, overdue: 1 });
    expect(summary.nextDue.map((m) => [m.key, m.dueDate])).toEqual([
      ["D-3", iso(1)],
      ["D-6", iso(10)],
      ["D-7", iso(20)],
    ]);
    expect(latestNote).toMatchObject({ milestoneKey: "D-4", health: "at_risk", note: "Reviewer is away.", author: "viewer" });

    const chains = Object.fromEntries(summary.chains.map((c) => [c.subject.key, [c.subject.state, ...c.causes.map((l) => `${l.key} ${l.state}: ${l.note ?? "-"}`)]]));
    expect(chains).toEqual({
      "D-1": ["blocked"],
      "D-2": ["at risk", "D-1 blocked: Waiting on the data licence."],
      "D-3": ["slipping 7 d", "D-2 at risk: -", "D-1 blocked: Waiting on the data licence."],
      "D-4": ["slipping 3 d"],
    });
  });

  it("skips subtree progress, which the dashboard never shows; the plan itself still has it", async () => {
    const { plan } = await getProjectDashboard(viewer, "DASH", now);
    expect(plan.milestones.every((m) => m.subtreeProgress === null)).toBe(true);
    const full = await getProjectPlan(viewer, "DASH", now);
    expect(full.milestones.find((m) => m.key === "D-3")?.subtreeProgress).toBe(0);
    // Everything else is the same plan.
    const strip = (p: typeof plan) => p.milestones.map(({ subtreeProgress: _, ...rest }) => rest);
    expect(strip(plan)).toEqual(strip(full));
  });

  it("shows a non-member nothing of another project", async () => {
    const theirs = await getDashboard(outsider, now);
    expect(theirs.map((d) => d.plan.project.key)).toEqual(["HIDE"]);
    expect(JSON.stringify(theirs)).not.toMatch(/DASH|Reviewer is away|data licence/);
    expect(JSON.stringify(await getDashboard(viewer, now))).not.toMatch(/HIDE|Secret/);
    await expect(getProjectDashboard(viewer, "HIDE", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProjectDashboard(outsider, "DASH", now)).rejects.toBeInstanceOf(NotFoundError);
  });
});
