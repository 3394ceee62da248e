// Accounts and sessions against a real database: sign-in throttling shared through the database,
// session versions ending old sessions, setup closing after the first admin, invitations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { closeDb, createDb, setDbForTests } from "@/lib/db/client";
import { RateLimitedError, ForbiddenError, ValidationError } from "@/lib/errors";
import { signInWithPassword } from "@/lib/data/signin";
import { resolveSessionActor } from "@/lib/data/session";
import { acceptInvite, createFirstAdmin, createUser, isSetupOpen, setUserAdmin, setUserDisabled } from "@/lib/data/users";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const ctx = (ip: string) => ({ ip, userAgent: "vitest" });

describeEachProvider("accounts and sessions", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(() => t?.drop());

  it("opens setup only while there are no accounts, and the first account is an admin", async () => {
    expect(await isSetupOpen()).toBe(true);
    await expect(createFirstAdmin({ name: "Ada", email: "ada@example.test", password: "short", confirm: "short" }, ctx("10.0.0.1"))).rejects.toBeInstanceOf(
      ValidationError,
    );
    const admin = await createFirstAdmin({ name: "Ada", email: "Ada@Example.test", password: "correct horse battery", confirm: "correct horse battery" }, ctx("10.0.0.1"));
    expect(admin.email).toBe("ada@example.test");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).isAdmin).toBe(true);
    expect(await isSetupOpen()).toBe(false);
    await expect(createFirstAdmin({ name: "Eve", email: "eve@example.test", password: "correct horse battery", confirm: "correct horse battery" }, ctx("10.0.0.9"))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("signs in with the right password only, and records both in the audit log", async () => {
    const ok = await signInWithPassword("ada@example.test", "correct horse battery", ctx("10.0.0.2"));
    expect(ok?.email).toBe("ada@example.test");
    expect(await signInWithPassword("ada@example.test", "wrong password!", ctx("10.0.0.2"))).toBeNull();
    expect(await signInWithPassword("nobody@example.test", "whatever it is", ctx("10.0.0.2"))).toBeNull();
    const events = await t.db.auditEvent.findMany({ where: { action: "auth.signin" }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.outcome)).toEqual(["success", "denied", "denied"]);
    expect(events[1].ip).toBe("10.0.0.2");
  });

  it("throttles an account after repeated failures, across app instances sharing the database", async () => {
    const passwordHash = await hashPassword("a good long password");
    await t.db.user.create({ data: { email: "target@example.test", name: "Target", passwordHash } });
    // A second client is a second app instance: the counters must be shared through the database.
    const second = createDb(t.url);
    for (let i = 0; i < 5; i++) {
      if (i % 2) setDbForTests(second);
      else setDbForTests(t.db);
      expect(await signInWithPassword("target@example.test", `wrong ${i}`, ctx(`10.1.0.${i}`))).toBeNull();
    }
    setDbForTests(second);
    const attempt = signInWithPassword("target@example.test", "a good long password", ctx("10.1.0.99"));
    await expect(attempt).rejects.toBeInstanceOf(RateLimitedError);
    await expect(signInWithPassword("target@example.test", "a good long password", ctx("10.1.0.99"))).rejects.toThrow(/Too many sign-in attempts/);
    await closeDb(second);
    setDbForTests(t.db);
    // The five failures are audited one row each; the two throttled refusals are counted, not listed.
    const audited = await t.db.auditEvent.count({ where: { action: "auth.signin", outcome: "denied", actorEmail: "target@example.test" } });
    expect(audited).toBe(5);
    const counted = await t.db.signInThrottleCount.aggregate({ where: { scope: "account", key: "target@example.test" }, _sum: { count: true } });
    expect(counted._sum.count).toBe(2);
  });

  it("throttles a client address that tries many accounts", async () => {
    for (let i = 0; i < 20; i++) await signInWithPassword(`spray${i}@example.test`, "guess guess", ctx("10.2.0.1"));
    await expect(signInWithPassword("ada@example.test", "correct horse battery", ctx("10.2.0.1"))).rejects.toBeInstanceOf(RateLimitedError);
    // Another address is unaffected.
    expect(await signInWithPassword("ada@example.test", "correct horse battery", ctx("10.2.0.2"))).not.toBeNull();
  });

  it("ends existing sessions on the next request when a user is disabled or loses admin", async () => {
    const admin = await resolveSessionActor(
      { uid: (await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.test" } })).id, sv: 1 },
      ctx("10.3.0.1"),
    );
    expect(admin?.isAdmin).toBe(true);
    const { user, inviteToken } = await createUser(admin, { name: "Bo", email: "bo@example.test", isAdmin: true });
    await acceptInvite({ token: inviteToken, password: "bo's long password", confirm: "bo's long password" }, ctx("10.3.0.2"));
    const bo = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const claims = { uid: bo.id, sv: bo.sessionVersion };
    expect((await resolveSessionActor(claims, ctx("10.3.0.2")))?.isAdmin).toBe(true);

    await setUserAdmin(admin, bo.id, false);
    expect(await resolveSessionActor(claims, ctx("10.3.0.2"))).toBeNull();
    const demoted = await t.db.user.findUniqueOrThrow({ where: { id: bo.id } });
    expect((await resolveSessionActor({ uid: bo.id, sv: demoted.sessionVersion }, ctx("10.3.0.2")))?.isAdmin).toBe(false);

    await setUserDisabled(admin, bo.id, true);
    const disabled = await t.db.user.findUniqueOrThrow({ where: { id: bo.id } });
    expect(await resolveSessionActor({ uid: bo.id, sv: disabled.sessionVersion }, ctx("10.3.0.2"))).toBeNull();
    expect(await signInWithPassword("bo@example.test", "bo's long password", ctx("10.3.0.3"))).toBeNull();
  });

  it("uses an invitation once", async () => {
    const admin = await resolveSessionActor({ uid: (await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.test" } })).id, sv: 1 }, ctx("10.4.0.1"));
    const { inviteToken } = await createUser(admin, { name: "Cy", email: "cy@example.test" });
    await acceptInvite({ token: inviteToken, password: "cy's long password", confirm: "cy's long password" }, ctx("10.4.0.2"));
    await expect(acceptInvite({ token: inviteToken, password: "another password", confirm: "another password" }, ctx("10.4.0.3"))).rejects.toThrow(/invalid, used or expired/);
  });
});

describe("session claims", () => {
  it("are refused when malformed", async () => {
    expect(await resolveSessionActor(null, ctx("1.1.1.1"))).toBeNull();
    expect(await resolveSessionActor({ uid: 42, sv: "1" }, ctx("1.1.1.1"))).toBeNull();
  });
});

describeEachProvider("sign-in counters", (provider) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(() => t?.drop());

  it("are purged once their window is long over", async () => {
    const { purgeExpiredCounters } = await import("@/lib/data/rate-limit");
    const day = 86_400_000;
    await t.db.rateLimit.create({ data: { key: "signin:address:old", count: 3, windowStart: new Date(Date.now() - 2 * day) } });
    await t.db.rateLimit.create({ data: { key: "signin:address:new", count: 1, windowStart: new Date() } });
    expect(await purgeExpiredCounters()).toBe(1);
    expect((await t.db.rateLimit.findMany()).map((r) => r.key)).toEqual(["signin:address:new"]);
  });
});
