// Run by scripts/start.mjs before the server starts: validates the environment, applies pending
// migrations and, in demo mode, seeds the demo into an empty database. One clear line on failure.
// Several instances may start at once on one database: the migrations run under a lock, and the
// seed runs once, in one transaction under the same lock (lib/db/setup-lock.ts).
import { env, EnvError, databaseProvider } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { closeDb, createDb } from "@/lib/db/client";
import { withSetupLock } from "@/lib/db/setup-lock";
import { DEMO_PASSWORD, buildDemo, isDatabaseEmpty, writeDemo } from "@/lib/demo/seed";
import { hashPassword } from "@/lib/auth/password";
import { ensureBuiltInTemplate } from "@/lib/data/templates";

function describeUrl(url: string): string {
  if (databaseProvider(url) === "sqlite") return url;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "the PostgreSQL URL in DATABASE_URL";
  }
}

async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`legible: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const url = config.DATABASE_URL;
  try {
    const result = await migrate(url);
    const applied = result.applied.length ? `applied ${result.applied.join(", ")}` : "schema up to date";
    console.log(`legible: database ${describeUrl(url)} (${result.provider}): ${applied}`);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason = e.code === "ECONNREFUSED" || e.code === "ENOTFOUND" || e.code === "3D000" || e.code === "28P01" || e.code === "SQLITE_CANTOPEN";
    console.error(
      reason
        ? `legible: cannot reach the database at ${describeUrl(url)} (${e.code}: ${e.message}). Is it running, and is DATABASE_URL right?`
        : `legible: could not prepare the database at ${describeUrl(url)}: ${e.message}`,
    );
    process.exit(1);
  }
  const db = createDb(url);
  try {
    // Hashing is slow on purpose, and the demo is written through lib/data into a scratch database:
    // both done before the lock, so no other instance waits for them. Under the lock the demo's
    // rows are copied in only if the database is still empty.
    const demoRows = config.LEGIBLE_DEMO && (await isDatabaseEmpty(db)) ? await buildDemo(await hashPassword(DEMO_PASSWORD)) : null;
    const seeded = await withSetupLock(db, url, async (tx) => {
      const demo = demoRows !== null && (await tx.user.count()) === 0 ? await writeDemo(tx, demoRows) : null;
      await ensureBuiltInTemplate(tx);
      return demo;
    });
    if (seeded) console.log(`legible: seeded the demo project ${seeded.projectKey}`);
  } finally {
    await closeDb(db);
  }
}

main().catch((error) => {
  console.error("legible: start-up failed:", error);
  process.exit(1);
});
