// The handoff workflow against a real database: templates, saves and revisions, conflicts,
// drafts, the legibility check on submit, review, comments, notebooks and export.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { createHandoff, exportHandoff, getHandoff, transitionHandoff, updateHandoff } from "@/lib/data/handoffs";
import { addComment } from "@/lib/data/comments";
import { discardDraft, getOwnDraft, saveDraft } from "@/lib/data/handoff-drafts";
import { getRevision, listRevisions, restoreRevision } from "@/lib/data/handoff-revisions";
import { approveHandoff, listApprovals, listHandoffActivity, setCommentResolved, setReviewers } from "@/lib/data/handoff-review";
import { milestoneChoices, setHandoffMilestones } from "@/lib/data/handoff-milestones";
import { listNotebooks, uploadAttachment } from "@/lib/data/attachments";
import { createTemplate, ensureBuiltInTemplate, listTemplates } from "@/lib/data/templates";
import { DEFAULT_TEMPLATE_SECTIONS } from "@/lib/validation/template";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "tests", "fixtures", "real", name));
const filledSections = Object.fromEntries(DEFAULT_TEMPLATE_SECTIONS.map((s) => [s.key, `Written: ${s.title}.`]));

describeEachProvider("handoff workflow", (provider) => {
  let t: TestDb;
  const people = {} as Record<"researcher" | "engineer" | "manager" | "owner", Actor>;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ensureBuiltInTemplate(t.db);
    const project = await t.db.project.create({ data: { key: "HO", name: "Handoffs" } });
    for (const role of ["researcher", "engineer", "manager", "owner"] as const) {
      const u = await t.db.user.create({ data: { email: `${role}@example.test`, name: `The ${role}` } });
      await t.db.membership.create({ data: { projectId: project.id, userId: u.id, role } });
      people[role] = { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
    }
  });
  afterAll(() => t?.drop());

  it("starts from the built-in template, or a project template the owner defined", async () => {
    const custom = await createTemplate(people.owner, "HO", {
      name: "Short note",
      sections: [{ key: "summary", title: "Summary", guidance: "One paragraph.", required: true }],
    });
    const { templates } = await listTemplates(people.researcher, "HO");
    expect(templates.map((x) => x.name)).toEqual(["Paper handoff", "Short note"]);
    expect(templates[0].builtIn).toBe(true);
    const h = await createHandoff(people.researcher, "HO", { title: "Quick note", templateId: custom.id });
    expect(h.templateId).toBe(custom.id);
    const other = await t.db.project.create({ data: { key: "OTHER", name: "Other" } });
    const foreign = await t.db.handoffTemplate.create({ data: { projectId: other.id, name: "Theirs", sections: [] } });
    await expect(createHandoff(people.researcher, "HO", { title: "Nope", templateId: foreign.id })).rejects.toThrow(/^Template must be one of this project's templates/);
  });

  it("keeps every save as a revision, refuses a stale save with the current text, and restores", async () => {
    const h = await createHandoff(people.researcher, "HO", { title: "Diffusion for plans" });
    const first = await updateHandoff(people.researcher, h.id, { title: "Diffusion for plans", sections: { tldr: "First." }, version: 1, message: "tl;dr" });
    expect(first.version).toBe(2);
    // The manager saves from the same base version 1: a conflict carrying the researcher's text.
    const stale = updateHandoff(people.manager, h.id, { title: "Diffusion for plans", sections: { tldr: "Mine." }, version: 1 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError;
    expect((conflict.current as { sections: { tldr: string } }).sections.tldr).toBe("First.");
    await updateHandoff(people.manager, h.id, { title: "Diffusion for plans", sections: { tldr: "Mine." }, version: 2, message: "rewrite" });

    const { revisions } = await listRevisions(people.engineer, h.id);
    expect(revisions.map((r) => r.version)).toEqual([3, 2, 1]);
    expect(revisions[0].message).toBe("rewrite");
    expect((await getRevision(people.engineer, h.id, 2)).content.sections.tldr).toBe("First.");

    const restored = await restoreRevision(people.researcher, h.id, { revision: 2, version: 3 });
    expect(restored.version).toBe(4);
    expect((restored.sections as { tldr: string }).tldr).toBe("First.");
    expect((await listRevisions(people.engineer, h.id)).revisions[0].message).toBe("Restored version 2");
    await expect(restoreRevision(people.researcher, h.id, { revision: 1, version: 3 })).rejects.toBeInstanceOf(ConflictError);
  });

  it("autosaves a draft per person without creating revisions, and a save clears it", async () => {
    const h = await createHandoff(people.researcher, "HO", { title: "Drafty" });
    await saveDraft(people.researcher, h.id, { baseVersion: 1, content: { title: "Drafty", sections: { tldr: "typing" } } });
    await saveDraft(people.researcher, h.id, { baseVersion: 1, content: { title: "Drafty", sections: { tldr: "typing more" } } });
    expect((await getOwnDraft(people.researcher, h.id))?.content.sections.tldr).toBe("typing more");
    expect(await getOwnDraft(people.manager, h.id)).toBeNull();
    expect((await listRevisions(people.researcher, h.id)).revisions).toHaveLength(1);
    await updateHandoff(people.researcher, h.id, { title: "Drafty", sections: { tldr: "typing more" }, version: 1 });
    expect(await getOwnDraft(people.researcher, h.id)).toBeNull();
    await saveDraft(people.researcher, h.id, { baseVersion: 2, content: { title: "Drafty" } });
    await discardDraft(people.researcher, h.id);
    expect(await getOwnDraft(people.researcher, h.id)).toBeNull();
  });

  it("a reviewer approves the version they read; requesting changes needs a note and withdraws their approval", async () => {
    const h = await createHandoff(people.researcher, "HO", { title: "Approve me", sections: filledSections });
    // Nothing to approve before review.
    await expect(approveHandoff(people.engineer, h.id, { version: 1 })).rejects.toThrow(/Only a handoff in review can be approved; this one is a draft/);
    await transitionHandoff(people.researcher, h.id, "submit");
    // Researchers do not review.
    await expect(approveHandoff(people.researcher, h.id, { version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    // A stale version is a conflict: approve only what you read.
    await expect(approveHandoff(people.engineer, h.id, { version: 7 })).rejects.toThrow(/now version 1, you read version 7/);
    await approveHandoff(people.engineer, h.id, { version: 1, note: "Latency numbers check out." });
    await approveHandoff(people.owner, h.id, { version: "1" });
    let approvals = await listApprovals(people.researcher, h.id);
    expect(approvals.map((a) => [a.user.name, a.version, a.note])).toEqual([
      ["The owner", 1, ""],
      ["The engineer", 1, "Latency numbers check out."],
    ]);

    // Requesting changes must say what should change, and nothing is written without it.
    const noNote = transitionHandoff(people.engineer, h.id, { transition: "requestChanges", note: "   " });
    await expect(noNote).rejects.toBeInstanceOf(ValidationError);
    await expect(transitionHandoff(people.engineer, h.id, "requestChanges")).rejects.toThrow(/Say what should change/);
    expect((await getHandoff(people.engineer, h.id)).handoff.status).toBe("in_review");
    await transitionHandoff(people.engineer, h.id, { transition: "requestChanges", note: "Add the batch-8 numbers." });
    approvals = await listApprovals(people.researcher, h.id);
    expect(approvals.map((a) => a.user.name)).toEqual(["The owner"]);

    // The notes are in the activity feed.
    const activity = await listHandoffActivity(people.researcher, h.id);
    const notes = (action: string) => activity.filter((a) => a.action === action).map((a) => (a.details as { note?: string }).note ?? null);
    expect(notes("handoff.requestChanges")).toEqual(["Add the batch-8 numbers."]);
    expect(notes("handoff.approve")).toEqual([null, "Latency numbers check out."]);

    // Accepting takes an optional note too; a long note is refused naming the field.
    await transitionHandoff(people.researcher, h.id, "submit");
    await expect(transitionHandoff(people.manager, h.id, { transition: "accept", note: "x".repeat(2_001) })).rejects.toThrow(/Note must be at most 2,000 characters/);
    await transitionHandoff(people.manager, h.id, { transition: "accept", note: "Ship it behind the flag." });
    expect((await listHandoffActivity(people.researcher, h.id))[0].details).toMatchObject({ to: "accepted", note: "Ship it behind the flag." });
    // Reopening undoes the acceptance: it takes the role that accepts, not the author's.
    await expect(transitionHandoff(people.researcher, h.id, "reopen")).rejects.toBeInstanceOf(ForbiddenError);
    expect((await transitionHandoff(people.manager, h.id, "reopen")).status).toBe("draft");
  });

  it("refuses to submit with empty required sections, naming them; then goes through review to accepted", async () => {
    const h = await createHandoff(people.researcher, "HO", { title: "Review me", sections: { tldr: "Short." } });
    const attempt = transitionHandoff(people.researcher, h.id, "submit");
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(transitionHandoff(people.researcher, h.id, "submit")).rejects.toThrow(/Problem, Method, Key results/);
    await updateHandoff(people.researcher, h.id, { title: "Review me", sections: filledSections, version: 1 });
    await setReviewers(people.researcher, h.id, { userIds: [people.engineer.id] });
    await expect(setReviewers(people.researcher, h.id, { userIds: [people.researcher.id] })).rejects.toThrow(/engineers, managers or owners/);
    expect((await transitionHandoff(people.researcher, h.id, "submit")).status).toBe("in_review");

    const thread = await addComment(people.engineer, h.id, { sectionKey: "prod_latency", body: "What is p95 at batch 1?" });
    await addComment(people.researcher, h.id, { sectionKey: "prod_latency", body: "2.9 s on one L4.", parentId: thread.id });
    await setCommentResolved(people.engineer, thread.id, true);
    expect((await transitionHandoff(people.engineer, h.id, { transition: "requestChanges", note: "Give p95 at batch 8 too." })).status).toBe("changes_requested");
    await transitionHandoff(people.researcher, h.id, "submit");
    await expect(transitionHandoff(people.engineer, h.id, "accept")).rejects.toThrow(/cannot accept/);
    expect((await transitionHandoff(people.manager, h.id, "accept")).status).toBe("accepted");

    const { handoff } = await getHandoff(people.engineer, h.id);
    expect(handoff.reviewers.map((r) => r.user.name)).toEqual(["The engineer"]);
    expect(handoff.comments[0].resolvedAt).not.toBeNull();
    expect(handoff.comments[0].resolvedBy).toEqual({ name: "The engineer" });
    expect(handoff.comments[0].replies).toHaveLength(1);
    const activity = await listHandoffActivity(people.engineer, h.id);
    expect(activity.map((a) => a.action).reverse()).toEqual([
      "handoff.create",
      "handoff.update",
      "handoff.reviewers",
      "handoff.submit",
      "handoff.comment",
      "handoff.reply",
      "handoff.resolve",
      "handoff.requestChanges",
      "handoff.submit",
      "handoff.accept",
    ]);
  });

  it("links the milestones a paper was decomposed into: planners only, this project's only", async () => {
    const h = await createHandoff(people.researcher, "HO", { title: "Decomposed" });
    const project = await t.db.project.findUniqueOrThrow({ where: { key: "HO" } });
    const [m2, m10] = await Promise.all(
      ["HO-D2", "HO-D10"].map((key) => t.db.milestone.create({ data: { projectId: project.id, key, title: `Milestone ${key}` } })),
    );
    const svc = await t.db.service.create({ data: { name: "decomposed-svc", layer: "api" } });
    await t.db.milestoneService.create({ data: { milestoneId: m10.id, serviceId: svc.id } });

    const choices = await milestoneChoices(people.engineer, h.id);
    expect(choices.map((c) => c.key)).toContain("HO-D10");
    await expect(milestoneChoices(people.researcher, h.id)).rejects.toBeInstanceOf(ForbiddenError);

    expect(await setHandoffMilestones(people.engineer, h.id, { milestoneIds: [m10.id, m2.id, m10.id] })).toEqual({ milestoneIds: [m10.id, m2.id], keys: ["HO-D2", "HO-D10"] });
    let { handoff } = await getHandoff(people.researcher, h.id);
    expect(handoff.milestones.map((m) => m.milestone.key).sort()).toEqual(["HO-D10", "HO-D2"]);
    expect(handoff.milestones.find((m) => m.milestone.key === "HO-D10")?.milestone.services.map((s) => s.service.name)).toEqual(["decomposed-svc"]);

    // Researchers write handoffs; planning milestones is not theirs. The refusal is audited.
    await expect(setHandoffMilestones(people.researcher, h.id, { milestoneIds: [] })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await t.db.auditEvent.count({ where: { action: "milestone.update", outcome: "denied", targetId: h.id } })).toBeGreaterThan(0);

    // A milestone of another project is refused, and nothing changes.
    const other = await t.db.project.upsert({ where: { key: "OTHER" }, create: { key: "OTHER", name: "Other" }, update: {} });
    const foreign = await t.db.milestone.create({ data: { projectId: other.id, key: "OT-1", title: "Theirs" } });
    await expect(setHandoffMilestones(people.manager, h.id, { milestoneIds: [m2.id, foreign.id] })).rejects.toBeInstanceOf(ValidationError);
    ({ handoff } = await getHandoff(people.researcher, h.id));
    expect(handoff.milestones).toHaveLength(2);

    await setHandoffMilestones(people.owner, h.id, { milestoneIds: [m2.id] });
    ({ handoff } = await getHandoff(people.researcher, h.id));
    expect(handoff.milestones.map((m) => m.milestone.key)).toEqual(["HO-D2"]);
    const activity = await listHandoffActivity(people.researcher, h.id);
    expect(activity.filter((a) => a.action === "handoff.milestones").map((a) => (a.details as { keys: string[] }).keys)).toEqual([["HO-D2"], ["HO-D2", "HO-D10"]]);
  });

  it("stores real notebooks and refuses a broken one, storing nothing", async () => {
    const h = await createHandoff(people.researcher, "HO", { title: "With notebooks" });
    await uploadAttachment(people.researcher, h.id, { filename: "demo.ipynb", contentType: "application/json", bytes: fixture("notebook-micrograd-demo.ipynb") });
    await uploadAttachment(people.researcher, h.id, { filename: "sort.ipynb", contentType: "application/json", bytes: fixture("notebook-mingpt-sort-demo.ipynb") });
    const broken = Buffer.from('{"cells": [\n  {"cell_type": "code",\n}');
    await expect(uploadAttachment(people.researcher, h.id, { filename: "broken.ipynb", contentType: "application/json", bytes: broken })).rejects.toThrow(/line 3, column 1/);
    await expect(uploadAttachment(people.engineer, h.id, { filename: "x.ipynb", contentType: "application/json", bytes: fixture("notebook-mingpt-sort-demo.ipynb") })).rejects.toThrow();
    const notebooks = await listNotebooks(people.engineer, h.id);
    expect(notebooks.map((n) => n.filename)).toEqual(["demo.ipynb", "sort.ipynb"]);
    expect(notebooks[0].notebook?.cells.length).toBe(10);
    expect(await t.db.attachment.count({ where: { handoffId: h.id } })).toBe(2);
  });

  it("exports Markdown with front matter", async () => {
    const h = await createHandoff(people.researcher, "HO", { title: "Export me", paperTitle: "A Paper", authors: ["Ada", "Bo"], year: 2024, sections: { tldr: "Short." } });
    const { filename, markdown } = await exportHandoff(people.engineer, h.id);
    expect(filename).toBe("export-me.md");
    expect(markdown).toContain('title: "Export me"');
    expect(markdown).toContain('  authors: ["Ada", "Bo"]');
    expect(markdown).toContain("## TL;DR\n\nShort.");
  });

  it("reads a handoff in SQL exactly as the ORM would (ADR 0002)", async () => {
    const h = await createHandoff(people.researcher, "HO", { title: "Same shape", authors: ["Ada", "Bo"], year: 2023, arxivId: "2211.13287", sections: { tldr: "x" } });
    const project = await t.db.project.findUniqueOrThrow({ where: { key: "HO" } });
    const m = await t.db.milestone.create({ data: { projectId: project.id, key: "HO-1", title: "Serve it", dueDate: new Date("2026-12-01T00:00:00Z") } });
    const svc = await t.db.service.create({ data: { name: "shape-svc", layer: "model" } });
    await t.db.handoffMilestone.create({ data: { handoffId: h.id, milestoneId: m.id } });
    await t.db.milestoneService.create({ data: { milestoneId: m.id, serviceId: svc.id } });
    await setReviewers(people.researcher, h.id, { userIds: [people.engineer.id] });
    const thread = await addComment(people.engineer, h.id, { sectionKey: "tldr", body: "Why?" });
    await addComment(people.researcher, h.id, { sectionKey: "tldr", body: "Because.", parentId: thread.id });
    await setCommentResolved(people.engineer, thread.id, true);
    await addComment(people.engineer, h.id, { sectionKey: "method", body: "Still open." });
    await uploadAttachment(people.researcher, h.id, { filename: "sort.ipynb", contentType: "application/json", bytes: fixture("notebook-mingpt-sort-demo.ipynb") });

    const viaOrm = await t.db.handoff.findUniqueOrThrow({
      where: { id: h.id },
      include: {
        author: { select: { id: true, name: true } },
        template: { select: { id: true, name: true, sections: true } },
        reviewers: { select: { user: { select: { id: true, name: true } } } },
        milestones: {
          select: {
            milestone: {
              select: { id: true, key: true, title: true, status: true, health: true, dueDate: true, services: { select: { service: { select: { id: true, name: true, displayName: true, layer: true } } } } },
            },
          },
        },
        comments: {
          where: { parentId: null },
          select: {
            id: true,
            sectionKey: true,
            body: true,
            resolvedAt: true,
            createdAt: true,
            editedAt: true,
            deletedAt: true,
            author: { select: { id: true, name: true } },
            resolvedBy: { select: { name: true } },
            replies: { select: { id: true, body: true, createdAt: true, editedAt: true, deletedAt: true, author: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
          },
          orderBy: { createdAt: "asc" },
        },
        attachments: { select: { id: true, filename: true, size: true, contentType: true, createdAt: true } },
      },
    });
    const { handoff } = await getHandoff(people.engineer, h.id);
    expect(handoff).toEqual(viaOrm);
  });
});
