// Fixed-window counters in the database, so that a limit holds across every app instance.
// An attempt is counted before it is judged, in one statement that also returns the new count:
// two attempts can never both read "4" and both go ahead against a limit of 5.
import { db } from "@/lib/db/client";

export type Counter = { key: string; count: number; windowStart: Date; resetAt: Date };

function counter(key: string, count: number, windowStart: Date, windowSeconds: number): Counter {
  return { key, count, windowStart, resetAt: new Date(windowStart.getTime() + windowSeconds * 1000) };
}

/** The counter as it stands, without counting anything (a window that has passed reads as 0). */
export async function readCounter(key: string, windowSeconds: number, now = new Date()): Promise<Counter> {
  const row = await db().rateLimit.findUnique({ where: { key } });
  const windowStartMin = now.getTime() - windowSeconds * 1000;
  if (!row || row.windowStart.getTime() <= windowStartMin) return counter(key, 0, now, windowSeconds);
  return counter(key, row.count, row.windowStart, windowSeconds);
}

/**
 * Counts one attempt and returns the count including it, starting a new window when the old one
 * has passed. One INSERT ... ON CONFLICT DO UPDATE ... RETURNING (SQLite 3.35+, PostgreSQL):
 * the database serialises concurrent hits on the row, so every caller sees a distinct count.
 */
export async function hitCounter(key: string, windowSeconds: number, now = new Date()): Promise<Counter> {
  const cutoff = new Date(now.getTime() - windowSeconds * 1000);
  // SET expressions all see the row as it was, so both CASEs test the old window.
  const [row] = await db().$queryRaw<{ count: number | bigint; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt") VALUES (${key}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${cutoff} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${cutoff} THEN excluded."windowStart" ELSE "RateLimit"."windowStart" END,
      "updatedAt" = excluded."updatedAt"
    RETURNING "count", "windowStart"`;
  return counter(key, Number(row.count), new Date(row.windowStart), windowSeconds);
}

/** Gives back one attempt counted by hitCounter, if its window is still the current one. */
export async function releaseHit(hit: Counter): Promise<void> {
  await db().rateLimit.updateMany({ where: { key: hit.key, windowStart: hit.windowStart, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Removes counters whose window ended long ago, so the table holds only recent attempts. */
export async function purgeExpiredCounters(olderThanSeconds = 86_400, now = new Date()): Promise<number> {
  const { count } = await db().rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } } });
  return count;
}

export async function resetCounter(key: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key } });
}
