// The migration runner (lib/db/migrate.ts) against real databases of both providers.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDb, createDb, type Db } from "@/lib/db/client";
import { loadMigrations, migrate, migrationsDir } from "@/lib/db/migrate";
import { createEmptyDatabase, createTestDatabase, describeEachProvider, type Provider, type TestDb } from "@/tests/helpers/db";

type MigrationRow = { id: string; checksum: string };

async function recorded(db: Db): Promise<MigrationRow[]> {
  return db.$queryRawUnsafe<MigrationRow[]>("SELECT id, checksum FROM _legible_migrations ORDER BY id");
}

async function tableNames(db: Db, provider: Provider): Promise<string[]> {
  const sql =
    provider === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table'"
      : "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public'";
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(sql);
  return rows.map((r) => r.name);
}

/** A copy of the committed migrations under a temporary root, plus extra migrations. */
function migrationsRootWith(provider: Provider, extra: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "legible-migrations-"));
  cpSync(migrationsDir(provider), migrationsDir(provider, root), { recursive: true });
  for (const [id, sql] of Object.entries(extra)) {
    mkdirSync(path.join(migrationsDir(provider, root), id), { recursive: true });
    writeFileSync(path.join(migrationsDir(provider, root), id, "migration.sql"), sql);
  }
  return root;
}

describeEachProvider("migrate", (provider) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function migrated(): Promise<TestDb> {
    const testDb = await createTestDatabase(provider);
    cleanups.push(() => testDb.drop());
    return testDb;
  }

  // Every committed migration, in order (0001_init first).
  const committed = loadMigrations(migrationsDir(provider));
  const committedIds = committed.map((m) => m.id);

  it("applies every committed migration to a fresh database and records each with its checksum", async () => {
    const empty = await createEmptyDatabase(provider);
    cleanups.push(() => empty.remove());

    const result = await migrate(empty.url);
    expect(committedIds[0]).toBe("0001_init");
    expect(result).toEqual({ provider, applied: committedIds, alreadyApplied: 0 });

    const db = createDb(empty.url);
    cleanups.push(() => closeDb(db));
    expect(await recorded(db)).toEqual(committed.map((m) => ({ id: m.id, checksum: m.checksum })));
    expect(await tableNames(db, provider)).toEqual(expect.arrayContaining(["User", "Project", "_legible_migrations"]));
  });

  it("applies nothing when run again", async () => {
    const testDb = await migrated();
    const again = await migrate(testDb.url);
    expect(again).toEqual({ provider, applied: [], alreadyApplied: committedIds.length });
    expect((await recorded(testDb.db)).map((r) => r.id)).toEqual(committedIds);
  });

  it("refuses to run when an applied migration's checksum no longer matches", async () => {
    const testDb = await migrated();
    await testDb.db.$executeRawUnsafe("UPDATE _legible_migrations SET checksum = 'tampered' WHERE id = '0001_init'");
    await expect(migrate(testDb.url)).rejects.toThrow(/Migration 0001_init was changed after it was applied/);
  });

  it("applies a new migration after the recorded ones, in order", async () => {
    const testDb = await migrated();
    const root = migrationsRootWith(provider, { "9998_add_widget": 'CREATE TABLE "Widget" ("id" TEXT NOT NULL PRIMARY KEY);\n' });
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));

    expect(await migrate(testDb.url, root)).toEqual({ provider, applied: ["9998_add_widget"], alreadyApplied: committedIds.length });
    expect((await recorded(testDb.db)).map((r) => r.id)).toEqual([...committedIds, "9998_add_widget"]);
    expect(await tableNames(testDb.db, provider)).toContain("Widget");
  });

  it("rolls back a failing migration, records nothing, and leaves earlier tables intact", async () => {
    const testDb = await migrated();
    const broken = [
      'CREATE TABLE "HalfDone" ("id" TEXT NOT NULL PRIMARY KEY);',
      'INSERT INTO "NoSuchTable" ("id") VALUES (\'x\');',
      "",
    ].join("\n");
    const root = migrationsRootWith(provider, { "9999_broken": broken });
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));

    await expect(migrate(testDb.url, root)).rejects.toThrow(/Migration 9999_broken failed and was rolled back/);

    expect((await recorded(testDb.db)).map((r) => r.id)).toEqual(committedIds);
    const tables = await tableNames(testDb.db, provider);
    expect(tables).not.toContain("HalfDone");
    expect(tables).toEqual(expect.arrayContaining(["User", "Project", "Milestone"]));
    // The database still works after the failure.
    expect(await testDb.db.user.count()).toBe(0);
  });

  it("0007 keeps every link made before it granting editing; links made after it grant only when set so", async () => {
    // The committed migrations up to 0006, a link made then, and 0007 applied on top.
    const before = mkdtempSync(path.join(os.tmpdir(), "legible-migrations-"));
    cleanups.push(() => rmSync(before, { recursive: true, force: true }));
    cpSync(migrationsDir(provider), migrationsDir(provider, before), { recursive: true });
    for (const id of committedIds.filter((id) => id >= "0007")) rmSync(path.join(migrationsDir(provider, before), id), { recursive: true });
    const empty = await createEmptyDatabase(provider);
    cleanups.push(() => empty.remove());
    await migrate(empty.url, before);
    const db = createDb(empty.url);
    cleanups.push(() => closeDb(db));
    const project = await db.project.create({ data: { key: "OLD", name: "Old links" } });
    const milestone = await db.milestone.create({ data: { projectId: project.id, key: "OLD-1", title: "Linked before" } });
    // Raw SQL: the client knows columns later migrations add (Service.runtime, 0008).
    const service = { id: "service-before" };
    await db.$executeRawUnsafe(`INSERT INTO "Service" ("id", "name", "layer", "updatedAt") VALUES ('service-before', 'postgres', 'data', CURRENT_TIMESTAMP)`);
    await db.$executeRawUnsafe(`INSERT INTO "MilestoneService" ("id", "milestoneId", "serviceId") VALUES ('link-before', '${milestone.id}', '${service.id}')`);

    expect((await migrate(empty.url)).applied).toEqual(committedIds.filter((id) => id >= "0007"));
    expect(await db.milestoneService.findUniqueOrThrow({ where: { id: "link-before" } })).toMatchObject({ grantsEdit: true });
    const later = await db.milestone.create({ data: { projectId: project.id, key: "OLD-2", title: "Linked after" } });
    expect(await db.milestoneService.create({ data: { milestoneId: later.id, serviceId: service.id } })).toMatchObject({ grantsEdit: false });
  });

  if (provider === "sqlite") {
    it("leaves SQLite in WAL mode", async () => {
      const testDb = await migrated();
      const [row] = await testDb.db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(row.journal_mode.toLowerCase()).toBe("wal");
    });
  }
});

describe("migrate input", () => {
  it("names the folder when a provider has no migrations", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "legible-nomigrations-"));
    try {
      await expect(migrate(`file:${path.join(root, "x.db")}`, root)).rejects.toThrow(/No migrations folder at .*sqlite/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
