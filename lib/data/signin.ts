// Password sign-in: throttled per account and per client address, audited, and the only place
// that reads password hashes.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Caller, RequestContext } from "@/lib/auth/actor";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { NotFoundError, RateLimitedError } from "@/lib/errors";
import { isLookupKey } from "@/lib/validation/text";
import { auditEvent, auditRow, requireAdmin } from "@/lib/data/audit";
import { scheduleAuditRetention } from "@/lib/data/audit-retention";
import { countThrottledSignIn } from "@/lib/data/anonymous-denials";
import { hitCounter, purgeExpiredCounters, readCounter, releaseHit, resetCounter, type Counter } from "@/lib/data/rate-limit";

export type SessionUser = { id: string; email: string; name: string; sessionVersion: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const ACCOUNT_PREFIX = "signin:account:";
const accountKey = (email: string) => `${ACCOUNT_PREFIX}${normaliseEmail(email)}`;
/** Wrong current passwords on the password form, counted per user (changeOwnPassword). */
export const passwordChangeKey = (userId: string) => `password:user:${userId}`;
const addressKey = (ip: string) => `signin:address:${ip || "unknown"}`;

/**
 * Throws RateLimitedError naming how long to wait. The refusal is counted on the throttled
 * account's or address's hourly row (countThrottledSignIn), not audited one row each: a client
 * refused once can send refusals as fast as it likes.
 */
async function refuseThrottled(email: string, ctx: RequestContext, blocked: Counter, scope: "account" | "address", now: Date): Promise<never> {
  const retryAfterSeconds = Math.max(1, Math.ceil((blocked.resetAt.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  await countThrottledSignIn(scope, scope === "account" ? normaliseEmail(email) : ctx.ip || "unknown", now);
  throw new RateLimitedError(`Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, retryAfterSeconds);
}

/**
 * Throws RateLimitedError when this account or this address has failed too often lately. Counts
 * nothing: the sign-in route uses it to answer 429 early. signInWithPassword decides for real.
 */
export async function assertSignInAllowed(email: string, ctx: RequestContext, now = new Date()): Promise<void> {
  const { SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT, SIGNIN_MAX_ATTEMPTS_PER_ADDRESS, SIGNIN_WINDOW_SECONDS } = env();
  const [account, address] = await Promise.all([
    readCounter(accountKey(email), SIGNIN_WINDOW_SECONDS, now),
    readCounter(addressKey(ctx.ip), SIGNIN_WINDOW_SECONDS, now),
  ]);
  if (account.count >= SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT) await refuseThrottled(email, ctx, account, "account", now);
  if (address.count >= SIGNIN_MAX_ATTEMPTS_PER_ADDRESS) await refuseThrottled(email, ctx, address, "address", now);
}

/**
 * Counts this attempt against the account and the address before any password is checked, each
 * in one atomic statement, and refuses it when either count is past its limit. So N attempts at
 * once check at most the limit, on one instance or many.
 */
async function countAttempt(email: string, ctx: RequestContext, now = new Date()): Promise<{ account: Counter; address: Counter }> {
  const { SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT, SIGNIN_MAX_ATTEMPTS_PER_ADDRESS, SIGNIN_WINDOW_SECONDS } = env();
  const [account, address] = await Promise.all([
    hitCounter(accountKey(email), SIGNIN_WINDOW_SECONDS, now),
    hitCounter(addressKey(ctx.ip), SIGNIN_WINDOW_SECONDS, now),
  ]);
  if (account.count > SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT) await refuseThrottled(email, ctx, account, "account", now);
  if (address.count > SIGNIN_MAX_ATTEMPTS_PER_ADDRESS) await refuseThrottled(email, ctx, address, "address", now);
  return { account, address };
}

/** Checks a password. Returns the user on success and null on any failure; failures stay counted. */
export async function signInWithPassword(email: string, password: string, ctx: RequestContext): Promise<SessionUser | null> {
  const address = normaliseEmail(email);
  const attempt = await countAttempt(address, ctx);
  const user = await db().user.findUnique({
    where: { email: address },
    select: { id: true, email: true, name: true, sessionVersion: true, disabledAt: true, passwordHash: true },
  });
  // Hash even when there is no such user, so response time does not reveal which accounts exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabledAt) {
    await auditEvent(
      { email: address, ...ctx, id: user?.id },
      { action: "auth.signin", outcome: "denied", targetType: "user", targetId: user?.id, details: { reason: user?.disabledAt && ok ? "disabled" : "bad_credentials" } },
    );
    return null;
  }
  // Only failures count: a success clears the account's counter and gives the address its attempt back.
  await Promise.all([resetCounter(accountKey(address)), releaseHit(attempt.address)]);
  // Sign-ins are rare enough to tidy up on: old counters (one per address or email tried) go, and
  // audit events past their retention (in the background, at most hourly).
  await purgeExpiredCounters();
  void scheduleAuditRetention();
  await db().$transaction([
    db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } }),
    db().auditEvent.create({
      data: auditRow({ id: user.id, email: user.email, ...ctx }, { action: "auth.signin", targetType: "user", targetId: user.id }),
    }),
  ]);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** For SSO: the local account an identity provider vouched for, if it exists and is active. */
export async function findActiveUserByEmail(email: string): Promise<SessionUser | null> {
  const user = await db().user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, name: true, sessionVersion: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/**
 * Which of these accounts are locked out of password sign-in right now (their per-account count
 * is at the limit), for the admin's users page. Per-address counts are not shown here.
 */
export async function lockedOutAccounts(caller: Caller, emails: string[], now = new Date()): Promise<Set<string>> {
  await requireAdmin(caller, { action: "user.read", targetType: "user" });
  const { SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT, SIGNIN_WINDOW_SECONDS } = env();
  if (emails.length === 0) return new Set();
  const rows = await db().rateLimit.findMany({
    where: { key: { in: emails.map(accountKey) }, count: { gte: SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT }, windowStart: { gt: new Date(now.getTime() - SIGNIN_WINDOW_SECONDS * 1000) } },
    select: { key: true },
  });
  return new Set(rows.map((r) => r.key.slice(ACCOUNT_PREFIX.length)));
}

/**
 * An admin lifts a user's per-account lockout (sign-in and the password form) before the window
 * ends: the user asked, and the admin judged the failures were not theirs to worry about.
 * Per-address limits stay: they protect every account from one client. Audited.
 */
export async function unlockSignIn(caller: Caller, userId: string): Promise<{ name: string }> {
  const actor = await requireAdmin(caller, { action: "user.unlockSignIn", targetType: "user", targetId: userId });
  const user = isLookupKey(userId) ? await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } }) : null;
  if (!user) throw new NotFoundError("That user");
  await Promise.all([resetCounter(accountKey(user.email)), resetCounter(passwordChangeKey(user.id))]);
  await auditEvent(actor, { action: "user.unlockSignIn", targetType: "user", targetId: user.id });
  return { name: user.name };
}
