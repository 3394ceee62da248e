// Handoffs: the researcher's paper summary, read by engineers. Every function checks the caller's
// role in the handoff's project first.
import { db } from "@/lib/db/client";
import type { Caller } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError, parseInput } from "@/lib/errors";
import {
  HANDOFF_TRANSITIONS,
  templateChoiceSchema,
  transitionInputSchema,
  updateHandoffSchemaFor,
} from "@/lib/validation/handoff";
import { isLookupKey } from "@/lib/validation/text";
import { HANDOFF_ACTION_LABELS } from "@/lib/validation/labels";
import { authorizeHandoff, authorizeProject } from "@/lib/data/access";
import { readHandoff } from "@/lib/data/handoff-read";
import { auditWrite, requireSignedIn } from "@/lib/data/audit";
import { handoffSectionRules, parseContent, templateSectionRules } from "@/lib/data/handoff-rules";
import { getRevision, pinCurrentRevision, recordRevision } from "@/lib/data/handoff-revisions";
import { handoffCompleteness, resolveTemplateSections } from "@/lib/handoff/completeness";
import { exportFilename, handoffToMarkdown } from "@/lib/handoff/export";

export async function listHandoffs(caller: Caller, key: string) {
  const access = await authorizeProject(caller, { key }, "handoff", "read", { targetType: "project" });
  const handoffs = await db().handoff.findMany({
    where: { projectId: access.project.id },
    select: {
      id: true,
      title: true,
      paperTitle: true,
      venue: true,
      year: true,
      status: true,
      updatedAt: true,
      sections: true,
      template: { select: { sections: true } },
      author: { select: { id: true, name: true } },
      reviewers: { select: { user: { select: { id: true, name: true } } } },
      _count: { select: { milestones: true, comments: true } },
    },
    orderBy: { updatedAt: "desc" },
  });
  return { ...access, handoffs };
}

/** A handoff with its paper card, the milestones decomposed from it and the services implementing those. */
export async function getHandoff(caller: Caller, id: string) {
  const access = await authorizeHandoff(caller, id, "read");
  const handoff = await readHandoff(id);
  return { ...access, handoff };
}

/**
 * The template a new handoff starts from: one of the project's own or a built-in one; by default
 * the built-in paper handoff (null when an instance has none, which means the default sections).
 */
async function usableTemplateId(projectId: string, requested: string | null | undefined): Promise<string | null> {
  if (requested) {
    const template = isLookupKey(requested) ? await db().handoffTemplate.findUnique({ where: { id: requested }, select: { projectId: true } }) : null;
    if (!template || (template.projectId !== null && template.projectId !== projectId)) {
      throw new ValidationError(`${HANDOFF_ACTION_LABELS.templateId} must be one of this project's templates; there is no such template here.`, { templateId: ["no such template in this project"] });
    }
    return requested;
  }
  const builtIn = await db().handoffTemplate.findFirst({ where: { projectId: null }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return builtIn?.id ?? null;
}

export async function createHandoff(caller: Caller, key: string, input: unknown) {
  const { actor, project } = await authorizeProject(caller, { key }, "handoff", "create", { targetType: "handoff" });
  // The template decides which sections the content may have, so it is read first.
  const templateId = await usableTemplateId(project.id, parseInput(templateChoiceSchema, input).templateId);
  const content = parseContent(await templateSectionRules(templateId), input);
  return db().$transaction(async (tx) => {
    const handoff = await tx.handoff.create({
      data: { ...content, projectId: project.id, authorId: actor.id, templateId },
    });
    await recordRevision(tx, handoff.id, 1, content, actor.id, "Created");
    await auditWrite(tx, actor, { action: "handoff.create", targetType: "handoff", targetId: handoff.id, projectId: project.id, details: { title: handoff.title } });
    return handoff;
  });
}

/** Saves new content if nobody saved since `version`; otherwise 409 with the current text. */
export async function updateHandoff(caller: Caller, id: string, input: unknown) {
  const { actor, project } = await authorizeHandoff(caller, id, "update");
  const { version, message, ...content } = parseInput(updateHandoffSchemaFor(await handoffSectionRules(id)), input);
  return db().$transaction(async (tx) => {
    // The version check and the write are one statement: two saves from one base cannot both win.
    const result = await tx.handoff.updateMany({ where: { id, version }, data: { ...content, version: { increment: 1 } } });
    if (result.count === 0) {
      const current = await tx.handoff.findUnique({ where: { id } });
      throw new ConflictError(`Someone saved this handoff after you opened it (now version ${current?.version}). Your text is kept; compare and save again.`, current);
    }
    await recordRevision(tx, id, version + 1, content, actor.id, message);
    // The saved text supersedes this person's autosaved draft.
    await tx.handoffDraft.deleteMany({ where: { handoffId: id, userId: actor.id } });
    await auditWrite(tx, actor, { action: "handoff.update", targetType: "handoff", targetId: id, projectId: project.id, details: { version: version + 1 } });
    return tx.handoff.findUniqueOrThrow({ where: { id } });
  });
}

export async function deleteHandoff(caller: Caller, id: string) {
  const { actor, project } = await authorizeHandoff(caller, id, "delete");
  await db().$transaction(async (tx) => {
    const removed = await tx.handoff.delete({ where: { id }, select: { title: true } });
    await auditWrite(tx, actor, { action: "handoff.delete", targetType: "handoff", targetId: id, projectId: project.id, details: { title: removed.title } });
  });
}

/**
 * Moves a handoff along the review workflow. `input` is `{ transition, note }` (a bare transition
 * name is accepted too); requesting changes must say what should change, and the note is kept in
 * the activity feed. A reviewer who requests changes withdraws their own approval.
 */
export async function transitionHandoff(caller: Caller, id: string, input: unknown) {
  const { transition: name, note } = parseInput(transitionInputSchema, typeof input === "string" ? { transition: input } : input);
  const transition = HANDOFF_TRANSITIONS[name];
  const { actor, project } = await authorizeHandoff(caller, id, transition.permission);
  return db().$transaction(async (tx) => {
    const handoff = await tx.handoff.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, sections: true, template: { select: { sections: true } } } });
    if (!(transition.from as readonly string[]).includes(handoff.status)) {
      throw new ConflictError(`A handoff that is ${handoff.status.replace("_", " ")} cannot be moved to ${transition.to.replace("_", " ")}.`);
    }
    if (transition.to === "in_review") {
      // The legibility checklist: every required section must say something before review.
      const { missing } = handoffCompleteness(handoff.sections, resolveTemplateSections(handoff.template?.sections));
      if (missing.length > 0) {
        throw new ValidationError(`Fill in the required sections before submitting for review: ${missing.map((m) => m.title).join(", ")}.`, {
          sections: missing.map((m) => `${m.title} is empty`),
        });
      }
    }
    const now = new Date();
    const updated = await tx.handoff.update({
      where: { id },
      data: {
        status: transition.to,
        ...(transition.to === "in_review" ? { submittedAt: now } : {}),
        ...(transition.to === "accepted" ? { acceptedAt: now } : {}),
      },
    });
    // The text that was submitted or accepted stays readable in History however many saves follow.
    if (transition.to === "in_review" || transition.to === "accepted") {
      await pinCurrentRevision(tx, id, handoff.version, transition.to === "in_review" ? "submitted" : "accepted");
    }
    if (name === "requestChanges") await tx.handoffApproval.deleteMany({ where: { handoffId: id, userId: actor.id } });
    await auditWrite(tx, actor, {
      action: `handoff.${name}`,
      targetType: "handoff",
      targetId: id,
      projectId: project.id,
      // The version the decision was about, so the page can say when the text has changed since.
      details: { from: handoff.status, to: transition.to, version: handoff.version, ...(note ? { note } : {}) },
    });
    return updated;
  });
}

/** Handoffs across every project the caller can see, most recently updated first. */
export async function listPortfolioHandoffs(caller: Caller) {
  const actor = await requireSignedIn(caller, { action: "handoff.read", targetType: "project" });
  const visible = actor.isAdmin ? { archivedAt: null } : { archivedAt: null, memberships: { some: { userId: actor.id } } };
  return db().handoff.findMany({
    where: { project: visible },
    select: {
      id: true,
      title: true,
      paperTitle: true,
      venue: true,
      year: true,
      status: true,
      updatedAt: true,
      author: { select: { name: true } },
      project: { select: { key: true, name: true } },
    },
    orderBy: { updatedAt: "desc" },
  });
}

/** An attachment's bytes, for download; the caller must be able to read its handoff. */
export async function getAttachment(caller: Caller, handoffId: string, attachmentId: string) {
  await authorizeHandoff(caller, handoffId, "read");
  const attachment = !isLookupKey(attachmentId) ? null : await db().attachment.findUnique({
    where: { id: attachmentId },
    select: { handoffId: true, filename: true, contentType: true, size: true, data: true, sha256: true },
  });
  if (!attachment || attachment.handoffId !== handoffId) throw new NotFoundError("Attachment");
  return attachment;
}

/** The handoff as a Markdown file with front matter; with `version`, that saved revision's text (404 if none, 410 if compacted). */
export async function exportHandoff(caller: Caller, id: string, version?: number) {
  await authorizeHandoff(caller, id, "read");
  const handoff = await db().handoff.findUniqueOrThrow({
    where: { id },
    include: { author: { select: { name: true } }, project: { select: { key: true, name: true } }, template: { select: { sections: true } } },
  });
  const template = resolveTemplateSections(handoff.template?.sections);
  if (version === undefined) return { filename: exportFilename(handoff.title), markdown: handoffToMarkdown(handoff, template) };
  const revision = await getRevision(caller, id, version);
  const saved = { ...handoff, ...revision.content, version: revision.version, updatedAt: revision.createdAt, author: revision.author };
  return { filename: exportFilename(revision.content.title).replace(/\.md$/, `-v${revision.version}.md`), markdown: handoffToMarkdown(saved, template) };
}
