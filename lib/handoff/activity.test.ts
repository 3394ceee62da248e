import { describe, expect, it } from "vitest";
import { describeActivity, type ActivityContext } from "./activity";

const ctx: ActivityContext = {
  sectionTitle: (key) => (key === "method" ? "Method" : key),
  threadSection: new Map(),
  userName: new Map([["u-ada", "Ada Lindqvist"]]),
};
const event = (action: string, details: unknown) => ({ id: "e1", at: new Date("2026-01-02T03:04:05Z"), action, details, actorEmail: "owner@example.test", actor: { name: "Olu Owner" } });

describe("comment edits and deletions in the activity feed", () => {
  it("says a comment was edited, linking to it", () => {
    const item = describeActivity(event("handoff.commentEdit", { commentId: "c1", sectionKey: "method" }), ctx);
    expect(`${item.who} ${item.did}`).toBe("Olu Owner edited a comment on Method");
    expect(item.href).toBe("#comment-c1");
  });

  it("says whose comment an owner deleted, and links nowhere (the text is gone)", () => {
    const theirs = describeActivity(event("handoff.commentDelete", { commentId: "c1", sectionKey: "method", authorId: "u-ada", own: false }), ctx);
    expect(`${theirs.who} ${theirs.did}`).toBe("Olu Owner deleted a comment by Ada Lindqvist on Method");
    expect(theirs.href).toBeUndefined();
    const own = describeActivity(event("handoff.commentDelete", { commentId: "c2", sectionKey: "method", authorId: "u-olu", own: true }), ctx);
    expect(own.did).toBe("deleted a comment on Method");
  });
});
