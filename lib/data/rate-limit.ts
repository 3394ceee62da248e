// Fixed-window counters in the database, so that a limit holds across every app instance.
import { db } from "@/lib/db/client";

export type Counter = { key: string; count: number; resetAt: Date };

export async function readCounter(key: string, windowSeconds: number, now = new Date()): Promise<Counter> {
  const row = await db().rateLimit.findUnique({ where: { key } });
  const windowStartMin = now.getTime() - windowSeconds * 1000;
  if (!row || row.windowStart.getTime() <= windowStartMin) return { key, count: 0, resetAt: now };
  return { key, count: row.count, resetAt: new Date(row.windowStart.getTime() + windowSeconds * 1000) };
}

/** Adds one to the counter, starting a new window when the old one has passed. Atomic per statement. */
export async function incrementCounter(key: string, windowSeconds: number, now = new Date()): Promise<void> {
  const cutoff = new Date(now.getTime() - windowSeconds * 1000);
  const client = db();
  await client.rateLimit.updateMany({ where: { key, windowStart: { lte: cutoff } }, data: { count: 0, windowStart: now } });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await client.rateLimit.upsert({
        where: { key },
        create: { key, count: 1, windowStart: now },
        update: { count: { increment: 1 } },
      });
      return;
    } catch (error) {
      // Two first attempts raced to create the row; the loser increments it instead.
      if (attempt === 2) throw error;
    }
  }
}

/** Removes counters whose window ended long ago, so the table holds only recent attempts. */
export async function purgeExpiredCounters(olderThanSeconds = 86_400, now = new Date()): Promise<number> {
  const { count } = await db().rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } } });
  return count;
}

export async function resetCounter(key: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key } });
}
