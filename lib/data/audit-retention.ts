// Audit events are kept for AUDIT_RETENTION_DAYS (default 365; 0 keeps them forever), and so are
// the counts of signed-out refusals and throttled sign-ins. Each instance purges at most once an hour, in the
// background of whichever audited request comes along (a denial, a sign-in, a refusal), in small
// batches so that no request waits behind one long delete.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BATCH = 500;

export type RetentionResult = { auditEvents: number; anonymousDenialCounts: number; signInThrottleCounts: number };

/** Deletes audit events and refusal counts older than `days` days, BATCH rows per statement. */
export async function purgeOldAuditEvents(days: number, now = new Date()): Promise<RetentionResult> {
  if (days <= 0) return { auditEvents: 0, anonymousDenialCounts: 0, signInThrottleCounts: 0 };
  const cutoff = new Date(now.getTime() - days * DAY);
  let auditEvents = 0;
  for (;;) {
    const deleted = await db().$executeRaw`
      DELETE FROM "AuditEvent" WHERE "id" IN (SELECT "id" FROM "AuditEvent" WHERE "at" < ${cutoff} LIMIT ${BATCH})`;
    auditEvents += deleted;
    if (deleted < BATCH) break;
    // Let waiting requests in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { count: anonymousDenialCounts } = await db().anonymousDenialCount.deleteMany({ where: { minute: { lt: cutoff } } });
  const { count: signInThrottleCounts } = await db().signInThrottleCount.deleteMany({ where: { hour: { lt: cutoff } } });
  return { auditEvents, anonymousDenialCounts, signInThrottleCounts };
}

type Schedule = { nextAt: number; running: boolean };
// On globalThis: the server bundles lib/ more than once, and one schedule per process is the point.
const schedule: Schedule = ((globalThis as { legibleAuditRetention?: Schedule }).legibleAuditRetention ??= { nextAt: 0, running: false });

/**
 * Starts a purge in the background unless this process started one within the hour (or one is
 * still running). Returns the purge's promise (tests await it), or null when none was started.
 */
export function scheduleAuditRetention(now = new Date()): Promise<RetentionResult | null> | null {
  const days = env().AUDIT_RETENTION_DAYS;
  if (days === 0 || schedule.running || now.getTime() < schedule.nextAt) return null;
  schedule.running = true;
  schedule.nextAt = now.getTime() + HOUR;
  return purgeOldAuditEvents(days, now)
    .catch((error) => {
      console.error("[legible] could not purge old audit events", error);
      return null;
    })
    .finally(() => {
      schedule.running = false;
    });
}
