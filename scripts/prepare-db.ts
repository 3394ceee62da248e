// Run by scripts/start.mjs before the server starts: validates the environment, applies pending
// migrations and, in demo mode, seeds the demo into an empty database. One clear line on failure.
import { env, EnvError, databaseProvider } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { closeDb, createDb } from "@/lib/db/client";
import { isDatabaseEmpty, seedDemo } from "@/lib/demo/seed";
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
    if (config.LEGIBLE_DEMO && (await isDatabaseEmpty(db))) {
      const { projectKey } = await seedDemo(db);
      console.log(`legible: seeded the demo project ${projectKey}`);
    }
    await ensureBuiltInTemplate(db);
  } finally {
    await closeDb(db);
  }
}

main().catch((error) => {
  console.error("legible: start-up failed:", error);
  process.exit(1);
});
