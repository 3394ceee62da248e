import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff";

const kinds = (before: string, after: string) => lineDiff(before, after).map((l) => `${l.kind[0]}:${l.text}`);

describe("lineDiff", () => {
  it("marks nothing when the texts are equal", () => {
    expect(kinds("a\nb", "a\nb")).toEqual(["s:a", "s:b"]);
  });

  it("finds a changed line between shared ones", () => {
    expect(kinds("a\nb\nc", "a\nB\nc")).toEqual(["s:a", "r:b", "a:B", "s:c"]);
  });

  it("keeps lines both texts share when others are inserted and removed", () => {
    expect(kinds("x\na\ny\nb", "a\nz\nb\nw")).toEqual(["r:x", "s:a", "r:y", "a:z", "s:b", "a:w"]);
  });

  it("treats an empty text as no lines", () => {
    expect(kinds("", "one\ntwo")).toEqual(["a:one", "a:two"]);
    expect(kinds("one", "")).toEqual(["r:one"]);
    expect(kinds("", "")).toEqual([]);
  });

  it("ignores the difference between CRLF and LF", () => {
    expect(kinds("a\r\nb", "a\nb")).toEqual(["s:a", "s:b"]);
  });

  it("falls back to one changed block for very large middles", () => {
    const before = Array.from({ length: 2000 }, (_, i) => `old ${i}`).join("\n");
    const after = Array.from({ length: 2000 }, (_, i) => `new ${i}`).join("\n");
    const diff = lineDiff(before, after);
    expect(diff).toHaveLength(4000);
    expect(diff[0].kind).toBe("removed");
    expect(diff[3999].kind).toBe("added");
  });
});
