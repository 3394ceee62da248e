// Signed-out requests refused with 401 are counted, not listed: one row per minute in
// AnonymousDenialCount, raised by one statement per refusal, so anonymous traffic adds at most one
// small row a minute however fast it comes, and every instance sharing the database counts into
// the same rows. Admins see the counts beside the audit log (signedOutRefusals in audit.ts).
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
