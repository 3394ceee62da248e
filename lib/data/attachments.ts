// Files attached to a handoff, stored in the database (size-capped) so that several app
// instances need no shared disk. Notebooks are parsed before they are stored.
import { createHash } from "node:crypto";
import { db, read, type Tx } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { NOTEBOOK_MAX_BYTES, parseNotebook } from "@/lib/import/notebook";
import { authorizeInProject } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { projectIdOfHandoff } from "@/lib/data/handoff-read";
import { LIMITS, formatBytes, formatBytesOver } from "@/lib/validation/limits";
import { isLookupKey, unstorable } from "@/lib/validation/text";

/** One file's cap (notebooks included; lib/import/notebook.ts enforces the same 10 MB on parsing). */
export const ATTACHMENT_MAX_BYTES = Math.min(LIMITS.attachment.bytes, NOTEBOOK_MAX_BYTES);
const target = (id: string) => ({ targetType: "handoff", targetId: id });

export function isNotebook(filename: string) {
  return filename.toLowerCase().endsWith(".ipynb");
}

/**
 * A handoff holds at most LIMITS.attachment.perHandoff files of LIMITS.attachment.totalBytes in
 * all. The handoff's row is locked first (a no-op write), so two uploads at once cannot both fit
 * in the last slot, on either database.
 */
async function assertRoomFor(tx: Tx, handoffId: string, filename: string, bytes: number) {
  await tx.$executeRaw`UPDATE "Handoff" SET "version" = "version" WHERE "id" = ${handoffId}`;
  const stored = await tx.attachment.aggregate({ where: { handoffId }, _count: { _all: true }, _sum: { size: true } });
  const { perHandoff, totalBytes } = LIMITS.attachment;
  if (stored._count._all >= perHandoff) {
    const message = `This handoff already has ${perHandoff} files, the most one handoff can hold. Delete one before attaching ${filename}.`;
    throw new ValidationError(message, { file: [message] });
  }
  const used = stored._sum.size ?? 0;
  if (used + bytes > totalBytes) {
    const message = `${filename} (${formatBytes(bytes)}) does not fit: this handoff's files already take ${formatBytes(used)}, and one handoff's files can take at most ${formatBytes(totalBytes)} together. Delete a file first.`;
    throw new ValidationError(message, { file: [message] });
  }
}

export async function uploadAttachment(caller: Caller, handoffId: string, file: { filename: string; contentType: string; bytes: Uint8Array }) {
  const { actor, project } = await authorizeInProject(caller, await projectIdOfHandoff(handoffId), "handoff", "update", target(handoffId), "Handoff");
  const refuse = (message: string): never => {
    throw new ValidationError(message, { file: [message] });
  };
  const unfit = unstorable(file.filename);
  if (unfit) refuse(`The file name ${unfit}`);
  const filename = file.filename.trim().replace(/[\\/]/g, "_").slice(0, LIMITS.attachment.filename).toWellFormed();
  if (!filename) refuse("Choose a file to attach.");
  if (file.bytes.byteLength === 0) refuse(`${filename} is empty.`);
  if (file.bytes.byteLength > ATTACHMENT_MAX_BYTES) refuse(`${filename} is ${formatBytesOver(file.bytes.byteLength, ATTACHMENT_MAX_BYTES)}; a file can be at most ${formatBytes(ATTACHMENT_MAX_BYTES)}.`);
  const contentType = file.contentType.slice(0, 100);
  // A notebook that does not parse is refused with the parser's message; nothing is stored.
  if (isNotebook(filename)) parseNotebook(file.bytes, filename);
  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  return db().$transaction(async (tx) => {
    await assertRoomFor(tx, handoffId, filename, file.bytes.byteLength);
    const attachment = await tx.attachment.create({
      data: {
        handoffId,
        filename,
        contentType: isNotebook(filename) ? "application/x-ipynb+json" : (contentType && !unstorable(contentType) ? contentType : "application/octet-stream"),
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
  const attachment = isLookupKey(attachmentId) ? await db().attachment.findUnique({ where: { id: attachmentId }, select: { handoffId: true, filename: true } }) : null;
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
