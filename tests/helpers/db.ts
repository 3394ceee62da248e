// A fresh, migrated database per test suite, on SQLite and (when it answers) PostgreSQL.
//
//   describeEachProvider("projects", (provider) => {
//     let testDb: TestDb;
//     beforeAll(async () => { testDb = await createTestDatabase(provider); });
//     afterAll(() => testDb.drop());
//     it("...", async () => { ... });   // lib/data/* reads db(), which now points at testDb
//   });
//
// PostgreSQL availability is probed once per run by tests/global-setup.ts and read here with
// inject("postgres"). When it is unreachable the PostgreSQL suites are skipped with a visible
// warning, except under CI=true, where a failing test says so instead.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, inject, it } from "vitest";
import { closeDb, createDb, setDbForTests, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { postgresAdminUrl, postgresDatabaseUrl, withPostgresAdmin } from "./postgres";

export { postgresAvailable } from "./postgres";

export type Provider = "sqlite" | "postgres";
export const PROVIDERS: readonly Provider[] = ["sqlite", "postgres"];

export type TestDb = { provider: Provider; url: string; db: Db; drop(): Promise<void> };

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** Creates an empty database and returns its URL, without migrating it. */
export async function createEmptyDatabase(provider: Provider): Promise<{ url: string; remove(): Promise<void> }> {
  if (provider === "sqlite") {
    const file = path.join(os.tmpdir(), `legible-test-${uniqueSuffix()}.db`);
    return {
      url: `file:${file}`,
      async remove() {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
      },
    };
  }
  const name = `legible_test_${uniqueSuffix()}`;
  await withPostgresAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: postgresDatabaseUrl(postgresAdminUrl(), name),
    async remove() {
      await withPostgresAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** A fresh database with every committed migration applied, installed as the process's db(). */
export async function createTestDatabase(provider: Provider): Promise<TestDb> {
  const empty = await createEmptyDatabase(provider);
  try {
    await migrate(empty.url);
  } catch (error) {
    await empty.remove();
    throw error;
  }
  const db = createDb(empty.url);
  setDbForTests(db);
  return {
    provider,
    url: empty.url,
    db,
    async drop() {
      await closeDb(db);
      setDbForTests(undefined);
      await empty.remove();
    },
  };
}

/** Runs the suite once per provider; see the file comment for what happens without PostgreSQL. */
export function describeEachProvider(name: string, fn: (provider: Provider) => void): void {
  for (const provider of PROVIDERS) {
    const title = `${name} [${provider}]`;
    if (provider === "postgres") {
      const postgres = inject("postgres");
      if (!postgres.available) {
        const notice = `PostgreSQL at ${postgres.url} is not reachable`;
        if (process.env.CI === "true") {
          describe(title, () => {
            it("needs PostgreSQL", () => {
              throw new Error(`${notice}; CI requires it. Start it (see .ci/run) or set TEST_POSTGRES_URL.`);
            });
          });
        } else {
          console.warn(`\n⚠  ${notice}: PostgreSQL suite SKIPPED (${title}). Set TEST_POSTGRES_URL to run it.\n`);
          describe.skip(title, () => fn(provider));
        }
        continue;
      }
    }
    describe(title, () => fn(provider));
  }
}
