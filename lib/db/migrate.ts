// Applies the committed migration SQL in prisma/migrations/<provider>/ in order, each in its
// own transaction, recording what ran in _legible_migrations. Prisma 6.19's JS engine cannot
// run `migrate deploy` on PostgreSQL, so this runner serves both providers (ADR 0001).
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider } from "@/lib/env";
import { sqlitePath } from "@/lib/db/client";

export type Migration = { id: string; sql: string; checksum: string };
export type MigrationResult = { provider: "sqlite" | "postgres"; applied: string[]; alreadyApplied: number };

export function migrationsDir(provider: "sqlite" | "postgres", root = process.cwd()): string {
  return path.join(root, "prisma", "migrations", provider);
}

export function loadMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+$/.test(name))
    .sort()
    .map((id) => {
      const sql = readFileSync(path.join(dir, id, "migration.sql"), "utf8");
      return { id, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkHistory(applied: Map<string, string>, migrations: Migration[]) {
  for (const m of migrations) {
    const checksum = applied.get(m.id);
    if (checksum && checksum !== m.checksum) {
      throw new Error(`Migration ${m.id} was changed after it was applied; add a new migration instead of editing it.`);
    }
  }
}

const CREATE_TABLE =
  "CREATE TABLE IF NOT EXISTS _legible_migrations (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";

/** How long a starting instance waits for another one's start-up writes on SQLite. */
const STARTUP_WAIT_MS = 120_000;

export function migrateSqlite(url: string, migrations: Migration[]): MigrationResult {
  const file = sqlitePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // At start-up another instance may hold the write lock for a while (its own migrations, or
  // copying the demo under the setup lock): wait for it as long as that may take, not the 5 s a
  // request waits.
  const conn = new Database(file, { timeout: STARTUP_WAIT_MS });
  try {
    // WAL persists in the file: readers never block the writer.
    conn.pragma("journal_mode = WAL");
    conn.pragma("foreign_keys = ON");
    conn.exec(CREATE_TABLE);
    const appliedNow: string[] = [];
    // IMMEDIATE takes the write lock first, so two starting instances cannot both apply one migration.
    const applyAll = conn.transaction(() => {
      const rows = conn.prepare("SELECT id, checksum FROM _legible_migrations").all() as { id: string; checksum: string }[];
      const applied = new Map(rows.map((r) => [r.id, r.checksum]));
      checkHistory(applied, migrations);
      return { applied, pending: migrations.filter((m) => !applied.has(m.id)) };
    });
    const { applied, pending } = applyAll.immediate();
    for (const m of pending) {
      const apply = conn.transaction(() => {
        const exists = conn.prepare("SELECT 1 FROM _legible_migrations WHERE id = ?").get(m.id);
        if (exists) return;
        conn.exec(m.sql);
        conn.prepare("INSERT INTO _legible_migrations (id, checksum, applied_at) VALUES (?, ?, ?)").run(m.id, m.checksum, new Date().toISOString());
        appliedNow.push(m.id);
      });
      try {
        apply.immediate();
      } catch (error) {
        throw new Error(`Migration ${m.id} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return { provider: "sqlite", applied: appliedNow, alreadyApplied: applied.size };
  } finally {
    conn.close();
  }
}

// An arbitrary constant: the advisory lock that serialises migrations across app instances. The
// start-up seed takes it too (lib/db/setup-lock.ts), so one instance seeds and the others wait.
export const PG_MIGRATION_LOCK = 7_412_503_339;

export async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PG_MIGRATION_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ id: string; checksum: string }>("SELECT id, checksum FROM _legible_migrations");
    const applied = new Map(rows.map((r) => [r.id, r.checksum]));
    checkHistory(applied, migrations);
    const appliedNow: string[] = [];
    for (const m of migrations.filter((m) => !applied.has(m.id))) {
      try {
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query("INSERT INTO _legible_migrations (id, checksum, applied_at) VALUES ($1, $2, $3)", [m.id, m.checksum, new Date().toISOString()]);
        await client.query("COMMIT");
        appliedNow.push(m.id);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`Migration ${m.id} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return { provider: "postgres", applied: appliedNow, alreadyApplied: applied.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}

/** Applies every pending migration for the database at url. */
export async function migrate(url: string, root = process.cwd()): Promise<MigrationResult> {
  const provider = databaseProvider(url);
  const migrations = loadMigrations(migrationsDir(provider, root));
  return provider === "sqlite" ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}
