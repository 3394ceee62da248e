// Anonymous traffic does not fill the database: a signed-out request refused with 401 raises a
// per-minute counter instead of writing an audit row, while signed-in denials and failed sign-ins
// are still recorded one by one. Old audit events and counters go after AUDIT_RETENTION_DAYS.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as statusRoute from "@/app/api/v1/milestones/[id]/status/route";
import * as auditRoute from "@/app/api/v1/audit/route";
import { countAnonymousDenial, minuteOf } from "@/lib/data/anonymous-denials";
import { purgeOldAuditEvents, scheduleAuditRetention } from "@/lib/data/audit-retention";
import { signedOutRefusals } from "@/lib/data/audit";
import { signInWithPassword } from "@/lib/data/signin";
import { ForbiddenError } from "@/lib/errors";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const N = 200;
const DAY = 86_400_000;

describeEachProvider("audit volume and retention", (provider) => {
  let t: TestDb;
  let admin: Actor;
  let viewer: Actor;
  let milestoneId = "";

  async function user(label: string, isAdmin = false): Promise<Actor> {
    const u = await t.db.user.create({ data: { email: `${label}-${randomBytes(3).toString("hex")}@example.test`, name: label, isAdmin } });
    return { id: u.id, email: u.email, name: u.name, isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
  }

  async function totalCounted(): Promise<number> {
    return (await t.db.anonymousDenialCount.aggregate({ _sum: { count: true } }))._sum.count ?? 0;
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    admin = await user("admin", true);
    viewer = await user("viewer");
    const p = await t.db.project.create({ data: { key: "VOL", name: "Volume", memberships: { create: { userId: viewer.id, role: "viewer" } } } });
    milestoneId = (await t.db.milestone.create({ data: { projectId: p.id, key: "VOL-1", title: "First" } })).id;
  });
  afterAll(() => t?.drop());

  it(`writes no audit row for ${N} signed-out requests, and counts every one`, async () => {
    const rowsBefore = await t.db.auditEvent.count();
    for (let i = 0; i < N / 2; i++) {
      expect((await projectsRoute.GET(new Request("http://test/api/v1/projects"), params({}))).status).toBe(401);
    }
    // At once, and with a token that does not exist: still signed out.
    const bad = { authorization: "Bearer lgb_not-a-real-token" };
    const replies = await Promise.all(Array.from({ length: N / 2 }, () => projectsRoute.GET(new Request("http://test/api/v1/projects", { headers: bad }), params({}))));
    expect(replies.every((r) => r.status === 401)).toBe(true);
    const rows = (await t.db.auditEvent.count()) - rowsBefore;
    console.log(`[${provider}] ${N} signed-out requests: ${rows} audit rows, ${await t.db.anonymousDenialCount.count()} counter rows, ${await totalCounted()} counted`);
    expect(rows).toBe(0);
    expect(await totalCounted()).toBe(N);
    expect(await t.db.anonymousDenialCount.count()).toBeLessThanOrEqual(2);
  });

  it("still records a signed-in caller's denial and a failed sign-in, one row each", async () => {
    const version = (await t.db.user.findUniqueOrThrow({ where: { id: viewer.id } })).sessionVersion;
    const cookie = `next-auth.session-token=${await encode({ token: { uid: viewer.id, sv: version }, secret: process.env.NEXTAUTH_SECRET! })}`;
    const body = JSON.stringify({ status: "in_progress", health: "on_track", version: 1 });
    const res = await statusRoute.POST(new Request(`http://test/api/v1/milestones/${milestoneId}/status`, { method: "POST", body, headers: { cookie, origin: "http://test", "content-type": "application/json" } }), params({ id: milestoneId }));
    expect(res.status).toBe(403);
    expect(await t.db.auditEvent.count({ where: { actorId: viewer.id, outcome: "denied", targetId: milestoneId } })).toBe(1);
    expect(await signInWithPassword("nobody@example.test", "wrong password", { ip: "10.9.0.1", userAgent: "vitest" })).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "auth.signin", actorEmail: "nobody@example.test", ip: "10.9.0.1" } })).toBe(1);
  });

  it("shows admins the counts by hour, and no one else", async () => {
    const now = new Date("2031-03-04T12:30:00.000Z");
    await countAnonymousDenial(new Date("2031-03-04T12:10:00.000Z"));
    await countAnonymousDenial(new Date("2031-03-04T12:10:59.000Z"));
    await countAnonymousDenial(new Date("2031-03-04T09:05:00.000Z"));
    await countAnonymousDenial(new Date("2031-03-03T12:20:00.000Z")); // 24 h 10 min ago: not in the last 24 hours
    await countAnonymousDenial(new Date("2031-02-10T00:00:00.000Z")); // 22 days ago
    await expect(signedOutRefusals(viewer, now)).rejects.toBeInstanceOf(ForbiddenError);
    const summary = await signedOutRefusals(admin, now);
    expect(summary.last24Hours).toBe(3);
    expect(summary.last30Days).toBe(5);
    expect(summary.hourly).toHaveLength(24);
    expect(summary.hourly.at(-1)).toEqual({ hourStart: new Date("2031-03-04T12:00:00.000Z"), count: 2 });
    expect(summary.hourly.find((h) => h.hourStart.getTime() === Date.parse("2031-03-04T09:00:00.000Z"))?.count).toBe(1);
    expect(summary.hourly[0]).toEqual({ hourStart: new Date("2031-03-03T13:00:00.000Z"), count: 0 });
    expect(minuteOf(new Date("2031-03-04T12:10:59.999Z"))).toEqual(new Date("2031-03-04T12:10:00.000Z"));
    // The API's audit log carries the same figures.
    const version = (await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).sessionVersion;
    const cookie = `next-auth.session-token=${await encode({ token: { uid: admin.id, sv: version }, secret: process.env.NEXTAUTH_SECRET! })}`;
    const res = await auditRoute.GET(new Request("http://test/api/v1/audit?take=1", { headers: { cookie } }), params({}));
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json.signedOutRefusals).toMatchObject({ last24Hours: expect.any(Number), last30Days: expect.any(Number) });
    expect(json.signedOutRefusals.hourly).toHaveLength(24);
  });

  it("purges audit events and counters past the retention period, and keeps everything with 0", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 400 * DAY);
    const recent = new Date(now.getTime() - 300 * DAY);
    await t.db.auditEvent.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({ action: "test.old", outcome: "success" as const, targetType: "test", at: new Date(old.getTime() + i) })),
    });
    await t.db.auditEvent.create({ data: { action: "test.recent", outcome: "success", targetType: "test", at: recent } });
    await t.db.anonymousDenialCount.createMany({ data: [{ minute: minuteOf(old), count: 7 }, { minute: minuteOf(recent), count: 3 }] });

    expect(await purgeOldAuditEvents(0, now)).toEqual({ auditEvents: 0, anonymousDenialCounts: 0, signInThrottleCounts: 0 });
    expect(await t.db.auditEvent.count({ where: { action: "test.old" } })).toBe(1203);

    expect(await purgeOldAuditEvents(365, now)).toEqual({ auditEvents: 1203, anonymousDenialCounts: 1, signInThrottleCounts: 0 });
    expect(await t.db.auditEvent.count({ where: { action: { startsWith: "test." } } })).toBe(1);
    expect(await t.db.anonymousDenialCount.findFirst({ where: { minute: minuteOf(recent) } })).toMatchObject({ count: 3 });
    expect(await t.db.auditEvent.count({ where: { actorId: viewer.id } })).toBeGreaterThan(0);
  });

  it("purges in the background at most once an hour per instance", async () => {
    // Far enough ahead of any other test's clock that this schedule is free to run.
    const base = new Date(Date.UTC(2200, 0, 1)).getTime() + (provider === "postgres" ? DAY : 0);
    const first = scheduleAuditRetention(new Date(base));
    expect(first).not.toBeNull();
    await first;
    expect(scheduleAuditRetention(new Date(base + 59 * 60_000))).toBeNull();
    const next = scheduleAuditRetention(new Date(base + 61 * 60_000));
    expect(next).not.toBeNull();
    // It ran with the default retention (365 days) against a clock 170 years ahead: nothing is left.
    expect(await next).toMatchObject({ auditEvents: 0 });
    expect(await t.db.auditEvent.count()).toBe(0);
  });
});
