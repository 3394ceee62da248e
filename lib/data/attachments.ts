// Files attached to a handoff, stored in the database (size-capped) so that several app
// instances need no shared disk. A notebook is parsed, validated (within the caps of
// lib/import/notebook-limits.ts) and rendered once, at upload, and stored with the result; views
// show the stored result and never parse or render again.
import { createHash, randomBytes } from "node:crypto";
import { db, read, type Tx } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { AppError, NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import { NOTEBOOK_MAX_BYTES, parseNotebook } from "@/lib/import/notebook";
import { authorizeHandoff } from "@/lib/data/access";
import { auditWrite } from "@/lib/data/audit";
import { uploadedFileSchema } from "@/lib/validation/attachment";
import { LIMITS, formatBytes, formatBytesOver } from "@/lib/validation/limits";
import { isLookupKey, unstorable, withoutBidiControls } from "@/lib/validation/text";
import { renderNotebook } from "@/lib/notebook/render";
import { renderedMaxChars } from "@/lib/import/notebook-limits";
import { RENDERED_NOTEBOOK_VERSION, type RenderedNotebook, type StoredNotebook } from "@/lib/notebook/rendered";

/** One file's cap (notebooks included; lib/import/notebook.ts enforces the same 10 MB on parsing). */
export const ATTACHMENT_MAX_BYTES = Math.min(LIMITS.attachment.bytes, NOTEBOOK_MAX_BYTES);
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

export async function uploadAttachment(caller: Caller, handoffId: string, input: unknown) {
  const { actor, project } = await authorizeHandoff(caller, handoffId, "update");
  const file = parseInput(uploadedFileSchema, input);
  const refuse = (message: string): never => {
    throw new ValidationError(message, { file: [message] });
  };
  const unfit = unstorable(file.filename);
  if (unfit) refuse(`The file name ${unfit}`);
  // Text-direction controls removed: "invoice\u202Egpj.exe" would show as "invoiceexe.jpg".
  const filename = withoutBidiControls(file.filename).trim().replace(/[\\/]/g, "_").slice(0, LIMITS.attachment.filename).toWellFormed();
  if (!filename) refuse("Choose a file to attach.");
  if (file.bytes.byteLength === 0) refuse(`${filename} is empty.`);
  if (file.bytes.byteLength > ATTACHMENT_MAX_BYTES) refuse(`${filename} is ${formatBytesOver(file.bytes.byteLength, ATTACHMENT_MAX_BYTES)}; a file can be at most ${formatBytes(ATTACHMENT_MAX_BYTES)}.`);
  const contentType = file.contentType.slice(0, 100);
  // A notebook that does not parse or is over a cap is refused with the parser's message, and
  // nothing is stored. It is rendered before the transaction: rendering takes the pool's time,
  // and a write transaction must not wait for it.
  const rendered = isNotebook(filename)
    ? JSON.stringify(await renderNotebook(parseNotebook(file.bytes, filename), { idPrefix: `nb-${randomBytes(5).toString("hex")}`, name: filename, maxChars: renderedMaxChars(file.bytes.byteLength) }))
    : null;
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
        rendered,
        uploadedById: actor.id,
      },
      select: { id: true, filename: true, size: true },
    });
    await auditWrite(tx, actor, { action: "handoff.attach", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { attachmentId: attachment.id, filename, size: attachment.size } });
    return attachment;
  });
}

export async function deleteAttachment(caller: Caller, handoffId: string, attachmentId: string) {
  const { actor, project } = await authorizeHandoff(caller, handoffId, "update");
  const attachment = isLookupKey(attachmentId) ? await db().attachment.findUnique({ where: { id: attachmentId }, select: { handoffId: true, filename: true } }) : null;
  if (!attachment || attachment.handoffId !== handoffId) throw new NotFoundError("Attachment");
  await db().$transaction(async (tx) => {
    await tx.attachment.delete({ where: { id: attachmentId } });
    await auditWrite(tx, actor, { action: "handoff.detach", targetType: "handoff", targetId: handoffId, projectId: project.id, details: { attachmentId, filename: attachment.filename } });
  });
}

export type NotebookForView = { id: string; filename: string; notebook: RenderedNotebook | null; error: string | null };

/** The handoff's notebooks as stored at upload: rendered, or why a stored one could not be. */
export async function listNotebooks(caller: Caller, handoffId: string): Promise<NotebookForView[]> {
  await authorizeHandoff(caller, handoffId, "read");
  const rows = await read<{ id: string; filename: string; rendered: string | null }>`
    SELECT "id", "filename", "rendered" FROM "Attachment"
    WHERE "handoffId" = ${handoffId} AND "contentType" = 'application/x-ipynb+json'
    ORDER BY "createdAt" ASC`;
  const views: NotebookForView[] = [];
  for (const row of rows) {
    let stored = row.rendered ? (JSON.parse(row.rendered) as StoredNotebook) : null;
    if (!stored || stored.version !== RENDERED_NOTEBOOK_VERSION) stored = await renderStoredNotebook(row.id, row.filename);
    views.push("error" in stored ? { id: row.id, filename: row.filename, notebook: null, error: stored.error } : { id: row.id, filename: row.filename, notebook: stored, error: null });
  }
  return views;
}

/**
 * A notebook stored before notebooks were rendered at upload (or by an older renderer): parsed
 * and rendered once, through the same caps and the same bounded pool as an upload, and written
 * back, so that only its first view pays. One that fails the checks now stores why.
 */
async function renderStoredNotebook(id: string, filename: string): Promise<StoredNotebook> {
  const row = await db().attachment.findUnique({ where: { id }, select: { data: true } });
  let stored: StoredNotebook;
  try {
    const data = new Uint8Array(row?.data ?? []);
    stored = await renderNotebook(parseNotebook(data, filename), { idPrefix: `nb-${id}`, name: filename, maxChars: renderedMaxChars(data.byteLength) });
  } catch (error) {
    // The pool was too busy: nothing is wrong with the notebook, so nothing is stored; a later view tries again.
    if (error instanceof AppError && error.code === "busy") return { version: RENDERED_NOTEBOOK_VERSION, error: "This notebook is being prepared for display; reload the page in a minute." };
    if (!(error instanceof ValidationError)) throw error;
    stored = { version: RENDERED_NOTEBOOK_VERSION, error: error.message };
  }
  await db().attachment.updateMany({ where: { id }, data: { rendered: JSON.stringify(stored) } });
  return stored;
}
