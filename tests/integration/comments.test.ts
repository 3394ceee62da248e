// Comment authors edit and delete their comments; project owners delete anyone's; every change
// is audited, and the thread keeps its shape (tests/integration/permissions.test.ts covers each
// role's cell of the matrix; this file covers the rules around them), on both databases.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { addComment, deleteComment, editComment } from "@/lib/data/comments";
import { createHandoff, getHandoff } from "@/lib/data/handoffs";
import { createToken } from "@/lib/data/tokens";
import { ensureBuiltInTemplate } from "@/lib/data/templates";
import { LIMITS } from "@/lib/validation/limits";
import * as commentRoute from "@/app/api/v1/handoffs/[id]/comments/[commentId]/route";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describeEachProvider("comment edits and deletions", (provider) => {
  let t: TestDb;
  const people = {} as Record<"researcher" | "engineer" | "owner" | "outsider", Actor>;
  let handoffId = "";

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ensureBuiltInTemplate(t.db);
    const project = await t.db.project.create({ data: { key: "CMT", name: "Comments" } });
    for (const role of ["researcher", "engineer", "owner", "outsider"] as const) {
      const u = await t.db.user.create({ data: { email: `${role}@example.test`, name: `The ${role}` } });
      if (role !== "outsider") await t.db.membership.create({ data: { projectId: project.id, userId: u.id, role } });
      people[role] = { id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" };
    }
    handoffId = (await createHandoff(people.researcher, "CMT", { title: "A paper to discuss" })).id;
  });
  afterAll(() => t?.drop());

  const thread = async (id: string) => (await getHandoff(people.engineer, handoffId)).handoff.comments.find((c) => c.id === id);

  it("lets the author edit, marking the comment edited and auditing it; nobody else edits, not even an owner", async () => {
    const c = await addComment(people.engineer, handoffId, { sectionKey: "method", body: "Which loss?" });
    const edited = await editComment(people.engineer, handoffId, c.id, { body: "Which loss, and with what weights?" });
    expect(edited.editedAt).toBeInstanceOf(Date);
    const shown = await thread(c.id);
    expect(shown?.body).toBe("Which loss, and with what weights?");
    expect(shown?.editedAt).toBeInstanceOf(Date);
    expect(shown?.author?.id).toBe(people.engineer.id);
    const event = await t.db.auditEvent.findFirst({ where: { action: "handoff.commentEdit", targetId: handoffId }, orderBy: { at: "desc" } });
    expect(event?.actorId).toBe(people.engineer.id);
    expect(event?.details).toMatchObject({ commentId: c.id, sectionKey: "method" });

    await expect(editComment(people.owner, handoffId, c.id, { body: "Rewritten by the owner." })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(editComment(people.outsider, handoffId, c.id, { body: "Hello?" })).rejects.toBeInstanceOf(NotFoundError);
    const tooLong = await editComment(people.engineer, handoffId, c.id, { body: "x".repeat(LIMITS.comment + 1) }).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(ValidationError);
    expect((tooLong as ValidationError).message).toBe("Comment must be at most 10,000 characters (this has 10,001).");
    expect((await thread(c.id))?.body).toBe("Which loss, and with what weights?");
    const denied = await t.db.auditEvent.findFirst({ where: { action: "comment.editOwn", outcome: "denied", actorId: people.owner.id } });
    expect(denied).not.toBeNull();
  });

  it("lets an owner delete someone else's comment, recording whose it was", async () => {
    const c = await addComment(people.engineer, handoffId, { sectionKey: "tldr", body: "Off-topic rant." });
    await expect(deleteComment(people.researcher, handoffId, c.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await deleteComment(people.owner, handoffId, c.id)).toEqual({ placeholder: false });
    expect(await t.db.comment.findUnique({ where: { id: c.id } })).toBeNull();
    const event = await t.db.auditEvent.findFirst({ where: { action: "handoff.commentDelete", targetId: handoffId, actorId: people.owner.id } });
    expect(event?.details).toMatchObject({ commentId: c.id, authorId: people.engineer.id, own: false });
    await expect(deleteComment(people.owner, handoffId, c.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps a deleted first comment as a placeholder while it has replies, and drops it with the last one", async () => {
    const first = await addComment(people.engineer, handoffId, { sectionKey: "risks", body: "What about licences?" });
    const reply = await addComment(people.researcher, handoffId, { sectionKey: "tldr", body: "Apache 2.0 throughout.", parentId: first.id });
    // A reply belongs to its thread's section, whatever key it was sent with.
    expect(reply.sectionKey).toBe("risks");
    expect(await deleteComment(people.engineer, handoffId, first.id)).toEqual({ placeholder: true });
    const shown = await thread(first.id);
    expect(shown?.deletedAt).toBeInstanceOf(Date);
    expect(shown?.body).toBe("");
    expect(shown?.replies.map((r) => r.body)).toEqual(["Apache 2.0 throughout."]);
    await expect(editComment(people.engineer, handoffId, first.id, { body: "Back again." })).rejects.toBeInstanceOf(NotFoundError);
    // Replying under the placeholder still works; deleting the replies removes the thread.
    const second = await addComment(people.owner, handoffId, { sectionKey: "risks", body: "Checked.", parentId: first.id });
    await deleteComment(people.researcher, handoffId, reply.id);
    expect(await thread(first.id)).toBeDefined();
    await deleteComment(people.owner, handoffId, second.id);
    expect(await thread(first.id)).toBeUndefined();
  });

  it("refuses a comment on a section the handoff does not have", async () => {
    const error = await addComment(people.engineer, handoffId, { sectionKey: "no_such_section", body: "Hm." }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe("This handoff has no section “no_such_section” to comment on.");
    await expect(addComment(people.engineer, handoffId, { sectionKey: "body", body: "On the notes." })).resolves.toBeTruthy();
  });

  it("edits and deletes over PATCH and DELETE /api/v1/handoffs/{id}/comments/{commentId}", async () => {
    const c = await addComment(people.engineer, handoffId, { sectionKey: "method", body: "Typo: lamda." });
    const { token } = await createToken(people.engineer, { name: "comments" });
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const url = `http://test/api/v1/handoffs/${handoffId}/comments/${c.id}`;
    const patched = await commentRoute.PATCH(new Request(url, { method: "PATCH", headers, body: JSON.stringify({ body: "Typo: lambda." }) }), params({ id: handoffId, commentId: c.id }));
    expect(patched.status).toBe(200);
    expect((await patched.json()).comment.body).toBe("Typo: lambda.");
    const empty = await commentRoute.PATCH(new Request(url, { method: "PATCH", headers, body: JSON.stringify({ body: "  " }) }), params({ id: handoffId, commentId: c.id }));
    expect(empty.status).toBe(422);
    expect((await empty.json()).detail).toBe("Comment is required.");
    const { token: other } = await createToken(people.researcher, { name: "not mine" });
    const refused = await commentRoute.DELETE(new Request(url, { method: "DELETE", headers: { authorization: `Bearer ${other}` } }), params({ id: handoffId, commentId: c.id }));
    expect(refused.status).toBe(403);
    const removed = await commentRoute.DELETE(new Request(url, { method: "DELETE", headers }), params({ id: handoffId, commentId: c.id }));
    expect(removed.status).toBe(204);
    // Under another handoff's path the comment does not exist.
    const other2 = await createHandoff(people.researcher, "CMT", { title: "Another paper" });
    const c2 = await addComment(people.engineer, handoffId, { sectionKey: "method", body: "Second." });
    const wrong = await commentRoute.DELETE(new Request(url, { method: "DELETE", headers }), params({ id: other2.id, commentId: c2.id }));
    expect(wrong.status).toBe(404);
  });
});
