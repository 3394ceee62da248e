// No request can write a huge audit row (every field taken from a request is capped, the cut
// marked); throttled sign-in refusals are counted per hour and per account or address instead of
// one audit row each, and admins see the counts; wrong current passwords on the password form are
// throttled per account like sign-ins, and audited.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import * as auditRoute from "@/app/api/v1/audit/route";
import { hourOf } from "@/lib/data/anonymous-denials";
import { purgeOldAuditEvents } from "@/lib/data/audit-retention";
import { AUDIT_CAPS, auditEvent, throttledSignIns } from "@/lib/data/audit";
import { lockedOutAccounts, signInWithPassword, unlockSignIn } from "@/lib/data/signin";
import { changeOwnPassword } from "@/lib/data/users";
import { ForbiddenError, RateLimitedError, ValidationError } from "@/lib/errors";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const PASSWORD = "the right long password";

describeEachProvider("audit caps and throttle counts", (provider) => {
  let t: TestDb;
  let admin: Actor;
  let viewer: Actor;

  async function user(label: string, isAdmin = false): Promise<Actor> {
    const u = await t.db.user.create({ data: { email: `${label}-${randomBytes(3).toString("hex")}@example.test`, name: label, isAdmin, passwordHash: await hashPassword(PASSWORD) } });
    return { id: u.id, email: u.email, name: u.name, isAdmin, ip: "127.0.0.1", userAgent: "vitest" };
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    admin = await user("admin", true);
    viewer = await user("viewer");
  });
  afterAll(() => t?.drop());

  it("caps every field a request supplies, marking the cut, so no row is huge", async () => {
    const huge = { ...viewer, userAgent: "U".repeat(16_000), ip: "1".repeat(1000) };
    await auditEvent(huge, { action: "test.huge", targetType: "handoff", targetId: "T".repeat(10_000), details: { reason: "x", path: "p".repeat(100_000), nested: ["\u0000".repeat(2000)] } });
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: "test.huge" } });
    console.log(`[${provider}] audit row of a 16 KB user agent, 10 KB id, 100 KB details: targetId ${row.targetId.length}, userAgent ${row.userAgent.length}, details ${JSON.stringify(row.details).length} characters`);
    expect(row.targetId.length).toBeLessThanOrEqual(AUDIT_CAPS.targetId);
    expect(row.targetId).toMatch(/^T+…\[cut from 10000 characters\]$/);
    expect(row.userAgent.length).toBeLessThanOrEqual(AUDIT_CAPS.userAgent);
    expect(row.userAgent).toContain("[cut from 16000 characters]");
    expect(row.ip.length).toBeLessThanOrEqual(AUDIT_CAPS.ip);
    expect(JSON.stringify(row.details).length).toBeLessThanOrEqual(AUDIT_CAPS.detailsJson);
    expect(row.details).toMatchObject({ truncated: true, originalLength: expect.any(Number) });
    // Small details are kept as they are.
    await auditEvent(viewer, { action: "test.small", targetType: "handoff", targetId: "abc", details: { reason: "fine" } });
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { action: "test.small" } })).details).toEqual({ reason: "fine" });
  });

  it("caps the rows a successful sign-in writes too", async () => {
    expect(await signInWithPassword(viewer.email, PASSWORD, { ip: "10.40.0.1", userAgent: "S".repeat(20_000) })).not.toBeNull();
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: "auth.signin", outcome: "success", actorId: viewer.id } });
    expect(row.userAgent.length).toBeLessThanOrEqual(AUDIT_CAPS.userAgent);
  });

  it("counts throttled sign-in refusals on one row per hour per account or address, not one audit row each", async () => {
    const target = await user("target");
    for (let i = 0; i < 5; i++) expect(await signInWithPassword(target.email, `wrong ${i}`, { ip: `10.41.0.${i}`, userAgent: "vitest" })).toBeNull();
    const refusals = 40;
    for (let i = 0; i < refusals; i++) {
      await expect(signInWithPassword(target.email, "still guessing", { ip: `10.41.1.${i}`, userAgent: "vitest" })).rejects.toBeInstanceOf(RateLimitedError);
    }
    const audited = await t.db.auditEvent.count({ where: { action: "auth.signin", actorEmail: target.email } });
    const rows = await t.db.signInThrottleCount.findMany({ where: { key: target.email } });
    console.log(`[${provider}] 5 failed + ${refusals} throttled sign-ins: ${audited} audit rows, ${rows.length} counter row(s) counting ${rows[0]?.count}`);
    expect(audited).toBe(5);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ scope: "account", count: refusals, hour: hourOf(new Date()) });

    // An address trying many accounts is counted under its address.
    for (let i = 0; i < 20; i++) await signInWithPassword(`spray${i}@example.test`, "guess guess", { ip: "10.42.0.1", userAgent: "vitest" });
    for (let i = 0; i < 7; i++) await expect(signInWithPassword(`spray-more${i}@example.test`, "guess", { ip: "10.42.0.1", userAgent: "vitest" })).rejects.toBeInstanceOf(RateLimitedError);
    expect(await t.db.signInThrottleCount.findFirst({ where: { scope: "address", key: "10.42.0.1" } })).toMatchObject({ count: 7 });
  });

  it("shows admins the throttled counts, in the audit page's data and the API, and no one else", async () => {
    await expect(throttledSignIns(viewer)).rejects.toBeInstanceOf(ForbiddenError);
    const summary = await throttledSignIns(admin);
    expect(summary.last24Hours).toBe(47);
    expect(summary.last30Days).toBe(47);
    expect(summary.top[0]).toMatchObject({ scope: "account", count: 40 });
    expect(summary.top[1]).toMatchObject({ scope: "address", key: "10.42.0.1", count: 7 });
    const version = (await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).sessionVersion;
    const cookie = `next-auth.session-token=${await encode({ token: { uid: admin.id, sv: version }, secret: process.env.NEXTAUTH_SECRET! })}`;
    const res = await auditRoute.GET(new Request("http://test/api/v1/audit?take=1", { headers: { cookie } }), params({}));
    expect(res.status).toBe(200);
    expect((await res.json()).throttledSignIns).toMatchObject({ last24Hours: 47, top: [{ scope: "account", count: 40 }, { scope: "address", count: 7 }] });
    // Kept as long as audit events are.
    await t.db.signInThrottleCount.create({ data: { hour: new Date(Date.now() - 400 * 86_400_000), scope: "address", key: "old", count: 3 } });
    expect((await purgeOldAuditEvents(365)).signInThrottleCounts).toBe(1);
  });

  it("throttles wrong current passwords when changing one's password, per account, and audits it", async () => {
    const me = await user("changer");
    const other = await user("other");
    const change = (current: string, who = me) => changeOwnPassword(who, { current, password: "a brand new password", confirm: "a brand new password" });
    for (let i = 0; i < 5; i++) await expect(change(`wrong ${i}`)).rejects.toBeInstanceOf(ValidationError);
    await expect(change("wrong again")).rejects.toBeInstanceOf(RateLimitedError);
    // Even the right password waits out the window now: guessing gains nothing.
    await expect(change(PASSWORD)).rejects.toThrow(/Too many wrong current passwords/);
    const denied = await t.db.auditEvent.findMany({ where: { action: "user.password", actorId: me.id, outcome: "denied" }, select: { details: true } });
    expect(denied.map((d) => (d.details as { reason: string }).reason).sort()).toEqual([...Array(5).fill("wrong current password"), "throttled", "throttled"].sort());
    // Someone else's attempts are their own.
    await expect(change("wrong", other)).rejects.toBeInstanceOf(ValidationError);
    await change(PASSWORD, other);
    expect(await t.db.auditEvent.count({ where: { action: "user.password", actorId: other.id, outcome: "success" } })).toBe(1);
  });

  it("clears the count after a successful change", async () => {
    const me = await user("resets");
    const change = (current: string, password: string) => changeOwnPassword(me, { current, password, confirm: password });
    for (let i = 0; i < 4; i++) await expect(change(`wrong ${i}`, "a brand new password")).rejects.toBeInstanceOf(ValidationError);
    await change(PASSWORD, "a brand new password");
    for (let i = 0; i < 4; i++) await expect(change(`wrong ${i}`, "another new password")).rejects.toBeInstanceOf(ValidationError);
    await change("a brand new password", "another new password");
  });

  it("lets an admin see and lift a per-account lockout, audited; no one else", async () => {
    const locked = await user("locked");
    for (let i = 0; i < 5; i++) await signInWithPassword(locked.email, `wrong ${i}`, { ip: `10.43.0.${i}`, userAgent: "vitest" });
    await expect(signInWithPassword(locked.email, PASSWORD, { ip: "10.43.1.1", userAgent: "vitest" })).rejects.toBeInstanceOf(RateLimitedError);
    expect([...(await lockedOutAccounts(admin, [locked.email, viewer.email]))]).toEqual([locked.email]);
    await expect(lockedOutAccounts(viewer, [locked.email])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(unlockSignIn(viewer, locked.id)).rejects.toBeInstanceOf(ForbiddenError);
    await unlockSignIn(admin, locked.id);
    expect((await signInWithPassword(locked.email, PASSWORD, { ip: "10.43.1.1", userAgent: "vitest" }))?.id).toBe(locked.id);
    expect(await t.db.auditEvent.count({ where: { action: "user.unlockSignIn", actorId: admin.id, targetId: locked.id } })).toBe(1);
  });
});
