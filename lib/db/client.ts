// One Prisma client per process, for whichever provider DATABASE_URL names.
// Both generated clients come from one schema, so they share one API; the SQLite one's
// types stand for both.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type PrismaClient as SqliteClientType } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseProvider, env } from "@/lib/env";

/** Secret columns are left out unless a query selects them by name. */
const omit = { user: { passwordHash: true }, apiToken: { tokenHash: true }, invite: { tokenHash: true } } as const;

export type Db = SqliteClientType<never, typeof omit>;
export type Tx = Parameters<Extract<Parameters<Db["$transaction"]>[0], (...args: never[]) => unknown>>[0];

export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Absolute path of a file: URL, resolved against the working directory like the CLI does. */
export function sqlitePath(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(file) ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

export function createDb(url: string): Db {
  if (databaseProvider(url) === "sqlite") {
    const adapter = new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS });
    return new SqliteClient({ adapter, omit }) as unknown as Db;
  }
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  return new PostgresClient({ adapter, omit }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { legibleDb?: Db };

export function db(): Db {
  globalForDb.legibleDb ??= createDb(env().DATABASE_URL);
  return globalForDb.legibleDb;
}

/** Tests point the process at their own database. */
export function setDbForTests(client: Db | undefined) {
  globalForDb.legibleDb = client;
}
