// Files attached to a handoff, stored in the database (size-capped) so that several app
// instances need no shared disk. Notebooks are parsed before they are stored.
import { createHash } from "node:crypto";
import { db, read } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { NOTEBOOK_MAX_BYTES, parseNotebook } from "@/lib/import/notebook";
import { authorizeInProject } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { projectIdOfHandoff } from "@/lib/data/handoff-read";

export const ATTACHMENT_MAX_BYTES = NOTEBOOK_MAX_BYTES;
const target = (id: string) => ({ targetType: "handoff", targetId: id });

export function isNotebook(filename: string) {
  return filename.toLowerCase().endsWith(".ipynb");
}

export async function uploadAttachment(caller: Caller, handoffId: string, file: { filename: string; contentType: string; bytes: Uint8Array }) {
  const { actor, project } = await authorizeInProject(caller, await projectIdOfHandoff(handoffId), "handoff", "update", target(handoffId), "Handoff");
  const filename = file.filename.trim().replace(/[\\/]/g, "_").slice(0, 200);
  if (!filename) throw new ValidationError("file: choose a file to attach.", { file: ["is required"] });
  if (file.bytes.byteLength === 0) throw new ValidationError(`file: ${filename} is empty.`, { file: ["is empty"] });
  if (file.bytes.byteLength > ATTACHMENT_MAX_BYTES) {
    throw new ValidationError(`file: ${filename} is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`, { file: ["is too large"] });
  }
  // A notebook that does not parse is refused with the parser's message; nothing is stored.
  if (isNotebook(filename)) parseNotebook(file.bytes, filename);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return db().$transaction(async (tx) => {
    const attachment = await tx.attachment.create({
      data: {
        handoffId,
        filename,
        contentType: isNotebook(filename) ? "application/x-ipynb+json" : file.contentType.slice(0, 100) || "application/octet-stream",
        size: file.bytes.byteLength,
        sha256,
        data: Buffer.from(file.bytes),
        uploadedById: actor.id,
      },
      select: { id: true, filename: true, size: true },
    });
    await auditWrite(tx, actor, { action: "handoff.attach", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { attachmentId: attachment.id, filename, size: attachment.size } });
    return attachment;
  });
}

export async function deleteAttachment(caller: Caller, handoffId: string, attachmentId: string) {
  const { actor, project } = await authorizeInProject(caller, await projectIdOfHandoff(handoffId), "handoff", "update", target(handoffId), "Handoff");
  const attachment = await db().attachment.findUnique({ where: { id: attachmentId }, select: { handoffId: true, filename: true } });
  if (!attachment || attachment.handoffId !== handoffId) throw new NotFoundError("Attachment");
  await db().$transaction(async (tx) => {
    await tx.attachment.delete({ where: { id: attachmentId } });
    await auditWrite(tx, actor, { action: "handoff.detach", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { attachmentId, filename: attachment.filename } });
  });
}

/** The handoff's notebooks, parsed for display; a stored notebook that no longer parses says why. */
export async function listNotebooks(caller: Caller, handoffId: string) {
  await authorizeInProject(caller, await projectIdOfHandoff(handoffId), "handoff", "read", target(handoffId), "Handoff");
  const rows = await read<{ id: string; filename: string; data: Uint8Array }>`
    SELECT "id", "filename", "data" FROM "Attachment"
    WHERE "handoffId" = ${handoffId} AND "contentType" = 'application/x-ipynb+json'
    ORDER BY "createdAt" ASC`;
  return rows.map((row) => {
    try {
      return { id: row.id, filename: row.filename, notebook: parseNotebook(new Uint8Array(row.data), row.filename), error: null };
    } catch (error) {
      return { id: row.id, filename: row.filename, notebook: null, error: (error as Error).message };
    }
  });
}
