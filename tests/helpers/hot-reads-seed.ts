// Data for the hot-read tests (tests/integration/hot-reads.test.ts): every column those
// statements return appears both null and set, with dates, JSON (nulls and booleans inside it)
// and booleans, rows a statement must leave out (another project, an archived one, a denied
// audit event, a non-notebook attachment), and distinct timestamps so every ORDER BY has one
// answer on both databases.
import type { Db } from "@/lib/db/client";

const T0 = Date.parse("2026-03-01T10:00:00.000Z");
/** Minutes after a fixed instant, with milliseconds, which both databases keep. */
const at = (minutes: number) => new Date(T0 + minutes * 60_000 + 123);

export type Seed = Awaited<ReturnType<typeof seedHotReads>>;

export async function seedHotReads(db: Db) {
  const user = (email: string, name: string, more: { isAdmin?: boolean; sessionVersion?: number; disabledAt?: Date } = {}) =>
    db.user.create({ data: { email, name, ...more } });
  const ada = await user("ada@example.test", "Ada Admin", { isAdmin: true, sessionVersion: 3 });
  const ben = await user("ben@example.test", "Ben Engineer", { disabledAt: at(50) });
  const cy = await user("cy@example.test", "Cy Owner");

  const hr = await db.project.create({ data: { key: "HR", name: "Hot reads", description: "Seeded for the hot-read tests", createdAt: at(0) } });
  const arc = await db.project.create({ data: { key: "ARC", name: "Archived", archivedAt: at(5) } });
  const oth = await db.project.create({ data: { key: "OTH", name: "Other" } });
  for (const [projectId, userId, role, minute] of [
    [hr.id, cy.id, "owner", 1],
    [hr.id, ben.id, "engineer", 2],
    [arc.id, cy.id, "viewer", 3],
    [oth.id, cy.id, "researcher", 4],
  ] as const) {
    await db.membership.create({ data: { projectId, userId, role, createdAt: at(minute) } });
  }

  const template = await db.handoffTemplate.create({
    data: { projectId: hr.id, name: "Short", sections: [{ key: "summary", title: "Summary", required: true, guidance: null }] },
  });
  const full = await db.handoff.create({
    data: {
      projectId: hr.id,
      templateId: template.id,
      authorId: cy.id,
      title: "With everything",
      status: "in_review",
      version: 3,
      paperTitle: "A paper",
      authors: [{ name: "A. Author", affiliation: null, corresponding: true }],
      venue: "NeurIPS",
      year: 2024,
      arxivId: "2401.00001",
      doi: "10.1000/xyz",
      url: "https://example.test/paper",
      bibtex: "@article{a}",
      sections: { summary: "Text", nested: { list: [1, true, null, "x"] } },
      body: "Body",
      submittedAt: at(20),
      acceptedAt: at(21),
      createdAt: at(10),
      updatedAt: at(22),
    },
  });
  const bare = await db.handoff.create({ data: { projectId: hr.id, title: "Bare", authors: [], sections: {}, createdAt: at(11), updatedAt: at(23) } });
  const elsewhere = await db.handoff.create({ data: { projectId: oth.id, authorId: ben.id, title: "Elsewhere", authors: [], sections: {}, updatedAt: at(24) } });
  await db.handoffReviewer.create({ data: { handoffId: full.id, userId: ben.id, assignedAt: at(30) } });
  await db.handoffReviewer.create({ data: { handoffId: full.id, userId: cy.id, assignedAt: at(31) } });

  const milestone = (projectId: string, key: string, more: Record<string, unknown> = {}) =>
    db.milestone.create({ data: { projectId, key, title: `Milestone ${key}`, ...more } });
  const m1 = await milestone(hr.id, "HR-1", { dueDate: at(100), ownerId: cy.id, status: "in_progress", health: "at_risk" });
  const m2 = await milestone(hr.id, "HR-2");
  const m3 = await milestone(hr.id, "HR-10", { dueDate: at(90), ownerId: ben.id, status: "blocked", health: "off_track" });
  const m4 = await milestone(oth.id, "OTH-1");
  // Done with an estimate and no recorded history: the burn-up's read sees those columns set and its join empty.
  await milestone(arc.id, "ARC-1", { status: "done", estimateDays: 2.5, completedAt: at(96) });
  await db.handoffMilestone.create({ data: { handoffId: full.id, milestoneId: m1.id, createdAt: at(40) } });
  await db.handoffMilestone.create({ data: { handoffId: full.id, milestoneId: m2.id, createdAt: at(41) } });
  await db.handoffMilestone.create({ data: { handoffId: elsewhere.id, milestoneId: m4.id } });
  const gateway = await db.service.create({ data: { name: "gateway", displayName: "Gateway", layer: "gateway" } });
  const ranker = await db.service.create({ data: { name: "ranker", layer: "model" } });
  for (const [milestoneId, serviceId] of [
    [m1.id, gateway.id],
    [m1.id, ranker.id],
    [m2.id, ranker.id],
    [m4.id, gateway.id],
  ]) {
    await db.milestoneService.create({ data: { milestoneId, serviceId } });
  }

  const thread = await db.comment.create({
    data: { handoffId: full.id, sectionKey: "summary", authorId: cy.id, body: "Why?", resolvedAt: at(61), resolvedById: ben.id, createdAt: at(60) },
  });
  await db.comment.create({ data: { handoffId: full.id, sectionKey: "summary", parentId: thread.id, authorId: ben.id, body: "Because.", editedAt: at(63), createdAt: at(62) } });
  await db.comment.create({ data: { handoffId: full.id, sectionKey: "method", body: "[deleted]", deletedAt: at(65), createdAt: at(64) } });
  await db.comment.create({ data: { handoffId: bare.id, sectionKey: "summary", authorId: cy.id, body: "Elsewhere" } });

  const attachment = (handoffId: string, filename: string, contentType: string, minute: number, rendered: string | null) =>
    db.attachment.create({
      data: { handoffId, filename, contentType, size: 1000 + minute, sha256: "0".repeat(64), data: Buffer.from(filename), rendered, uploadedById: cy.id, createdAt: at(minute) },
    });
  await attachment(full.id, "a.ipynb", "application/x-ipynb+json", 70, JSON.stringify({ version: 1, cells: [] }));
  await attachment(full.id, "b.ipynb", "application/x-ipynb+json", 71, null);
  await attachment(full.id, "paper.pdf", "application/pdf", 72, null);
  await attachment(bare.id, "c.ipynb", "application/x-ipynb+json", 73, null);

  // Seven updates in HR: the overview shows the newest six.
  const updates = [
    { milestoneId: m1.id, authorId: cy.id, fromStatus: null, toStatus: "planned", toHealth: "on_track", note: "Created" },
    { milestoneId: m1.id, authorId: null, fromStatus: "planned", toStatus: "in_progress", fromHealth: "on_track", toHealth: "at_risk", note: "" },
    { milestoneId: m2.id, authorId: ben.id, fromStatus: null, toStatus: "planned", toHealth: "on_track", note: "" },
    { milestoneId: m3.id, authorId: ben.id, fromStatus: "planned", toStatus: "blocked", toHealth: "off_track", note: "Waiting" },
    { milestoneId: m3.id, authorId: null, fromStatus: "blocked", toStatus: "blocked", toHealth: "off_track", note: "Still" },
    { milestoneId: m1.id, authorId: cy.id, fromStatus: "in_progress", toStatus: "in_progress", toHealth: "at_risk", note: "Slipping" },
    { milestoneId: m2.id, authorId: cy.id, fromStatus: "planned", toStatus: "planned", toHealth: "on_track", note: "Later" },
  ] as const;
  for (const [i, u] of updates.entries()) await db.statusUpdate.create({ data: { ...u, createdAt: at(80 + i) } });
  await db.statusUpdate.create({ data: { milestoneId: m4.id, toStatus: "planned", toHealth: "on_track", createdAt: at(99) } });

  const event = (minute: number, more: { actorId?: string; actorEmail?: string; outcome?: "success" | "denied"; targetType?: string; targetId?: string; details?: object }) =>
    db.auditEvent.create({ data: { at: at(minute), action: "handoff.update", outcome: "success", targetType: "handoff", targetId: full.id, projectId: hr.id, ...more } });
  await event(90, { actorId: cy.id, actorEmail: cy.email, details: { fields: ["title"], count: 2, ok: true, none: null } });
  await event(91, { actorEmail: "gone@example.test" });
  await event(92, { actorId: ben.id, actorEmail: ben.email, outcome: "denied" });
  await event(93, { actorId: cy.id, actorEmail: cy.email, targetId: bare.id });
  await event(94, { actorId: cy.id, actorEmail: cy.email, targetType: "milestone" });
  await event(95, { actorId: ben.id, actorEmail: ben.email, details: [] });

  return { users: { ada, ben, cy }, projects: { hr, arc, oth }, handoffs: { full, bare, elsewhere }, milestones: { m1, m2, m3, m4 } };
}
