// The editor's save, autosave, draft-offer and conflict rules, as pure transitions, and the
// server flows that drive them (editor-session.ts) against fake server actions.
import { describe, expect, it, vi } from "vitest";
import type { ConflictInfo, EditorActions, EditorContent, SaveResult } from "./content";
import { conflictWording, editorReducer, initialEditorState, isDirty, isDrafting, isUnpersisted, shouldAutosave, statusLine, type EditorAction, type EditorState } from "./editor-state";
import { discardDraft, saveDraft, saveRevision, serialQueue, type Session } from "./editor-session";

const content = (over: Partial<EditorContent> = {}): EditorContent => ({
  title: "LoRA adapters",
  paperTitle: "LoRA",
  authors: "Edward J Hu",
  venue: "",
  year: "2022",
  arxivId: "",
  doi: "",
  url: "",
  bibtex: "",
  sections: { tldr: "Low-rank updates." },
  body: "",
  ...over,
});

const start = (over: Partial<Parameters<typeof initialEditorState>[0]> = {}) =>
  initialEditorState({ content: content(), version: 3, savedAt: "2026-11-29T06:00:00.000Z", draft: null, ...over });

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);

const conflictInfo = (over: Partial<ConflictInfo> = {}): ConflictInfo => ({
  version: 4,
  theirs: content({ sections: { tldr: "Theirs." } }),
  base: content(),
  savedBy: "Priya Raman",
  savedAt: "2026-11-29T06:05:00.000Z",
  ...over,
});

describe("editorReducer", () => {
  it("starts clean, on the version it was opened at", () => {
    const s = start();
    expect(isDirty(s)).toBe(false);
    expect(isUnpersisted(s)).toBe(false);
    expect(statusLine(s)).toEqual({ kind: "clean", text: "Saved · version 3" });
  });

  it("an edit makes the text dirty and due for autosave; whitespace at a section's end does not", () => {
    const edited = run(start(), { type: "editSection", key: "tldr", text: "Low-rank updates, frozen weights." });
    expect(isDirty(edited)).toBe(true);
    expect(shouldAutosave(edited)).toBe(true);
    expect(isUnpersisted(edited)).toBe(true);
    expect(statusLine(edited)).toEqual({ kind: "dirty", text: "Unsaved changes" });
    expect(isDirty(run(start(), { type: "editSection", key: "tldr", text: "Low-rank updates.\n\n" }))).toBe(false);
  });

  it("a written draft of exactly the text on screen stops autosave and the leave guard, until the next edit", () => {
    const edited = run(start(), { type: "edit", patch: { title: "LoRA adapters v2" } });
    const drafted = run(edited, { type: "draftStart" });
    expect(statusLine(drafted).text).toBe("Saving draft…");
    const done = run(drafted, { type: "draftDone", content: edited.content, at: "2026-11-29T06:01:00.000Z" });
    expect(isDrafting(done)).toBe(true);
    expect(shouldAutosave(done)).toBe(false);
    expect(isUnpersisted(done)).toBe(false);
    expect(statusLine(done)).toEqual({ kind: "draft", text: "Draft saved", at: "2026-11-29T06:01:00.000Z" });
    const again = run(done, { type: "edit", patch: { title: "LoRA adapters v3" } });
    expect(isDrafting(again)).toBe(false);
    expect(shouldAutosave(again)).toBe(true);
  });

  it("a draft that could not be written says so in the status line", () => {
    const s = run(start(), { type: "edit", patch: { title: "x" } }, { type: "draftStart" }, { type: "draftFailed", message: "Title is too long." });
    expect(s.draftBusy).toBe(false);
    expect(s.draftError).toBe("Title is too long.");
    expect(statusLine(s)).toEqual({ kind: "error", text: "Draft not saved" });
  });

  it("a successful save moves the base to the new version and clears draft, message, conflict and the created notice", () => {
    const sent = content({ title: "Saved title" });
    const s = run(
      start({ justCreated: true }),
      { type: "edit", patch: { title: "Saved title" } },
      { type: "message", text: "First pass" },
      { type: "saveStart" },
    );
    expect(s.saving).toBe(true);
    expect(s.created).toBe(false);
    expect(isUnpersisted(s)).toBe(true);
    expect(statusLine(s)).toEqual({ kind: "busy", text: "Saving…" });
    const typedMeanwhile = run(s, { type: "edit", patch: { body: "typed while saving" } });
    const done = run(typedMeanwhile, { type: "saveDone", sent, replace: false, version: 4, savedAt: "2026-11-29T06:02:00.000Z" });
    expect(done).toMatchObject({ saving: false, version: 4, message: "", drafted: null, conflict: null, flash: "Saved version 4" });
    expect(done.saved).toBe(sent);
    // What was typed while the save was on its way stays, and is still unsaved.
    expect(done.content.body).toBe("typed while saving");
    expect(isDirty(done)).toBe(true);
    // A merge saved from the conflict view replaces the text on screen.
    expect(run(typedMeanwhile, { type: "saveDone", sent, replace: true, version: 4, savedAt: "x" }).content).toBe(sent);
  });

  it("the flash shows only while the text is clean, and expires", () => {
    const s = run(start(), { type: "nothingToSave" });
    expect(statusLine(s)).toEqual({ kind: "clean", text: "No changes to save · version 3" });
    expect(run(s, { type: "edit", patch: { title: "y" } }).flash).toBe("No changes to save · version 3");
    expect(statusLine(run(s, { type: "edit", patch: { title: "y" } })).kind).toBe("dirty");
    expect(run(s, { type: "flashExpired" }).flash).toBeNull();
  });

  it("a refused save keeps the text and the error; a conflict opens the merge with this person's text", () => {
    const edited = run(start(), { type: "edit", patch: { title: "Mine" } }, { type: "saveStart" });
    const failed = run(edited, { type: "saveFailed", failure: { ok: false, message: "Check the fields.", fieldErrors: { title: ["Too long"] } } });
    expect(failed.saving).toBe(false);
    expect(failed.saveError?.fieldErrors).toEqual({ title: ["Too long"] });
    expect(failed.content.title).toBe("Mine");
    const conflicted = run(edited, { type: "saveConflict", conflict: conflictInfo(), sent: edited.content });
    expect(conflicted.saving).toBe(false);
    expect(conflicted.showConflict).toBe(true);
    expect(conflicted.conflict?.mine).toBe(edited.content);
    expect(run(conflicted, { type: "showConflict", open: false }).conflict).not.toBeNull();
  });

  it("a draft offer pauses autosave until restored or discarded", () => {
    const offer = { content: content({ sections: { tldr: "From the draft." } }), baseVersion: 3, savedAt: "2026-11-29T05:00:00.000Z" };
    const offered = run(start({ draft: offer }), { type: "edit", patch: { title: "typed before choosing" } });
    expect(shouldAutosave(offered)).toBe(false);
    expect(statusLine(offered)).toEqual({ kind: "paused", text: "Autosave paused" });
    const restored = run(start({ draft: offer }), { type: "restoreDraft" });
    expect(restored).toMatchObject({ offer: null, version: 3, flash: "Draft restored" });
    expect(restored.content).toBe(offer.content);
    // The restored text is what the draft holds: nothing to autosave, nothing to lose on leaving.
    expect(isDrafting(restored)).toBe(true);
    expect(isUnpersisted(restored)).toBe(false);
    expect(run(start({ draft: offer }), { type: "discardDraft" }).offer).toBeNull();
    expect(run(start(), { type: "restoreDraft" })).toEqual(start());
  });

  it("a draft written on an older version saves on top of that version, so the save goes through the conflict check", () => {
    const offer = { content: content({ title: "Old draft" }), baseVersion: 1, savedAt: "2026-11-28T05:00:00.000Z" };
    expect(run(start({ draft: offer }), { type: "restoreDraft" }).version).toBe(1);
  });
});

describe("conflictWording", () => {
  it("names the other person", () => {
    const w = conflictWording(conflictInfo());
    expect(w.heading).toBe("Priya Raman saved this handoff while you were editing");
    expect(w.savedVersion).toBe("Priya Raman saved version 4");
    expect(w.onlyTheirs).toBe("Only Priya Raman changed this");
    expect(conflictWording(conflictInfo({ savedBy: null })).heading).toBe("Someone saved this handoff while you were editing");
  });

  it("says 'in another tab or window' when the newer version is this person's own", () => {
    const w = conflictWording(conflictInfo({ savedBy: "Ada Lindqvist", savedByMe: true }));
    expect(w.heading).toContain("in another tab or window");
    expect(w.savedVersion).toBe("You saved version 4 in another tab or window");
    expect(Object.values(w).join(" ")).not.toContain("Ada Lindqvist");
  });
});

// ---------- The server flows ----------

function harness(state: EditorState, actions: Partial<EditorActions>) {
  let current = state;
  const dispatched: EditorAction["type"][] = [];
  const session: Session = {
    handoffId: "h1",
    actions: {
      save: vi.fn(async (): Promise<SaveResult> => ({ ok: true, version: state.version + 1, savedAt: "2026-11-29T06:10:00.000Z" })),
      saveDraft: vi.fn(async () => ({ ok: true as const, savedAt: "2026-11-29T06:09:00.000Z" })),
      discardDraft: vi.fn(async () => ({ ok: true as const })),
      ...actions,
    },
    getState: () => current,
    dispatch: (a) => {
      dispatched.push(a.type);
      current = editorReducer(current, a);
    },
    enqueue: serialQueue(),
  };
  return { session, dispatched, state: () => current };
}

describe("saveRevision", () => {
  it("with nothing changed, says so and calls nobody", async () => {
    const h = harness(start(), {});
    await saveRevision(h.session);
    expect(h.session.actions.save).not.toHaveBeenCalled();
    expect(h.state().flash).toBe("No changes to save · version 3");
  });

  it("sends the text on top of the editor's version with the trimmed message", async () => {
    const h = harness(run(start(), { type: "edit", patch: { title: "New" } }, { type: "message", text: "  Retitled  " }), {});
    await saveRevision(h.session);
    expect(h.session.actions.save).toHaveBeenCalledWith("h1", expect.objectContaining({ title: "New", version: 3, message: "Retitled" }));
    expect(h.dispatched).toEqual(["saveStart", "saveDone"]);
    expect(h.state()).toMatchObject({ version: 4, saving: false, message: "" });
    expect(isDirty(h.state())).toBe(false);
  });

  it("does nothing while a save is on its way", async () => {
    const h = harness(run(start(), { type: "edit", patch: { title: "New" } }, { type: "saveStart" }), {});
    await saveRevision(h.session);
    expect(h.session.actions.save).not.toHaveBeenCalled();
  });

  it("on a conflict, opens the merge and keeps this person's text in their draft", async () => {
    const h = harness(run(start(), { type: "edit", patch: { title: "Mine" } }), {
      save: vi.fn(async (): Promise<SaveResult> => ({ ok: false, message: "Someone saved first.", conflict: conflictInfo() })),
    });
    await saveRevision(h.session);
    await h.session.enqueue(async () => undefined);
    expect(h.state().showConflict).toBe(true);
    expect(h.state().conflict?.mine.title).toBe("Mine");
    expect(h.session.actions.saveDraft).toHaveBeenCalledWith("h1", 3, expect.objectContaining({ title: "Mine" }));
  });

  it("a merge saves the merged text on top of the winning version", async () => {
    const merged = content({ title: "Merged" });
    const h = harness(start(), {});
    await saveRevision(h.session, { content: merged, version: 4, message: "Merged with version 4" });
    expect(h.session.actions.save).toHaveBeenCalledWith("h1", expect.objectContaining({ title: "Merged", version: 4, message: "Merged with version 4" }));
    expect(h.state().content).toBe(merged);
  });

  it("an unreachable server leaves the text and says so", async () => {
    const h = harness(run(start(), { type: "edit", patch: { title: "Mine" } }), {
      save: vi.fn(async () => {
        throw new TypeError("fetch failed");
      }),
    });
    await saveRevision(h.session);
    expect(h.state().saveError?.message).toBe("The server could not be reached. Your text is still here; try again.");
    expect(h.state().content.title).toBe("Mine");
    expect(h.state().saving).toBe(false);
  });
});

describe("saveDraft and discardDraft", () => {
  it("autosave records what it wrote, or why not", async () => {
    const edited = run(start(), { type: "edit", patch: { title: "Draft" } });
    const ok = harness(edited, {});
    await saveDraft(ok.session, edited.content, 3);
    expect(ok.session.actions.saveDraft).toHaveBeenCalledWith("h1", 3, expect.objectContaining({ title: "Draft" }));
    expect(isDrafting(ok.state())).toBe(true);
    const refused = harness(edited, { saveDraft: vi.fn(async () => ({ ok: false as const, message: "Title is too long." })) });
    await saveDraft(refused.session, edited.content, 3);
    expect(refused.state()).toMatchObject({ draftBusy: false, draftError: "Title is too long." });
    const down = harness(edited, { saveDraft: vi.fn(async () => Promise.reject(new Error("offline"))) });
    await saveDraft(down.session, edited.content, 3);
    expect(down.state().draftError).toBe("The server could not be reached.");
  });

  it("discarding hides the offer at once and tells the server", async () => {
    const offer = { content: content({ title: "Old" }), baseVersion: 3, savedAt: "x" };
    const h = harness(start({ draft: offer }), { discardDraft: vi.fn(async () => Promise.reject(new Error("offline"))) });
    await discardDraft(h.session);
    expect(h.state().offer).toBeNull();
    expect(h.session.actions.discardDraft).toHaveBeenCalledWith("h1");
  });
});

describe("serialQueue", () => {
  it("runs calls in order, each after the previous settled, even when one fails", async () => {
    const enqueue = serialQueue();
    const order: string[] = [];
    let release!: () => void;
    const first = enqueue(() => new Promise<void>((r) => (release = r)).then(() => void order.push("first")));
    const second = enqueue(async () => {
      order.push("second");
      throw new Error("refused");
    });
    const third = enqueue(async () => void order.push("third"));
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await first;
    await expect(second).rejects.toThrow("refused");
    await third;
    expect(order).toEqual(["first", "second", "third"]);
  });
});
