// The handoff read view's data in plain SQL (ADR 0002): six single statements instead of one
// deeply nested ORM read that compiles a plan and fans out into a dozen. The shape is the one
// the ORM read returned, so pages and the API do not change.
import { cache } from "react";
import { read } from "@/lib/db/client";
import type { Handoff } from "@/lib/db/generated/sqlite/client";
import type { HandoffStatus, MilestoneHealth, MilestoneStatus, ServiceLayer } from "@/lib/db/generated/sqlite/enums";
import { NotFoundError } from "@/lib/errors";
import { isLookupKey } from "@/lib/validation/text";

type JsonValue = Handoff["sections"];

/** The project a handoff belongs to, once per render (every handoff data function asks). */
export const projectIdOfHandoff = cache(async (id: string): Promise<string | undefined> => {
  // Not even shaped like an id (a NUL byte, a broken character): nothing by that name exists.
  if (!isLookupKey(id)) return undefined;
  const [row] = await read<{ projectId: string }>`SELECT "projectId" FROM "Handoff" WHERE "id" = ${id}`;
  return row?.projectId;
});

type HandoffRow = Handoff & { authorName: string | null; templateName: string | null; templateSections: unknown };

export async function readHandoff(id: string) {
  const [[row], reviewers, milestoneRows, serviceRows, commentRows, attachments] = await Promise.all([
    read<HandoffRow>`
      SELECT h.*, u."name" AS "authorName", t."name" AS "templateName", t."sections" AS "templateSections"
      FROM "Handoff" h LEFT JOIN "User" u ON u."id" = h."authorId" LEFT JOIN "HandoffTemplate" t ON t."id" = h."templateId"
      WHERE h."id" = ${id}`,
    read<{ id: string; name: string }>`
      SELECT u."id", u."name" FROM "HandoffReviewer" r JOIN "User" u ON u."id" = r."userId"
      WHERE r."handoffId" = ${id} ORDER BY r."assignedAt" ASC`,
    read<{ id: string; key: string; title: string; status: MilestoneStatus; health: MilestoneHealth; dueDate: Date | null }>`
      SELECT m."id", m."key", m."title", m."status", m."health", m."dueDate"
      FROM "HandoffMilestone" hm JOIN "Milestone" m ON m."id" = hm."milestoneId"
      WHERE hm."handoffId" = ${id} ORDER BY hm."createdAt" ASC`,
    read<{ milestoneId: string; id: string; name: string; displayName: string; layer: ServiceLayer }>`
      SELECT ms."milestoneId", s."id", s."name", s."displayName", s."layer"
      FROM "HandoffMilestone" hm JOIN "MilestoneService" ms ON ms."milestoneId" = hm."milestoneId" JOIN "Service" s ON s."id" = ms."serviceId"
      WHERE hm."handoffId" = ${id}`,
    read<{
      id: string;
      sectionKey: string;
      body: string;
      resolvedAt: Date | null;
      createdAt: Date;
      editedAt: Date | null;
      deletedAt: Date | null;
      parentId: string | null;
      authorId: string | null;
      authorName: string | null;
      resolverName: string | null;
    }>`
      SELECT c."id", c."sectionKey", c."body", c."resolvedAt", c."createdAt", c."editedAt", c."deletedAt", c."parentId", c."authorId",
             u."name" AS "authorName", r."name" AS "resolverName"
      FROM "Comment" c LEFT JOIN "User" u ON u."id" = c."authorId" LEFT JOIN "User" r ON r."id" = c."resolvedById"
      WHERE c."handoffId" = ${id} ORDER BY c."createdAt" ASC`,
    read<{ id: string; filename: string; size: number; contentType: string; createdAt: Date }>`
      SELECT "id", "filename", "size", "contentType", "createdAt" FROM "Attachment"
      WHERE "handoffId" = ${id} ORDER BY "createdAt" ASC`,
  ]);
  if (!row) throw new NotFoundError("Handoff");
  const { authorName, templateName, templateSections, ...handoff } = row;
  const author = (name: string | null) => (name === null ? null : { name });
  // A comment's author, with their id so the page can offer them Edit and Delete.
  const writer = (id: string | null, name: string | null) => (id === null || name === null ? null : { id, name });
  const threads = commentRows.filter((c) => c.parentId === null);
  return {
    ...handoff,
    status: handoff.status as HandoffStatus,
    authors: handoff.authors as JsonValue,
    sections: handoff.sections as JsonValue,
    version: Number(handoff.version),
    year: handoff.year === null ? null : Number(handoff.year),
    author: handoff.authorId && authorName !== null ? { id: handoff.authorId, name: authorName } : null,
    template: handoff.templateId && templateName !== null ? { id: handoff.templateId, name: templateName, sections: templateSections as JsonValue } : null,
    reviewers: reviewers.map((user) => ({ user })),
    milestones: milestoneRows.map((m) => ({
      milestone: { ...m, services: serviceRows.filter((s) => s.milestoneId === m.id).map(({ milestoneId: _m, ...service }) => ({ service })) },
    })),
    comments: threads.map((c) => ({
      id: c.id,
      sectionKey: c.sectionKey,
      body: c.body,
      resolvedAt: c.resolvedAt,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      deletedAt: c.deletedAt,
      author: writer(c.authorId, c.authorName),
      resolvedBy: author(c.resolverName),
      replies: commentRows
        .filter((r) => r.parentId === c.id)
        .map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt, editedAt: r.editedAt, deletedAt: r.deletedAt, author: writer(r.authorId, r.authorName) })),
    })),
    attachments: attachments.map((a) => ({ ...a, size: Number(a.size) })),
  };
}
