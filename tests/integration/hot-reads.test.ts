// Hot reads cannot drift (issue 8, item 4; ADR 0002, ADR 0003). The plain-SQL statements that
// `read` runs on the driver are checked by nothing at compile time: a renamed column or alias, a
// dropped field or a value the driver hands back differently would compile and break at run time.
// So every statement, found in the source by tests/helpers/hot-reads.ts (not copied here), is run
// exactly as written on SQLite and on PostgreSQL over seeded data with nulls, dates, JSON and
// booleans, and must return what the Prisma query in the table below returns for the same values,
// with the columns its row type declares (names, nullability, kinds). A statement that is not in
// the table, or a table entry whose statement is gone, fails the first test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { read, type Db } from "@/lib/db/client";
import type { SqlValue } from "@/lib/db/reader";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";
import { findHotReads, type Column, type HotRead } from "../helpers/hot-reads";
import { seedHotReads, type Seed } from "../helpers/hot-reads-seed";

type Row = Record<string, unknown>;
type Entry = {
  /** Parameter lists, in the order the statement interpolates them; each one is run. */
  cases: (s: Seed) => SqlValue[][];
  /** The same query through Prisma, given one of those lists, as rows of the statement's shape. */
  orm: (db: Db, params: SqlValue[]) => Promise<Row[]>;
};

const str = (v: SqlValue) => v as string;
const name = (u: { name: string } | null) => u?.name ?? null;

const HANDOFF_READ = "lib/data/handoff-read.ts";
const OVERVIEW = "lib/data/projects.ts getProjectOverview";
const project = (db: Db, [userId, value]: SqlValue[], field: "id" | "key") =>
  db.project
    .findMany({
      where: { [field]: str(value) },
      select: { id: true, key: true, name: true, description: true, archivedAt: true, memberships: { where: { userId: str(userId) }, select: { role: true } } },
    })
    .then((rows) => rows.map(({ memberships, ...p }) => ({ ...p, role: memberships[0]?.role ?? null })));

const STATEMENTS: Record<string, Entry> = {
  [`${HANDOFF_READ} projectIdOfHandoff #1`]: {
    cases: (s) => [[s.handoffs.full.id], [s.handoffs.elsewhere.id], ["no-such-handoff"]],
    orm: (db, [id]) => db.handoff.findMany({ where: { id: str(id) }, select: { projectId: true } }),
  },
  [`${HANDOFF_READ} readHandoff #1`]: {
    cases: (s) => [[s.handoffs.full.id], [s.handoffs.bare.id]],
    orm: async (db, [id]) =>
      (await db.handoff.findMany({ where: { id: str(id) }, include: { author: { select: { name: true } }, template: { select: { name: true, sections: true } } } })).map(
        ({ author, template, ...h }) => ({ ...h, authorName: name(author), templateName: template?.name ?? null, templateSections: template?.sections ?? null }),
      ),
  },
  [`${HANDOFF_READ} readHandoff #2`]: {
    cases: (s) => [[s.handoffs.full.id]],
    orm: async (db, [id]) =>
      (await db.handoffReviewer.findMany({ where: { handoffId: str(id) }, orderBy: { assignedAt: "asc" }, select: { user: { select: { id: true, name: true } } } })).map((r) => r.user),
  },
  [`${HANDOFF_READ} readHandoff #3`]: {
    cases: (s) => [[s.handoffs.full.id]],
    orm: async (db, [id]) =>
      (
        await db.handoffMilestone.findMany({
          where: { handoffId: str(id) },
          orderBy: { createdAt: "asc" },
          select: { milestone: { select: { id: true, key: true, title: true, status: true, health: true, dueDate: true } } },
        })
      ).map((hm) => hm.milestone),
  },
  [`${HANDOFF_READ} readHandoff #4`]: {
    cases: (s) => [[s.handoffs.full.id]],
    orm: async (db, [id]) =>
      (
        await db.handoffMilestone.findMany({
          where: { handoffId: str(id) },
          select: { milestoneId: true, milestone: { select: { services: { select: { service: { select: { id: true, name: true, displayName: true, layer: true } } } } } } },
        })
      ).flatMap((hm) => hm.milestone.services.map(({ service }) => ({ milestoneId: hm.milestoneId, ...service }))),
  },
  [`${HANDOFF_READ} readHandoff #5`]: {
    cases: (s) => [[s.handoffs.full.id]],
    orm: async (db, [id]) =>
      (
        await db.comment.findMany({
          where: { handoffId: str(id) },
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            sectionKey: true,
            body: true,
            resolvedAt: true,
            createdAt: true,
            editedAt: true,
            deletedAt: true,
            parentId: true,
            authorId: true,
            author: { select: { name: true } },
            resolvedBy: { select: { name: true } },
          },
        })
      ).map(({ author, resolvedBy, ...c }) => ({ ...c, authorName: name(author), resolverName: name(resolvedBy) })),
  },
  [`${HANDOFF_READ} readHandoff #6`]: {
    cases: (s) => [[s.handoffs.full.id]],
    orm: (db, [id]) =>
      db.attachment.findMany({ where: { handoffId: str(id) }, orderBy: { createdAt: "asc" }, select: { id: true, filename: true, size: true, contentType: true, createdAt: true } }),
  },
  "lib/data/session.ts resolveSessionActor #1": {
    cases: (s) => [[s.users.ada.id], [s.users.ben.id], ["no-such-user"]],
    orm: (db, [id]) =>
      db.user.findMany({ where: { id: str(id) }, select: { id: true, email: true, name: true, isAdmin: true, sessionVersion: true, disabledAt: true } }),
  },
  "lib/data/access.ts loadProjectWithMembership #1": {
    cases: (s) => [[s.users.cy.id, s.projects.hr.id], [s.users.ada.id, s.projects.hr.id], [s.users.cy.id, s.projects.arc.id]],
    orm: (db, params) => project(db, params, "id"),
  },
  "lib/data/access.ts loadProjectWithMembership #2": {
    cases: (s) => [[s.users.cy.id, "HR"], [s.users.ada.id, "HR"], [s.users.cy.id, "ARC"], [s.users.cy.id, "NOPE"]],
    orm: (db, params) => project(db, params, "key"),
  },
  [`${OVERVIEW} #1`]: {
    cases: (s) => [[s.projects.hr.id]],
    orm: async (db, [projectId]) =>
      (
        await db.handoff.findMany({
          where: { projectId: str(projectId) },
          orderBy: { updatedAt: "desc" },
          select: { id: true, title: true, status: true, updatedAt: true, author: { select: { name: true } } },
        })
      ).map(({ author, ...h }) => ({ ...h, authorName: name(author) })),
  },
  [`${OVERVIEW} #2`]: {
    cases: (s) => [[s.projects.hr.id]],
    orm: async (db, [projectId]) =>
      (
        await db.milestone.findMany({
          where: { projectId: str(projectId) },
          select: { id: true, key: true, title: true, status: true, health: true, dueDate: true, ownerId: true, owner: { select: { name: true } } },
        })
      ).map(({ owner, ...m }) => ({ ...m, ownerName: name(owner) })),
  },
  [`${OVERVIEW} #3`]: {
    cases: (s) => [[s.projects.hr.id]],
    orm: async (db, [projectId]) =>
      (
        await db.statusUpdate.findMany({
          where: { milestone: { projectId: str(projectId) } },
          orderBy: { createdAt: "desc" },
          take: 6,
          select: {
            id: true,
            fromStatus: true,
            toStatus: true,
            toHealth: true,
            note: true,
            createdAt: true,
            author: { select: { name: true } },
            milestone: { select: { id: true, key: true, title: true } },
          },
        })
      ).map(({ author, milestone, ...u }) => ({ ...u, authorName: name(author), milestoneId: milestone.id, milestoneKey: milestone.key, milestoneTitle: milestone.title })),
  },
  [`${OVERVIEW} #4`]: {
    cases: (s) => [[s.projects.hr.id]],
    orm: async (db, [projectId]) =>
      (
        await db.membership.findMany({ where: { projectId: str(projectId) }, orderBy: { createdAt: "asc" }, select: { role: true, user: { select: { id: true, name: true, email: true } } } })
      ).map(({ role, user }) => ({ role, ...user })),
  },
  "lib/data/burnup.ts getProjectBurnUp #1": {
    cases: (s) => [[s.projects.hr.id], [s.projects.arc.id]],
    orm: async (db, [projectId]) =>
      (
        await db.milestone.findMany({
          where: { projectId: str(projectId) },
          select: { id: true, key: true, status: true, estimateDays: true, createdAt: true, completedAt: true, statusUpdates: { select: { fromStatus: true, toStatus: true, createdAt: true } } },
        })
      ).flatMap(({ statusUpdates, ...m }): Row[] =>
        statusUpdates.length === 0
          ? [{ ...m, fromStatus: null, toStatus: null, changedAt: null }]
          : statusUpdates.map((u) => ({ ...m, fromStatus: u.fromStatus, toStatus: u.toStatus, changedAt: u.createdAt })),
      ),
  },
  "lib/data/projects.ts listProjectLinks #1": {
    cases: () => [[]],
    orm: (db) => db.project.findMany({ where: { archivedAt: null }, select: { key: true, name: true } }),
  },
  "lib/data/projects.ts listProjectLinks #2": {
    cases: (s) => [[s.users.cy.id], [s.users.ben.id]],
    orm: (db, [userId]) => db.project.findMany({ where: { archivedAt: null, memberships: { some: { userId: str(userId) } } }, select: { key: true, name: true } }),
  },
  "lib/data/handoff-review.ts listHandoffActivity #1": {
    cases: (s) => [[s.handoffs.full.id, 50], [s.handoffs.full.id, 2]],
    orm: async (db, [targetId, take]) =>
      (
        await db.auditEvent.findMany({
          where: { targetType: "handoff", targetId: str(targetId), outcome: "success" },
          orderBy: { at: "desc" },
          take: take as number,
          select: { id: true, at: true, action: true, details: true, actorEmail: true, actor: { select: { name: true } } },
        })
      ).map(({ actor, ...e }) => ({ ...e, actorName: name(actor) })),
  },
  "lib/data/handoff-milestones.ts milestoneChoices #1": {
    cases: (s) => [[s.projects.hr.id]],
    orm: (db, [projectId]) => db.milestone.findMany({ where: { projectId: str(projectId) }, select: { id: true, key: true, title: true, status: true } }),
  },
  "lib/data/attachments.ts listNotebooks #1": {
    cases: (s) => [[s.handoffs.full.id]],
    orm: (db, [handoffId]) =>
      db.attachment.findMany({
        where: { handoffId: str(handoffId), contentType: "application/x-ipynb+json" },
        orderBy: { createdAt: "asc" },
        select: { id: true, filename: true, rendered: true },
      }),
  },
  "lib/data/memberships.ts listMembers #1": {
    cases: (s) => [[s.projects.hr.id]],
    orm: async (db, [projectId]) =>
      (
        await db.membership.findMany({
          where: { projectId: str(projectId) },
          orderBy: { createdAt: "asc" },
          select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true, disabledAt: true } } },
        })
      ).map(({ user: { id: userId, ...user }, ...m }) => ({ ...m, userId, ...user })),
  },
};

const { statements, problems } = findHotReads(process.cwd());

describe("the hot-read table", () => {
  it("lists every statement run through read, and only those", () => {
    expect(problems).toEqual([]);
    const unlisted = statements.filter((s) => !(s.key in STATEMENTS)).map((s) => `${s.key}: ${s.sql}`);
    expect(unlisted, "statements with no ORM equivalent in tests/integration/hot-reads.test.ts").toEqual([]);
    const found = new Set(statements.map((s) => s.key));
    expect(Object.keys(STATEMENTS).filter((key) => !found.has(key)), "table entries whose statement is gone").toEqual([]);
  });
});

/** A stable text for a row, to compare the rows of a statement that has no ORDER BY as a set. */
const canonical = (row: Row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]));

function kindProblem(column: Column, value: unknown): string | undefined {
  if (value === null) return column.nullable ? undefined : "is null, but its row type says it never is";
  const { kind } = column;
  if (kind === "any") return undefined;
  if (typeof kind === "object") return kind.values.includes(value as string) ? undefined : `is ${JSON.stringify(value)}, not a ${kind.enum}`;
  const ok =
    kind === "Date" ? value instanceof Date && !Number.isNaN(value.getTime()) : kind === "bytes" ? value instanceof Uint8Array : typeof value === kind && (kind !== "number" || Number.isFinite(value));
  return ok ? undefined : `is ${typeof value} ${JSON.stringify(value)}, but its row type says ${kind}`;
}

describeEachProvider("hot reads return what the ORM returns", (provider) => {
  let t: TestDb;
  let seed: Seed;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    seed = await seedHotReads(t.db);
  });
  afterAll(() => t?.drop());

  const run = async (statement: HotRead, entry: Entry) => {
    const strings = Object.assign([...statement.strings], { raw: [...statement.strings] }) as unknown as TemplateStringsArray;
    const all: Row[] = [];
    for (const params of entry.cases(seed)) {
      expect(params, `parameters for ${statement.params.join(", ")}`).toHaveLength(statement.params.length);
      let rows = await read<Row>(strings, ...params);
      let orm = await entry.orm(t.db, params);
      if (!/\bORDER BY\b/i.test(statement.sql)) {
        rows = [...rows].sort((a, b) => canonical(a).localeCompare(canonical(b)));
        orm = [...orm].sort((a, b) => canonical(a).localeCompare(canonical(b)));
      }
      expect(rows, `${statement.sql}\nwith ${JSON.stringify(params)}`).toStrictEqual(orm);
      all.push(...rows);
    }
    return all;
  };

  for (const statement of statements) {
    it(statement.key, async () => {
      const entry = STATEMENTS[statement.key];
      if (!entry) throw new Error(`no ORM equivalent listed for ${statement.key}: ${statement.sql}`);
      const rows = await run(statement, entry);
      expect(rows.length, "the seed gives this statement rows to compare").toBeGreaterThan(0);
      const declared = statement.columns.map((c) => c.name).sort();
      for (const row of rows) {
        // The row type is what the code reads: every column it declares, and nothing else.
        expect(Object.keys(row).sort(), "columns returned vs. the statement's row type").toEqual(declared);
        for (const column of statement.columns) {
          const problem = kindProblem(column, row[column.name]);
          expect(problem, `column ${column.name}`).toBeUndefined();
        }
      }
      // A nullable column is seen both null and set, so a wrong join or alias cannot hide behind null.
      for (const column of statement.columns.filter((c) => c.nullable)) {
        const values = rows.map((r) => r[column.name]);
        expect(values.some((v) => v === null) && values.some((v) => v !== null), `${column.name} both null and set in the seed`).toBe(true);
      }
    });
  }
});
