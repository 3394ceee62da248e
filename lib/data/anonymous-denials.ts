// Signed-out requests refused with 401 are counted, not listed: one row per minute in
// AnonymousDenialCount, raised by one statement per refusal, so anonymous traffic adds at most one
// small row a minute however fast it comes, and every instance sharing the database counts into
// the same rows. Admins see the counts beside the audit log (signedOutRefusals in audit.ts).
// Sign-in attempts refused as throttled (429) are counted the same way, per hour and per throttled
// account or address (countThrottledSignIn), shown beside them (throttledSignIns in audit.ts).
import { db } from "@/lib/db/client";
import { scheduleAuditRetention } from "@/lib/data/audit-retention";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE) * MINUTE);
}

/** Counts one signed-out request refused. Never throws: a refusal must not turn into a 500. */
export async function countAnonymousDenial(now = new Date()): Promise<void> {
  try {
    await db().$executeRaw`
      INSERT INTO "AnonymousDenialCount" ("minute", "count") VALUES (${minuteOf(now)}, 1)
      ON CONFLICT ("minute") DO UPDATE SET "count" = "AnonymousDenialCount"."count" + 1`;
  } catch (error) {
    console.error("[legible] could not count a signed-out request", error);
  }
  void scheduleAuditRetention();
}

export type AnonymousDenialSummary = {
  last24Hours: number;
  last30Days: number;
  /** The last 24 hours, hour by hour, oldest first; the last one is the current hour so far. */
  hourly: { hourStart: Date; count: number }[];
};

/** Counts for the audit page. No permission check here: signedOutRefusals in audit.ts makes it. */
export async function summariseAnonymousDenials(now = new Date()): Promise<AnonymousDenialSummary> {
  const currentHour = Math.floor(now.getTime() / HOUR) * HOUR;
  const firstHour = currentHour - 23 * HOUR;
  const [recent, month] = await Promise.all([
    db().anonymousDenialCount.findMany({ where: { minute: { gte: new Date(firstHour) } }, select: { minute: true, count: true } }),
    db().anonymousDenialCount.aggregate({ where: { minute: { gte: new Date(now.getTime() - 30 * 24 * HOUR) } }, _sum: { count: true } }),
  ]);
  const hourly = Array.from({ length: 24 }, (_, i) => ({ hourStart: new Date(firstHour + i * HOUR), count: 0 }));
  let last24Hours = 0;
  for (const row of recent) {
    const index = Math.floor((row.minute.getTime() - firstHour) / HOUR);
    if (index < 0 || index > 23) continue;
    hourly[index].count += row.count;
    if (row.minute.getTime() > now.getTime() - 24 * HOUR) last24Hours += row.count;
  }
  return { last24Hours, last30Days: month._sum.count ?? 0, hourly };
}

/** Longest `key` a throttle counter keeps (an email is at most 320 characters). */
const MAX_THROTTLE_KEY = 320;

export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR) * HOUR);
}

/**
 * Counts one sign-in attempt refused as throttled (429), on its hour's row for the account or
 * address that was throttled. A refused attempt has no row of its own: once locked out, a client
 * could otherwise write audit rows as fast as it can send. Never throws.
 */
export async function countThrottledSignIn(scope: "account" | "address", key: string, now = new Date()): Promise<void> {
  const stored = key.replaceAll("\u0000", "\uFFFD").toWellFormed().slice(0, MAX_THROTTLE_KEY);
  try {
    await db().$executeRaw`
      INSERT INTO "SignInThrottleCount" ("hour", "scope", "key", "count") VALUES (${hourOf(now)}, ${scope}, ${stored}, 1)
      ON CONFLICT ("hour", "scope", "key") DO UPDATE SET "count" = "SignInThrottleCount"."count" + 1`;
  } catch (error) {
    console.error("[legible] could not count a throttled sign-in", error);
  }
  void scheduleAuditRetention();
}

export type ThrottledSignInSummary = {
  last24Hours: number;
  last30Days: number;
  /** The accounts and addresses refused most in the last 24 hours, most first (at most 20). */
  top: { scope: string; key: string; count: number; lastHour: Date }[];
};

/** Counts for the audit page. No permission check here: throttledSignIns in audit.ts makes it. */
export async function summariseThrottledSignIns(now = new Date()): Promise<ThrottledSignInSummary> {
  const dayAgo = new Date(hourOf(now).getTime() - 23 * HOUR);
  const [recent, month] = await Promise.all([
    db().signInThrottleCount.groupBy({
      by: ["scope", "key"],
      where: { hour: { gte: dayAgo } },
      _sum: { count: true },
      _max: { hour: true },
      orderBy: { _sum: { count: "desc" } },
      take: 20,
    }),
    db().signInThrottleCount.aggregate({ where: { hour: { gte: new Date(now.getTime() - 30 * 24 * HOUR) } }, _sum: { count: true } }),
  ]);
  const day = await db().signInThrottleCount.aggregate({ where: { hour: { gte: dayAgo } }, _sum: { count: true } });
  return {
    last24Hours: day._sum.count ?? 0,
    last30Days: month._sum.count ?? 0,
    top: recent.map((r) => ({ scope: r.scope, key: r.key, count: r._sum.count ?? 0, lastHour: r._max.hour ?? dayAgo })),
  };
}
