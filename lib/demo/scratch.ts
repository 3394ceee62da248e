// The demo is written through lib/data (lib/demo/write.ts), which works on the database db()
// returns and commits as it goes. The seed must instead land in one transaction under the
// start-up lock, all or nothing. So the demo is first written into a private scratch SQLite
// database, then its rows are copied into the caller's transaction (any provider), ids and all,
// each time lib/data stamped moved to the day of the act that made it (clock.ts).
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, createDb, setDbForTests, type Db, type Tx } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { writeDemoPlan } from "@/lib/demo/write";
import { DemoClock } from "@/lib/demo/clock";

async function readRows(scratch: Db, clock: DemoClock) {
  const rows = {
    user: await scratch.user.findMany({ omit: { passwordHash: false } }),
    handoffTemplate: await scratch.handoffTemplate.findMany(),
    service: await scratch.service.findMany(),
    interface: await scratch.interface.findMany(),
    serviceDependency: await scratch.serviceDependency.findMany(),
    project: await scratch.project.findMany(),
    membership: await scratch.membership.findMany(),
    milestone: await scratch.milestone.findMany(),
    statusUpdate: await scratch.statusUpdate.findMany(),
    milestoneDependency: await scratch.milestoneDependency.findMany(),
    milestoneService: await scratch.milestoneService.findMany(),
    projectService: await scratch.projectService.findMany(),
    handoff: await scratch.handoff.findMany(),
    handoffRevision: await scratch.handoffRevision.findMany(),
    handoffMilestone: await scratch.handoffMilestone.findMany(),
    handoffReviewer: await scratch.handoffReviewer.findMany(),
    handoffApproval: await scratch.handoffApproval.findMany(),
    comment: await scratch.comment.findMany({ orderBy: { createdAt: "asc" } }),
    auditEvent: await scratch.auditEvent.findMany(),
  };
  for (const table of Object.values(rows)) table.forEach((row, i) => (table[i] = clock.retimeRow(row)));
  return rows;
}
export type DemoRows = Awaited<ReturnType<typeof readRows>>;

/** The models the copy carries, by Prisma model name; any other model must stay empty in the scratch database. */
const COPIED = new Set<string>([
  "User", "HandoffTemplate", "Service", "Interface", "ServiceDependency", "Project", "Membership", "Milestone", "StatusUpdate",
  "MilestoneDependency", "MilestoneService", "ProjectService", "Handoff", "HandoffRevision", "HandoffMilestone", "HandoffReviewer", "HandoffApproval", "Comment", "AuditEvent",
]);

async function assertNothingElse(scratch: Db) {
  for (const name of Object.values(Prisma.ModelName)) {
    if (COPIED.has(name)) continue;
    const delegate = scratch[(name[0].toLowerCase() + name.slice(1)) as keyof Db] as unknown as { count(): Promise<number> };
    const count = await delegate.count();
    if (count > 0) throw new Error(`The demo wrote ${count} ${name} row(s), which lib/demo/scratch.ts does not copy.`);
  }
}

/** Writes the demo into a fresh scratch database through lib/data and returns its rows. */
export async function buildDemoRows(passwordHash: string, now: Date): Promise<DemoRows> {
  const file = path.join(os.tmpdir(), `legible-demo-${process.pid}-${randomBytes(6).toString("hex")}.db`);
  const url = `file:${file}`;
  const previous = (globalThis as { legibleDb?: Db }).legibleDb;
  let scratch: Db | undefined;
  try {
    await migrate(url);
    scratch = createDb(url);
    // lib/data writes wherever db() points: here, for the length of the seed only.
    setDbForTests(scratch);
    const clock = new DemoClock();
    await writeDemoPlan(passwordHash, now, clock);
    await assertNothingElse(scratch);
    return await readRows(scratch, clock);
  } finally {
    setDbForTests(previous);
    if (scratch) await closeDb(scratch);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }
}

/** JSON columns that may be null are left out when null (createMany takes no plain null for JSON). */
function withoutNull<T extends object, K extends keyof T>(row: T, keys: K[]) {
  const copy = { ...row } as Record<string, unknown>;
  for (const key of keys) if (copy[key as string] === null) delete copy[key as string];
  return copy as { [P in keyof T]: P extends K ? Exclude<T[P], null> | undefined : T[P] };
}

/**
 * Copies the rows into the caller's transaction, parents first. An instance that already has the
 * built-in template (prepared earlier without the demo) keeps its own; the demo's handoffs use it.
 */
export async function copyDemoRows(tx: Tx, rows: DemoRows) {
  await tx.user.createMany({ data: rows.user });
  const templates = new Map<string, string>();
  for (const t of rows.handoffTemplate) {
    const existing = await tx.handoffTemplate.findFirst({ where: { projectId: t.projectId, name: t.name }, select: { id: true } });
    if (existing) templates.set(t.id, existing.id);
    else await tx.handoffTemplate.create({ data: { ...t, sections: t.sections as Prisma.InputJsonValue } });
  }
  await tx.service.createMany({ data: rows.service.map((s) => withoutNull(s, ["runtime"]) as Prisma.ServiceCreateManyInput) });
  await tx.interface.createMany({ data: rows.interface.map((i) => withoutNull(i, ["requestSchema", "responseSchema"]) as Prisma.InterfaceCreateManyInput) });
  await tx.serviceDependency.createMany({ data: rows.serviceDependency });
  await tx.project.createMany({ data: rows.project });
  await tx.membership.createMany({ data: rows.membership });
  await tx.milestone.createMany({ data: rows.milestone });
  await tx.statusUpdate.createMany({ data: rows.statusUpdate });
  await tx.milestoneDependency.createMany({ data: rows.milestoneDependency });
  await tx.milestoneService.createMany({ data: rows.milestoneService });
  await tx.projectService.createMany({ data: rows.projectService });
  await tx.handoff.createMany({
    data: rows.handoff.map((h) => ({
      ...h,
      templateId: h.templateId === null ? null : (templates.get(h.templateId) ?? h.templateId),
      authors: h.authors as Prisma.InputJsonValue,
      sections: h.sections as Prisma.InputJsonValue,
    })),
  });
  await tx.handoffRevision.createMany({ data: rows.handoffRevision.map((r) => ({ ...r, snapshot: r.snapshot as Prisma.InputJsonValue })) });
  await tx.handoffMilestone.createMany({ data: rows.handoffMilestone });
  await tx.handoffReviewer.createMany({ data: rows.handoffReviewer });
  await tx.handoffApproval.createMany({ data: rows.handoffApproval });
  // Threads before their replies.
  await tx.comment.createMany({ data: rows.comment.filter((c) => c.parentId === null) });
  await tx.comment.createMany({ data: rows.comment.filter((c) => c.parentId !== null) });
  await tx.auditEvent.createMany({ data: rows.auditEvent.map((e) => withoutNull(e, ["details"]) as Prisma.AuditEventCreateManyInput) });
}
