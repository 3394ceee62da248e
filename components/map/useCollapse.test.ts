import { describe, expect, it } from "vitest";
import { formatCollapsed, parseCollapsed } from "./useCollapse";

describe("collapsed groups in the URL", () => {
  it("writes ids comma-separated in a stable order and reads them back", () => {
    const ids = new Set(["paper:handoff:b", "lane:model", "milestones:handoff:a"]);
    const text = formatCollapsed(ids);
    expect(text).toBe("lane:model,milestones:handoff:a,paper:handoff:b");
    expect(parseCollapsed(text)).toEqual(ids);
  });
  it("reads nothing from an empty or missing parameter, and skips empty items", () => {
    expect(parseCollapsed(null).size).toBe(0);
    expect(parseCollapsed("").size).toBe(0);
    expect([...parseCollapsed(" lane:milestone,, ")]).toEqual(["lane:milestone"]);
  });
});
