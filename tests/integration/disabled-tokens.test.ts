// Disabling an account revokes its API tokens for good: enabling it again does not bring them back.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { resolveTokenActor } from "@/lib/data/session";
import { createToken } from "@/lib/data/tokens";
import { setUserDisabled } from "@/lib/data/users";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const ctx = { ip: "10.50.0.1", userAgent: "vitest" };

describeEachProvider("a disabled user's API tokens", (provider) => {
  let t: TestDb;
  let admin: Actor;
  let user: Actor;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    const a = await t.db.user.create({ data: { email: "admin@example.test", name: "Admin", isAdmin: true } });
    const u = await t.db.user.create({ data: { email: "user@example.test", name: "User" } });
    admin = { id: a.id, email: a.email, name: a.name, isAdmin: true, ...ctx };
    user = { id: u.id, email: u.email, name: u.name, isAdmin: false, ...ctx };
  });
  afterAll(() => t?.drop());

  it("stay dead after the user is enabled again; a new token works", async () => {
    const { token } = await createToken(user, { name: "CI" });
    expect((await resolveTokenActor(token, ctx))?.id).toBe(user.id);
    await setUserDisabled(admin, user.id, true);
    expect(await resolveTokenActor(token, ctx)).toBeNull();
    await setUserDisabled(admin, user.id, false);
    expect(await resolveTokenActor(token, ctx)).toBeNull();
    expect((await t.db.apiToken.findFirstOrThrow({ where: { userId: user.id } })).revokedAt).not.toBeNull();
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.disable", targetId: user.id } });
    expect(audit.details).toMatchObject({ disabled: true, tokensRevoked: 1 });
    const fresh = await createToken(user, { name: "CI again" });
    expect((await resolveTokenActor(fresh.token, ctx))?.id).toBe(user.id);
  });
});
