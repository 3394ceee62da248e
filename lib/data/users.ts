// Accounts: first-run setup, admin user management, invitations and passwords.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Caller, RequestContext } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError, parseInput } from "@/lib/errors";
import { env } from "@/lib/env";
import { hitCounter, resetCounter } from "@/lib/data/rate-limit";
import { passwordChangeKey } from "@/lib/data/signin";
import {
  acceptInviteSchema,
  changePasswordSchema,
  createUserSchema,
  setupSchema,
} from "@/lib/validation/user";
import { auditEvent, auditRow, auditWrite, requireAdmin, requireSignedIn } from "@/lib/data/audit";
import { hashToken } from "@/lib/data/session";
import { isLookupKey } from "@/lib/validation/text";
import { ACCEPT_INVITE_LABELS, CHANGE_PASSWORD_LABELS, NEW_USER_LABELS } from "@/lib/validation/labels";

export const INVITE_TTL_DAYS = 7;

/** /setup is open only while the instance has no accounts at all. */
export async function isSetupOpen(): Promise<boolean> {
  return (await db().user.count()) === 0;
}

export async function createFirstAdmin(input: unknown, ctx: RequestContext) {
  const data = parseInput(setupSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db().$transaction(async (tx) => {
    // Checked inside the transaction so two racing first visitors cannot both become admin.
    if ((await tx.user.count()) > 0) {
      throw new ForbiddenError("Setup is already complete. Sign in instead.");
    }
    const user = await tx.user.create({ data: { name: data.name, email: data.email, passwordHash, isAdmin: true } });
    await tx.auditEvent.create({
      data: auditRow({ id: user.id, email: user.email, ...ctx }, { action: "setup.admin", targetType: "user", targetId: user.id }),
    });
    return { id: user.id, email: user.email };
  });
}

export async function listUsers(caller: Caller) {
  await requireAdmin(caller, { action: "user.read", targetType: "user" });
  return db().user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      disabledAt: true,
      lastSignInAt: true,
      createdAt: true,
      _count: { select: { memberships: true } },
      invites: { where: { usedAt: null }, select: { expiresAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
    },
    orderBy: [{ disabledAt: "asc" }, { name: "asc" }],
  });
}

function newInviteToken() {
  const token = randomBytes(24).toString("base64url");
  return { token, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 86400_000) };
}

/** Creates an account without a password and returns a one-time invite token to set it. */
export async function createUser(caller: Caller, input: unknown) {
  const actor = await requireAdmin(caller, { action: "user.create", targetType: "user" });
  const data = parseInput(createUserSchema, input);
  if (await db().user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new ValidationError(`${NEW_USER_LABELS.email}: ${data.email} already has an account.`, { email: ["already has an account"] });
  }
  const invite = newInviteToken();
  const user = await db().$transaction(async (tx) => {
    const created = await tx.user.create({ data: { name: data.name, email: data.email, isAdmin: data.isAdmin } });
    await tx.invite.create({ data: { userId: created.id, tokenHash: invite.tokenHash, expiresAt: invite.expiresAt, createdById: actor.id } });
    await auditWrite(tx, actor, { action: "user.create", targetType: "user", targetId: created.id, details: { email: created.email, isAdmin: created.isAdmin } });
    return created;
  });
  return { user, inviteToken: invite.token, expiresAt: invite.expiresAt };
}

/** A fresh invite link for an account (e.g. the first one expired); older links stop working. */
export async function reissueInvite(caller: Caller, userId: string) {
  const actor = await requireAdmin(caller, { action: "user.invite", targetType: "user", targetId: userId });
  const user = isLookupKey(userId) ? await db().user.findUnique({ where: { id: userId }, select: { id: true } }) : null;
  if (!user) throw new NotFoundError("That user");
  const invite = newInviteToken();
  await db().$transaction(async (tx) => {
    await tx.invite.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.invite.create({ data: { userId, tokenHash: invite.tokenHash, expiresAt: invite.expiresAt, createdById: actor.id } });
    await auditWrite(tx, actor, { action: "user.invite", targetType: "user", targetId: userId });
  });
  return { inviteToken: invite.token, expiresAt: invite.expiresAt };
}

export async function findInvite(token: string) {
  const invite = await db().invite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, name: true, email: true, disabledAt: true, passwordHash: true } } },
  });
  if (!invite || invite.usedAt || invite.expiresAt < new Date() || invite.user.disabledAt) return null;
  const { passwordHash, ...user } = invite.user;
  // A link for someone who already has a password is a reset, not an invitation.
  return { ...invite, user, isReset: Boolean(passwordHash) };
}

export async function acceptInvite(input: unknown, ctx: RequestContext) {
  const data = parseInput(acceptInviteSchema, input);
  const invite = await findInvite(data.token);
  if (!invite) throw new ValidationError(`${ACCEPT_INVITE_LABELS.token} is invalid, used or expired. Ask an admin for a new one.`, { token: ["invalid, used or expired"] });
  const passwordHash = await hashPassword(data.password);
  await db().$transaction(async (tx) => {
    const claimed = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new ConflictError("This invite link was just used.");
    await tx.user.update({ where: { id: invite.user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.auditEvent.create({
      data: auditRow({ id: invite.user.id, email: invite.user.email, ...ctx }, { action: "user.acceptInvite", targetType: "user", targetId: invite.user.id }),
    });
  });
  return { email: invite.user.email };
}

async function updateAccount(caller: Caller, userId: string, action: string, change: { isAdmin?: boolean; disabledAt?: Date | null }) {
  const actor = await requireAdmin(caller, { action, targetType: "user", targetId: userId });
  if (userId === actor.id) throw new ConflictError("You cannot change your own admin flag or disable yourself; ask another admin.");
  const user = isLookupKey(userId) ? await db().user.findUnique({ where: { id: userId }, select: { id: true, isAdmin: true, disabledAt: true } }) : null;
  if (!user) throw new NotFoundError("That user");
  return db().$transaction(async (tx) => {
    // Bumping the session version ends the user's existing sessions on their next request.
    const updated = await tx.user.update({ where: { id: userId }, data: { ...change, sessionVersion: { increment: 1 } } });
    // Disabling revokes the user's API tokens for good, as it ends their sessions for good: enabling
    // the account again does not bring a token back (they make new ones).
    const revoked = change.disabledAt ? (await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: change.disabledAt } })).count : 0;
    const details = { isAdmin: updated.isAdmin, disabled: Boolean(updated.disabledAt), ...(revoked ? { tokensRevoked: revoked } : {}) };
    await auditWrite(tx, actor, { action, targetType: "user", targetId: userId, details });
    return updated;
  });
}

export const setUserAdmin = (caller: Caller, userId: string, isAdmin: boolean) =>
  updateAccount(caller, userId, isAdmin ? "user.grantAdmin" : "user.revokeAdmin", { isAdmin });

export const setUserDisabled = (caller: Caller, userId: string, disabled: boolean) =>
  updateAccount(caller, userId, disabled ? "user.disable" : "user.enable", { disabledAt: disabled ? new Date() : null });

export async function changeOwnPassword(caller: Caller, input: unknown) {
  const actor = await requireSignedIn(caller, { action: "user.password", targetType: "user" });
  const data = parseInput(changePasswordSchema, input);
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user?.passwordHash) {
    throw new ValidationError(`${CHANGE_PASSWORD_LABELS.current} cannot be checked: your account signs in through single sign-on and has no password here.`, { current: ["your account has no password here"] });
  }
  // Wrong current passwords are throttled per account like sign-ins (a stolen session must not
  // become a way to guess the password): counted before the check, cleared by a success.
  const { SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT, SIGNIN_WINDOW_SECONDS } = env();
  const now = new Date();
  const attempt = await hitCounter(passwordChangeKey(actor.id), SIGNIN_WINDOW_SECONDS, now);
  if (attempt.count > SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT) {
    const retryAfterSeconds = Math.max(1, Math.ceil((attempt.resetAt.getTime() - now.getTime()) / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    await auditEvent(actor, { action: "user.password", outcome: "denied", targetType: "user", targetId: actor.id, details: { reason: "throttled" } });
    throw new RateLimitedError(`Too many wrong current passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, retryAfterSeconds);
  }
  if (!(await verifyPassword(data.current, user?.passwordHash))) {
    await auditEvent(actor, { action: "user.password", outcome: "denied", targetType: "user", targetId: actor.id, details: { reason: "wrong current password" } });
    throw new ValidationError(`${CHANGE_PASSWORD_LABELS.current} is not right.`, { current: ["is not right"] });
  }
  await resetCounter(passwordChangeKey(actor.id));
  const passwordHash = await hashPassword(data.password);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await auditWrite(tx, actor, { action: "user.password", targetType: "user", targetId: actor.id });
  });
}
