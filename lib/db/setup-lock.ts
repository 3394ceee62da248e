// Start-up writes that must happen once however many instances start together (the demo seed,
// the built-in template): one transaction that first takes the lock the migrations take, then
// looks at what is there and writes what is missing. A second instance waits for the first to
// commit, then finds the work done.
//   PostgreSQL: pg_advisory_xact_lock on the migrations' key, released at commit or rollback.
//   SQLite:     a write statement first, which takes the database's single write lock for the
//               whole transaction (Prisma's adapter opens a deferred BEGIN; the first write
//               upgrades it, as BEGIN IMMEDIATE would). A wait past the busy timeout is retried.
import type { Db, Tx } from "@/lib/db/client";
import { databaseProvider } from "@/lib/env";
import { PG_MIGRATION_LOCK } from "@/lib/db/migrate";

const TRANSACTION_TIMEOUT_MS = 120_000;

function isBusy(error: unknown): boolean {
  // The better-sqlite3 adapter reports SQLITE_BUSY as a timeout (Prisma's P1008).
  const e = error as { code?: string; message?: string };
  return e?.code === "P1008" || /SQLITE_BUSY|database is locked|timed out/i.test(e?.message ?? "");
}

export async function withSetupLock<T>(client: Db, url: string, fn: (tx: Tx) => Promise<T>, waitMs = TRANSACTION_TIMEOUT_MS): Promise<T> {
  const provider = databaseProvider(url);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await client.$transaction(
        async (tx) => {
          if (provider === "postgres") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PG_MIGRATION_LOCK})`);
          else await tx.$executeRawUnsafe(`UPDATE "_legible_migrations" SET "id" = "id" WHERE 0`);
          return fn(tx);
        },
        { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
      );
    } catch (error) {
      if (provider === "sqlite" && isBusy(error) && Date.now() < deadline) continue;
      throw error;
    }
  }
}
