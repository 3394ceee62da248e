// Password sign-in: throttled per account and per client address, audited, and the only place
// that reads password hashes.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { RequestContext } from "@/lib/auth/actor";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { RateLimitedError } from "@/lib/errors";
import { auditEvent, auditRow } from "@/lib/data/audit";
import { scheduleAuditRetention } from "@/lib/data/audit-retention";
import { countThrottledSignIn } from "@/lib/data/anonymous-denials";
import { hitCounter, purgeExpiredCounters, readCounter, releaseHit, resetCounter, type Counter } from "@/lib/data/rate-limit";

export type SessionUser = { id: string; email: string; name: string; sessionVersion: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const accountKey = (email: string) => `signin:account:${normaliseEmail(email)}`;
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
