// Item 10 of issue 7: storage has limits (docs/limits.md). A handoff's sections are its
// template's; the number and size of sections, the whole handoff, the files on a handoff and the
// revisions kept in full are capped or compacted, on both databases, for saves and drafts alike.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { GoneError, ValidationError } from "@/lib/errors";
import { createHandoff, transitionHandoff, updateHandoff } from "@/lib/data/handoffs";
import { getOwnDraft, saveDraft } from "@/lib/data/handoff-drafts";
import { getRevision, listRevisions, restoreRevision } from "@/lib/data/handoff-revisions";
import { uploadAttachment } from "@/lib/data/attachments";
import { ensureBuiltInTemplate } from "@/lib/data/templates";
import { LIMITS } from "@/lib/validation/limits";
import { DEFAULT_TEMPLATE_SECTIONS } from "@/lib/validation/template";
import * as handoffRoute from "@/app/api/v1/handoffs/[id]/route";
import { createToken } from "@/lib/data/tokens";
import { createTestDatabase, describeEachProvider, type TestDb } from "../helpers/db";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
/** 100 sections of 100,000 characters: the 10 MB handoff of the issue. */
const tenMegabytes = () => Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`s${i}`, "x".repeat(100_000)]));
const filled = Object.fromEntries(DEFAULT_TEMPLATE_SECTIONS.map((s) => [s.key, `Written: ${s.title}.`]));

describeEachProvider("storage limits", (provider) => {
  let t: TestDb;
  let researcher: Actor;
  let manager: Actor;

  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, "expected a refusal").toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }

  async function stored(handoffId: string) {
    const [handoff, revisions, drafts] = await Promise.all([
      t.db.handoff.findUniqueOrThrow({ where: { id: handoffId }, select: { version: true, sections: true } }),
      t.db.handoffRevision.count({ where: { handoffId } }),
      t.db.handoffDraft.count({ where: { handoffId } }),
    ]);
    return { version: handoff.version, sectionKeys: Object.keys(handoff.sections as object).sort(), revisions, drafts };
  }

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    await ensureBuiltInTemplate(t.db);
    const project = await t.db.project.create({ data: { key: "CAP", name: "Caps" } });
    const people: Actor[] = [];
    for (const role of ["researcher", "manager"] as const) {
      const u = await t.db.user.create({ data: { email: `${role}@example.test`, name: `The ${role}` } });
      await t.db.membership.create({ data: { projectId: project.id, userId: u.id, role } });
      people.push({ id: u.id, email: u.email, name: u.name, isAdmin: false, ip: "127.0.0.1", userAgent: "vitest" });
    }
    [researcher, manager] = people;
  });
  afterAll(() => t?.drop());

  it("refuses a 10 MB handoff (100 sections of 100,000 characters) with a clear 4xx, storing nothing", async () => {
    const h = await createHandoff(researcher, "CAP", { title: "Big paper" });
    const before = await stored(h.id);
    const started = Date.now();
    const error = await refusal(updateHandoff(researcher, h.id, { title: "Big paper", sections: tenMegabytes(), version: 1 }));
    expect(error.message).toMatch(/^This handoff is 10,000,\d{3} characters long; a handoff can hold at most 1,000,000 characters in all/);
    expect(Date.now() - started).toBeLessThan(20_000);
    await refusal(createHandoff(researcher, "CAP", { title: "Big paper again", sections: tenMegabytes() }));
    await refusal(saveDraft(researcher, h.id, { baseVersion: 1, content: { title: "Big paper", sections: tenMegabytes() } }));
    expect(await stored(h.id)).toEqual(before);
    expect(await t.db.handoff.count({ where: { title: "Big paper again" } })).toBe(0);

    // Over the API the body alone is refused before it is parsed: 413 problem JSON.
    const { token } = await createToken(researcher, { name: "caps" });
    const body = JSON.stringify({ title: "Big paper", sections: tenMegabytes(), version: 1 });
    const res = await handoffRoute.PUT(
      new Request(`http://test/api/v1/handoffs/${h.id}`, {
        method: "PUT",
        body,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      }),
      params({ id: h.id }),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).detail).toMatch(/^The request body is 9\.\d MB; this endpoint takes at most 8 MB\. Nothing was stored\.$/);
    // A client that does not say how long its body is gets the same answer once it goes past the cap.
    const chunked = await handoffRoute.PUT(
      new Request(`http://test/api/v1/handoffs/${h.id}`, { method: "PUT", body, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }),
      params({ id: h.id }),
    );
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).detail).toBe("The request body is over 8 MB; this endpoint takes at most 8 MB. Nothing was stored.");
    expect(await stored(h.id)).toEqual(before);
  });

  it("takes a handoff right at the caps: each section 100,000 characters, 1,000,000 in all", async () => {
    const h = await createHandoff(researcher, "CAP", { title: "Full paper" });
    const keys = DEFAULT_TEMPLATE_SECTIONS.slice(0, 9).map((s) => s.key);
    const sections = Object.fromEntries(keys.map((k) => [k, "y".repeat(LIMITS.handoff.section)]));
    const body = "z".repeat(LIMITS.handoff.total - 9 * LIMITS.handoff.section - "Full paper".length);
    const saved = await updateHandoff(researcher, h.id, { title: "Full paper", sections, body, version: 1 });
    expect(saved.version).toBe(2);
    const over = await refusal(updateHandoff(researcher, h.id, { title: "Full paper", sections: { ...sections, tldr: "y".repeat(LIMITS.handoff.section + 1) }, body: "", version: 2 }));
    expect(over.message).toBe("TL;DR must be at most 100,000 characters (this has 100,001).");
    expect(over.fieldErrors["sections.tldr"]).toEqual([over.message]);
  });

  it("keys a handoff's sections by its template's, keeping text stored under an earlier template's keys", async () => {
    const h = await createHandoff(researcher, "CAP", { title: "Keyed", sections: { tldr: "Short." } });
    const foreign = await refusal(updateHandoff(researcher, h.id, { title: "Keyed", sections: { tldr: "Short.", made_up: "Text." }, version: 1 }));
    expect(foreign.message).toBe("“made_up” is not a section of this handoff's template.");
    await refusal(saveDraft(researcher, h.id, { baseVersion: 1, content: { title: "Keyed", sections: { made_up: "Text." } } }));
    expect(await getOwnDraft(researcher, h.id)).toBeNull();
    const broken = await refusal(updateHandoff(researcher, h.id, { title: "Keyed", sections: { "Bad Key": "Text." }, version: 1 }));
    expect(broken.message).toMatch(/^"Bad Key" is not a section key/);
    // Text kept from an earlier template (written when its key existed) can still be saved and cleared.
    await t.db.handoff.update({ where: { id: h.id }, data: { sections: { tldr: "Short.", old_notes: "From the old template." } } });
    const kept = await updateHandoff(researcher, h.id, { title: "Keyed", sections: { tldr: "Short.", old_notes: "Still here." }, version: 1 });
    expect((kept.sections as Record<string, string>).old_notes).toBe("Still here.");
    await expect(saveDraft(researcher, h.id, { baseVersion: 2, content: { title: "Keyed", sections: { old_notes: "Draft." } } })).resolves.toBeTruthy();
  });

  it("caps the number of sections", async () => {
    const h = await createHandoff(researcher, "CAP", { title: "Many sections" });
    const keys = Array.from({ length: LIMITS.handoff.sections + 1 }, (_, i) => `kept_${i}`);
    await t.db.handoff.update({ where: { id: h.id }, data: { sections: Object.fromEntries(keys.map((k) => [k, "a"])) } });
    const error = await refusal(updateHandoff(researcher, h.id, { title: "Many sections", sections: Object.fromEntries(keys.map((k) => [k, "b"])), version: 1 }));
    expect(error.message).toBe(`This handoff has ${LIMITS.handoff.sections + 1} sections; a handoff can have at most ${LIMITS.handoff.sections}.`);
  });

  it("caps the files on one handoff by count and by total size", async () => {
    const h = await createHandoff(researcher, "CAP", { title: "Attachments" });
    const file = (name: string, bytes: number) => ({ filename: name, contentType: "application/octet-stream", bytes: new Uint8Array(bytes).fill(97) });
    for (let i = 0; i < LIMITS.attachment.perHandoff; i++) await uploadAttachment(researcher, h.id, file(`f${i}.txt`, 10));
    const many = await refusal(uploadAttachment(researcher, h.id, file("one-more.txt", 10)));
    expect(many.message).toBe(`This handoff already has ${LIMITS.attachment.perHandoff} files, the most one handoff can hold. Delete one before attaching one-more.txt.`);
    expect(await t.db.attachment.count({ where: { handoffId: h.id } })).toBe(LIMITS.attachment.perHandoff);

    const big = await createHandoff(researcher, "CAP", { title: "Big attachments" });
    const files = LIMITS.attachment.totalBytes / LIMITS.attachment.bytes;
    for (let i = 0; i < files; i++) await uploadAttachment(researcher, big.id, file(`big${i}.bin`, LIMITS.attachment.bytes));
    const full = await refusal(uploadAttachment(researcher, big.id, file("tiny.txt", 1)));
    expect(full.message).toBe(`tiny.txt (1 B) does not fit: this handoff's files already take 50 MB, and one handoff's files can take at most 50 MB together. Delete a file first.`);
    expect(await t.db.attachment.count({ where: { handoffId: big.id } })).toBe(files);
  });

  it("compacts old revisions, keeping version 1, the submitted and accepted ones and the newest 50, and says so", async () => {
    const h = await createHandoff(researcher, "CAP", { title: "Often saved", sections: filled });
    let version = 1;
    const save = async (n: number) => {
      for (let i = 0; i < n; i++) version = (await updateHandoff(researcher, h.id, { title: "Often saved", sections: { ...filled, tldr: `Save ${version}.` }, version })).version;
    };
    await save(3);
    await transitionHandoff(researcher, h.id, "submit");
    const submitted = version;
    await transitionHandoff(manager, h.id, "accept");
    await transitionHandoff(manager, h.id, "reopen");
    await save(LIMITS.revisions.keptInFull + 10);
    const { revisions } = await listRevisions(researcher, h.id);
    // Every version keeps its record.
    expect(revisions.map((r) => r.version)).toEqual(Array.from({ length: version }, (_, i) => version - i));
    const full = revisions.filter((r) => !r.compactedAt).map((r) => r.version);
    expect(full).toEqual([...Array.from({ length: LIMITS.revisions.keptInFull }, (_, i) => version - i), submitted, 1]);
    expect(revisions.find((r) => r.version === submitted)?.keptFor).toBe("accepted");
    const compacted = revisions.find((r) => r.compactedAt)!;
    const gone = await getRevision(researcher, h.id, compacted.version).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(GoneError);
    expect((gone as GoneError).message).toMatch(new RegExp(`^The text of version ${compacted.version} is no longer kept: it was compacted on \\d{4}-\\d{2}-\\d{2}`));
    await expect(restoreRevision(researcher, h.id, { revision: compacted.version, version })).rejects.toBeInstanceOf(GoneError);
    // What is kept is really there.
    expect((await getRevision(researcher, h.id, submitted)).content.sections.tldr).toBe(`Save ${submitted - 1}.`);
    const snapshots = await t.db.handoffRevision.findMany({ where: { handoffId: h.id, compactedAt: { not: null } }, select: { snapshot: true } });
    expect(snapshots.every((s) => Object.keys(s.snapshot as object).length === 0)).toBe(true);
  });
});
