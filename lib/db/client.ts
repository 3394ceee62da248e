// One Prisma client per process, for whichever provider DATABASE_URL names.
// Both generated clients come from one schema, so they share one API; the SQLite one's
// types stand for both.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type PrismaClient as SqliteClientType } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseProvider, env } from "@/lib/env";
import { postgresReader, sqliteReader, type Reader, type SqlValue } from "./reader";

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

/**
 * Each client's reader for hot reads (see `read`), on the same database. Kept on globalThis like
 * the client itself: the server bundles this module more than once (pages, route handlers).
 */
const readers: WeakMap<Db, Reader> = ((globalThis as { legibleReaders?: WeakMap<Db, Reader> }).legibleReaders ??= new WeakMap());

export function createDb(url: string): Db {
  let client: Db;
  if (databaseProvider(url) === "sqlite") {
    const adapter = new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: SQLITE_BUSY_TIMEOUT_MS });
    client = new SqliteClient({ adapter, omit }) as unknown as Db;
    readers.set(client, sqliteReader(sqlitePath(url), SQLITE_BUSY_TIMEOUT_MS));
  } else {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    client = new PostgresClient({ adapter, omit }) as unknown as Db;
    readers.set(client, postgresReader(url));
  }
  return client;
}

/** Disconnects a client and closes its reader. */
export async function closeDb(client: Db): Promise<void> {
  await client.$disconnect();
  await readers.get(client)?.close();
}

const globalForDb = globalThis as unknown as { legibleDb?: Db };

export function db(): Db {
  globalForDb.legibleDb ??= createDb(env().DATABASE_URL);
  return globalForDb.legibleDb;
}

/**
 * A hot read (ADR 0002, ADR 0003): portable SQL as a tagged template, every interpolation bound
 * as a parameter, run on the driver beside db()'s Prisma client. Reads only, outside any
 * transaction; writes and everything else go through db().
 *
 *   const rows = await read<{ id: string }>`SELECT "id" FROM "Project" WHERE "key" = ${key}`;
 */
export function read<T>(strings: TemplateStringsArray, ...values: SqlValue[]): Promise<T[]> {
  const client = db();
  const reader = readers.get(client);
  if (!reader) throw new Error("read() needs a client made by createDb()");
  return reader.query<T>(strings, values);
}

/** Tests point the process at their own database. */
export function setDbForTests(client: Db | undefined) {
  globalForDb.legibleDb = client;
}
